/** A line that was not counted, with a reason a procurement officer understands. */
export interface Rejection {
  readonly lineNumber: number;
  readonly reason: string;
  readonly raw: string;
}
