/** A line that was not counted, with a reason a procurement officer understands. */
export interface Rejection {
  readonly lineNumber: number;
  readonly reason: string;
  readonly raw: string;
  /** The amount the line states, when one can be read: what leaving it out leaves out, in money. */
  readonly amountCents?: number | undefined;
}

/**
 * Why a line with a readable amount is deliberately not counted: an older version of a contract
 * whose current version is, a contract or row the file repeats, or a total row that is no payment.
 */
export type SetAsideKind = 'older-version' | 'duplicate' | 'summary-row';

/** A line listed in the rejects file beside the rejected ones, but not an error. */
export interface SetAside extends Rejection {
  readonly setAside: SetAsideKind;
}
