// The V8 heap flag the CLI runs under, here rather than in ancrage.js so that the bench can run its
// stages under the same flag without starting the CLI (see ancrage.js for why 40).
export const HEAP_GROWING_FLAG = '--heap-growing-percent=40';

/** Flags that size the heap: one given by the user (command line, NODE_OPTIONS) leaves V8's own sizing. */
export const HEAP_FLAGS = ['--max-old-space-size', '--max-heap-size', '--heap-growing-percent'];
