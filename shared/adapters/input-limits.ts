/**
 * The limits every file read is held to, so that a hostile file ends rejected with a reason instead of
 * exhausting memory, the stack or the run's time. Values and reasons: docs/security.md, "Bounded inputs".
 * (The length of a line is the domain's: `MAX_LINE_LENGTH` in shared/domain/ingest/row-checks.ts.)
 */

/**
 * Arrays and objects inside each other. A DECP file nests 5 or 6 levels; 100 000 levels overflow the
 * stack of any code that walks the value recursively (`JSON.stringify` among them).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * JSON text read without a contract completing: a DECP contract is a few thousand characters. Counted
 * a chunk of text at a time, so the read stops within one chunk (some 64 KB) past it.
 */
export const MAX_JSON_RECORD_CHARS = 4 * 1024 * 1024;

const MIB = 1024 * 1024;

export interface InflationLimits {
  /** A gzipped file may inflate to this many bytes. */
  readonly maxInflatedBytes: number;
  /** …and to at most this many times the compressed bytes consumed (real exports: 6 to 15). */
  readonly maxRatio: number;
}

/** 1 GiB: twice the largest plain upload (`MAX_UPLOAD_MB`, 500 by default). */
export const DEFAULT_MAX_INFLATED_MB = 1024;
/** Real CSV and DECP JSON files inflate 6 to 15 times (tests/fixtures/real); gzip can reach ~1 000. */
export const DEFAULT_MAX_INFLATION_RATIO = 100;

/** The limits as the environment states them: megabytes, and a ratio. */
export const inflationLimits = (maxInflatedMb: number, maxRatio: number): InflationLimits => ({
  maxInflatedBytes: maxInflatedMb * MIB,
  maxRatio,
});

export const DEFAULT_INFLATION_LIMITS = inflationLimits(DEFAULT_MAX_INFLATED_MB, DEFAULT_MAX_INFLATION_RATIO);

/** The ratio is judged from this many inflated bytes on: a small file of blanks is no bomb. */
export const RATIO_CHECKED_FROM_BYTES = 16 * MIB;

const sizeText = (bytes: number) =>
  bytes < MIB ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / MIB) * 10) / 10} MB`;

/** Why inflating must stop now, or undefined while it is within the limits. */
export function inflationRefusal(
  inflatedBytes: number,
  compressedBytes: number,
  limits: InflationLimits,
  what = 'the gzipped file',
): string | undefined {
  if (inflatedBytes > limits.maxInflatedBytes) {
    return `${what} inflates to more than ${sizeText(limits.maxInflatedBytes)}, the most a file may have`;
  }
  if (inflatedBytes > RATIO_CHECKED_FROM_BYTES && inflatedBytes > limits.maxRatio * compressedBytes) {
    return `${what} inflates more than ${limits.maxRatio} times (${sizeText(inflatedBytes)} from ${sizeText(compressedBytes)}): a compression bomb, not an export`;
  }
  return undefined;
}
