/** The anchor the bench files belong to: the Ville de Grenoble, an anchor of the default territory. */
export const BENCH_ANCHOR_ID = '21380185500015';
export const DEFAULT_SEED = 20_250_101;
/** Suppliers paid by the payments files (fewer in a quick run, so that the small file still pays them all). */
export const DEFAULT_SUPPLIERS = 5_000;
/** Share of payment lines ingest must reject. */
export const BAD_SHARE = 0.02;
/** The ingest core runs with the same rejected-line ceiling as the embedded stack. */
export const MAX_REJECTED_RATIO = 0.5;
/** Heap bound of the child processes whose peak RSS is measured: they must stream to stay under it. */
export const BOUNDED_HEAP_MB = 192;
