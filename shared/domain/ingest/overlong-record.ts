import type { RawRow } from './ingest-core.ts';
import { reasonText } from './rejection-reasons.ts';
import { MAX_LINE_LENGTH } from './row-checks.ts';

/** What the rejects file shows of a record too long to keep. */
export const OVERLONG_KEPT_CHARS = 1_000;

/**
 * A record longer than a line may be (`MAX_LINE_LENGTH`), read over to its end without being held:
 * only its start and its length are kept, so a line of 200 MB costs no more memory than a short one.
 * It is rejected as too long wherever it is read; its cells (its start cut at each delimiter) serve
 * only to look for a header, which such a line never is.
 */
export class OverlongRecord implements RawRow {
  constructor(
    readonly lineNumber: number,
    /** The first `OVERLONG_KEPT_CHARS` characters as written. */
    readonly start: string,
    /** Its length in characters, its newline left out. */
    readonly length: number,
    private readonly delimiter: string,
  ) {}

  get cells(): readonly string[] {
    return this.start.split(this.delimiter);
  }

  /** Why it is not counted, with its true length. */
  get reason(): string {
    const params = {
      max: String(MAX_LINE_LENGTH),
      length: String(this.length),
      shown: String(this.start.length),
    };
    return reasonText('line-too-long-shown', params, 'en');
  }
}
