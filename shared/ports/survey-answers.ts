import type { AcceptedAnswer } from '../domain/multiplier/survey-answer.ts';

/** The survey answers a report may use (the write side lives with the surveys themselves). */
export interface SurveyAnswers {
  /** Answers neither withdrawn nor set aside, gathered by these anchors' surveys, latest first. */
  acceptedAnswers(anchorIds: readonly string[]): Promise<readonly AcceptedAnswer[]>;
}
