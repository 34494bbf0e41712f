import type { Language } from '../contracts/portal-api.ts';
import type { AnswerSource, SurveyAnswer } from '../domain/multiplier/survey-answer.ts';

/** What became of the current link's token: unused, spent on an answer, or spent on a withdrawal. */
export type TokenUse = 'unused' | 'answered' | 'withdrawn';

export interface SurveyInvitationRecord {
  readonly language: Language;
  /** ISO instants. */
  readonly invitedAt: string;
  readonly expiresAt: string;
  /** How many days each link of this invitation stays valid: a reminder's fresh link too. */
  readonly validDays: number;
  /** SHA-256 (hex) of the current link's token; the token itself is never stored. */
  readonly tokenSha256: string;
  readonly tokenUse: TokenUse;
  /** ISO instants of the reminders sent, oldest first. */
  readonly reminders: readonly string[];
}

export interface SetAside {
  readonly reason: string;
  /** The officer who set it aside, as the portal names them. */
  readonly by: string;
  readonly at: string;
}

export interface RecordedAnswer {
  /** ISO date the supplier answered. */
  readonly answeredOn: string;
  readonly source: AnswerSource;
  readonly answer: SurveyAnswer;
  readonly setAside: SetAside | null;
}

/**
 * One supplier's survey for one anchor: the invitation (none for an answer imported from a CSV
 * without one), the answer in force, and when the supplier withdrew.
 */
export interface SurveyRecord {
  readonly anchorId: string;
  readonly supplierKey: string;
  readonly supplierName: string;
  readonly invitation: SurveyInvitationRecord | null;
  readonly answer: RecordedAnswer | null;
  readonly withdrawnAt: string | null;
  /** When the record was first written (an imported answer's invitation-less record is dated so). */
  readonly createdAt: string;
}

/** A record as read, with the version a conditional write must find unchanged. */
export interface StoredSurvey {
  readonly record: SurveyRecord;
  readonly version: number;
}

/** Beyond this many suppliers surveyed, an anchor's list is refused more: its reads stay one bounded query. */
export const MAX_SURVEYS_PER_ANCHOR = 1_000;

/** The write side of supplier surveys (the read side reports use is `SurveyAnswers`). */
export interface SurveyStore {
  /** An anchor's surveys, at most MAX_SURVEYS_PER_ANCHOR, in no particular order. */
  listSurveys(anchorId: string): Promise<StoredSurvey[]>;
  getSurvey(anchorId: string, supplierKey: string): Promise<StoredSurvey | undefined>;
  /** The survey whose current link has this token hash; undefined for a forged or replaced token. */
  findByToken(tokenSha256: string): Promise<StoredSurvey | undefined>;
  /**
   * Writes the record if the stored one is still at `expected` (null: none stored yet). False when
   * another write came first: the caller reads again and decides anew (a token answers once).
   */
  putSurvey(record: SurveyRecord, expected: number | null): Promise<boolean>;
}
