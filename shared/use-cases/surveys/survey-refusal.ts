/**
 * Why a survey request is refused, as a value the route maps to its status: `not-found` (no such
 * supplier or survey for the caller's anchor: 404), `conflict` (the survey's state forbids it: 409),
 * `invalid` (400).
 */
export interface SurveyRefusal {
  readonly ok: false;
  readonly code: 'not-found' | 'conflict' | 'invalid';
  readonly reason: string;
}

export type SurveyOutcome<T> = { readonly ok: true; readonly value: T } | SurveyRefusal;

export const refuse = (code: SurveyRefusal['code'], reason: string): SurveyRefusal => ({
  ok: false,
  code,
  reason,
});

/** Keys listed for a person: the first few, then how many more. */
export function someKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).join(', ');
  return keys.length > 5 ? `${shown} and ${keys.length - 5} more` : shown;
}
