export declare const HEAP_GROWING_FLAG: string;
export declare const HEAP_FLAGS: readonly string[];
