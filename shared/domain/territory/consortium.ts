/**
 * The upload folder of the consortium administrators (`uploads/consortium/…`): files that cover the
 * whole consortium, such as a département's DECP extract naming every buyer. No anchor takes this id.
 */
export const CONSORTIUM_UPLOADER = 'consortium';
