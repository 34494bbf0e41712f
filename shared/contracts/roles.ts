/**
 * The user-pool group whose members may upload consortium-wide files (a département's DECP extract
 * naming every buyer) into `uploads/consortium/`: the runtime reads it from the token's
 * `cognito:groups` claim, the infrastructure creates it. A contract, free of runtime code.
 */
export const CONSORTIUM_ADMINISTRATORS_GROUP = 'consortium-administrators';
