import type {
  DatasetStatus,
  FactSource,
  InvitationStatus,
  SurveyAnswerSummary,
} from '../../../shared/contracts/portal-api.ts';
import type { CanonicalField } from '../../../shared/domain/formats/canonical-fields.ts';

/**
 * Every piece of text the portal shows, per language (`messages-fr.ts`, `messages-en.ts`), in the
 * style of the reports' labels: plain text, functions for text with values (already formatted).
 */
export interface Messages {
  readonly locale: string;
  readonly appName: string;
  readonly skipToContent: string;
  readonly nav: {
    readonly label: string;
    readonly upload: string;
    readonly suppliers: string;
    readonly reports: string;
    readonly surveys: string;
  };
  readonly language: { readonly switchTo: string; readonly switchLabel: string };
  readonly session: {
    readonly signedInAs: (name: string, anchor: string) => string;
    readonly signOut: string;
  };
  readonly signIn: {
    readonly heading: string;
    readonly localIntro: string;
    readonly name: string;
    readonly anchor: string;
    readonly submit: string;
    readonly cloudIntro: string;
    readonly cloudSubmit: string;
    readonly failed: (detail: string) => string;
  };
  readonly errors: {
    readonly network: string;
    readonly signedOut: string;
    readonly problem: (title: string, detail: string | undefined) => string;
  };
  readonly upload: {
    readonly heading: string;
    readonly intro: string;
    readonly dropZone: string;
    readonly dropZoneHint: string;
    readonly chooseFile: string;
    /** The choice a consortium administrator bound to an institution makes: whose figures the file feeds. */
    readonly scopeLegend: string;
    readonly scopeAnchor: (institution: string) => string;
    readonly scopeConsortium: string;
    /** Signed in as the consortium itself: every file counts for each buyer it names. */
    readonly consortiumWide: string;
    readonly kind: string;
    readonly kindAuto: string;
    readonly kinds: { readonly payments: string; readonly contracts: string };
    readonly reading: (fileName: string) => string;
    readonly send: string;
    readonly progress: string;
    readonly progressValue: (percent: string) => string;
    readonly sent: string;
    readonly sendFailed: (detail: string) => string;
    readonly another: string;
    readonly recent: string;
    readonly recentColumns: readonly [string, string, string, string, string];
    /** The list of uploads, a page of it: ranks and total already formatted. */
    readonly recentCaption: (from: string, to: string, total: string) => string;
    readonly newer: string;
    readonly newerLabel: string;
    readonly older: string;
    readonly olderLabel: string;
    readonly none: string;
  };
  readonly detection: {
    readonly heading: string;
    readonly file: string;
    readonly size: string;
    readonly encoding: string;
    readonly delimiter: string;
    readonly delimiters: Readonly<Record<string, string>>;
    readonly json: (version: string) => string;
    readonly format: string;
    readonly kind: string;
    readonly headerLine: string;
    readonly columns: string;
    readonly columnHeaders: readonly [string, string, string];
    readonly unused: string;
    readonly firstLines: string;
    readonly sample: (accepted: number, rejected: number, read: number) => string;
    readonly sampleColumns: readonly [string, string, string, string, string];
    readonly sampleRejected: string;
    /** The caption of the lines that would be counted: the counts are said once, in `sample`. */
    readonly sampleAccepted: string;
    readonly notRecognised: string;
    readonly notRecognisedWhy: (reason: string) => string;
    readonly wouldBeRejected: (reason: string) => string;
    readonly byProfile: string;
    /** For a file no format fits whose columns inference read: the table's caption and its headers. */
    readonly reading: string;
    readonly readingColumns: readonly [string, string, string, string, string];
    /** A column that came next for a role, with its score (already formatted). */
    readonly candidate: (header: string, score: string) => string;
    /** That the officer may confirm or change the reading, and what saving it as a profile spares them. */
    readonly readingNote: string;
    readonly confirmReading: string;
    /** In place of the date of a line with none that reads: it is counted all the same. */
    readonly undated: string;
  };
  readonly mapping: {
    readonly heading: string;
    readonly intro: string;
    readonly useSaved: string;
    readonly noSaved: string;
    readonly apply: string;
    readonly newProfile: string;
    readonly headerLine: string;
    readonly notMapped: string;
    /** The form starts from the columns inference read with confidence. */
    readonly fromReading: string;
    /** The form starts from inference's best guess, not good enough to read the file without asking. */
    readonly fromGuess: string;
    readonly fields: Readonly<Partial<Record<CanonicalField, string>>>;
    readonly decimal: string;
    readonly dateFormat: string;
    readonly currency: string;
    readonly label: string;
    readonly id: string;
    readonly idHint: string;
    readonly save: string;
    readonly saved: (label: string) => string;
    readonly invalid: (detail: string) => string;
  };
  readonly status: {
    readonly heading: string;
    readonly waiting: (fileName: string) => string;
    readonly names: Readonly<Record<DatasetStatus, string>>;
    /** A duplicate upload's status: read, not an error, its spend counted in the earlier file. */
    readonly readNotCounted: string;
    readonly duplicateOf: (fileName: string) => string;
    readonly supersededBy: (fileName: string) => string;
    readonly countedByAnotherInstitution: string;
    readonly statusLine: (fileName: string, status: string) => string;
    readonly accepted: string;
    readonly rejected: string;
    readonly setAside: string;
    readonly amount: string;
    readonly suppliers: string;
    readonly period: string;
    readonly periodRange: (from: string, to: string) => string;
    readonly format: string;
    /** The columns inference read, as `field ← "column" (score)`, one after the other. */
    readonly columnsReadAs: (reading: string) => string;
    /** How a close call between two columns for a field was settled. */
    readonly settled: (field: string, header: string, why: string) => string;
    readonly message: string;
    readonly rejects: string;
    readonly rejectsColumns: readonly [string, string, string, string, string];
    readonly rejectStatuses: { readonly rejected: string; readonly setAside: string };
    readonly rejectsMore: (shown: number, total: number) => string;
    readonly downloadRejects: string;
    /** In place of an empty table of lines not counted: every line was counted. */
    readonly noRejects: string;
    /** The link from the upload page to the dataset's own page. */
    readonly datasetLink: string;
    readonly unmatched: string;
    readonly unmatchedIntro: (count: string, amount: string, share: string) => string;
    readonly unmatchedColumns: readonly [string, string, string, string];
    /** A page of them, largest spend first: ranks and total already formatted. */
    readonly unmatchedCaption: (from: string, to: string, total: string) => string;
    readonly unmatchedPrevious: string;
    readonly unmatchedPreviousLabel: string;
    readonly unmatchedNext: string;
    readonly unmatchedNextLabel: string;
    readonly noUnmatched: string;
    readonly overlaps: string;
    readonly overlapsIntro: string;
    readonly overlapsColumns: readonly [string, string, string];
  };
  /** A dataset's own page (`#/datasets/<id>`). */
  readonly dataset: {
    readonly heading: (fileName: string) => string;
    readonly loading: string;
    readonly back: string;
    readonly notFoundHeading: string;
    /** Said alike of an id unknown and of another institution's dataset. */
    readonly notFound: string;
  };
  /** How a file's money ties out, for an officer to check against their ledger. */
  readonly reconciliation: {
    readonly heading: string;
    readonly intro: string;
    readonly columns: readonly [string, string, string];
    readonly counted: string;
    readonly concessions: string;
    readonly setAside: (kind: string) => string;
    readonly rejectedWithAmount: string;
    readonly rejectedWithoutAmount: string;
    readonly control: string;
    readonly totalRows: string;
    readonly totalRowsValue: (lines: string, amount: string) => string;
    readonly statedTotal: (lineNumber: string) => string;
    readonly statedTotalAgrees: (amount: string) => string;
    readonly statedTotalDiffers: (amount: string, counted: string, difference: string) => string;
    readonly flags: string;
    readonly flagsIntro: string;
    readonly flagsColumns: readonly [string, string, string];
  };
  readonly suppliers: {
    readonly heading: string;
    readonly search: string;
    readonly searchHint: string;
    readonly searchButton: string;
    readonly results: (shown: number, total: number) => string;
    readonly columns: readonly [string, string, string, string];
    readonly corrected: string;
    readonly open: (name: string) => string;
    readonly more: string;
    readonly none: string;
  };
  readonly profile: {
    readonly heading: (name: string) => string;
    readonly back: string;
    readonly facts: string;
    readonly factColumns: readonly [string, string, string, string];
    readonly factNames: {
      readonly name: string;
      readonly identifier: string;
      readonly establishment: string;
      readonly headOffice: string;
      readonly legalCategory: string;
      readonly ess: string;
      readonly sizeCategory: string;
      readonly headcountBand: string;
      readonly activity: string;
      readonly supplierType: string;
      readonly spend: (kind: string) => string;
    };
    readonly sources: Readonly<Record<FactSource, string>>;
    readonly yes: string;
    readonly no: string;
    readonly nothingKnown: string;
    readonly place: (parts: { commune?: string; postcode?: string; country?: string }) => string;
    readonly correct: string;
    readonly correctIntro: string;
    readonly type: string;
    readonly keepType: string;
    readonly communeCode: string;
    readonly communeCodeHint: string;
    readonly postcode: string;
    readonly country: string;
    readonly reason: string;
    readonly reasonHint: string;
    readonly saveCorrection: string;
    readonly saved: string;
    readonly audit: string;
    readonly auditEmpty: string;
    readonly auditEntry: (at: string, by: string, change: string, reason: string) => string;
    readonly changeType: (type: string) => string;
    readonly changePlace: (place: string) => string;
  };
  /** The lines behind a supplier's figure, on its page: one table per counted file, paged. */
  readonly lines: {
    readonly heading: string;
    readonly intro: string;
    /** The table's caption: the file and the lines shown of the supplier's lines in it (numbers formatted). */
    readonly caption: (fileName: string, from: string, to: string, total: string) => string;
    readonly consortiumWide: string;
    readonly columns: readonly [string, string, string, string, string, string];
    /** In place of the date of a line counted without one. */
    readonly undated: string;
    readonly concession: string;
    readonly shareOf: (holders: string) => string;
    /** A file of an earlier version whose lines were not kept: none to show. */
    readonly unavailable: (fileName: string) => string;
    readonly previous: string;
    readonly previousLabel: (fileName: string) => string;
    readonly next: string;
    readonly nextLabel: (fileName: string) => string;
  };
  readonly reports: {
    readonly heading: string;
    readonly intro: string;
    readonly columns: readonly [string, string, string, string, string, string];
    /** In place of a local share too little located to measure, with the share that is located. */
    readonly notMeasurable: (knownLocality: string) => string;
    readonly consortium: string;
    readonly anchor: (name: string) => string;
    readonly languages: { readonly fr: string; readonly en: string };
    readonly open: string;
    readonly openLabel: (scope: string, kind: string, language: string) => string;
    readonly rebuild: string;
    /** Said on clicking: the builds run afterwards, each one's outcome is then read from the list. */
    readonly requested: string;
    readonly rebuilt: string;
    readonly unchanged: string;
    /** Some report asked for could not be built: the list says which, and why. */
    readonly failed: string;
    /** The builds had not all ended when the page stopped waiting. */
    readonly pending: string;
    readonly lastBuildFailed: (reason: string) => string;
    /** Why a build failed, by the code the API gives; an unknown code shows the API's own reason. */
    readonly failures: { readonly 'several-currencies': string };
    /** In place of a share and a link, for a report none of whose builds succeeded. */
    readonly neverPublished: string;
    readonly none: string;
    readonly periodUnknown: string;
  };
  /** The supplier surveys of the local multiplier (`#/surveys`): invite, follow, remind, set aside, import. */
  readonly surveys: {
    readonly heading: string;
    readonly intro: string;
    readonly candidates: {
      readonly heading: string;
      readonly intro: string;
      /** A page of the candidates: ranks and total already formatted. */
      readonly caption: (from: string, to: string, total: string) => string;
      readonly columns: readonly [string, string, string, string, string];
      /** The accessible name of a candidate's checkbox. */
      readonly choose: (name: string) => string;
      readonly local: string;
      readonly invited: string;
      readonly notInvited: string;
      readonly previous: string;
      readonly previousLabel: string;
      readonly next: string;
      readonly nextLabel: string;
      readonly none: string;
      readonly chosen: (count: number) => string;
      readonly tooMany: (max: number) => string;
      readonly validDays: string;
      readonly validDaysHint: string;
      readonly validDaysInvalid: string;
      readonly emailLanguage: string;
      readonly emailLanguageHint: string;
      readonly languages: { readonly fr: string; readonly en: string };
      readonly open: string;
      readonly noneChosen: string;
      readonly opening: string;
    };
    /** The links just made, each shown once with its e-mail. */
    readonly opened: {
      readonly heading: string;
      readonly done: (count: number) => string;
      readonly onceNote: string;
      readonly link: (name: string) => string;
      readonly expires: (date: string) => string;
      readonly subject: (name: string) => string;
      readonly body: (name: string) => string;
      readonly copy: string;
      readonly copyLabel: (what: string) => string;
      readonly copied: string;
      readonly copyFailed: string;
    };
    readonly invitations: {
      readonly heading: string;
      readonly counts: (answered: number, notAnswered: number) => string;
      readonly caption: string;
      readonly columns: readonly [string, string, string, string, string, string, string, string];
      readonly statuses: Readonly<Record<InvitationStatus, string>>;
      readonly setAside: string;
      readonly noReminder: string;
      /** How many reminders were sent, and the date of the last (formatted). */
      readonly reminders: (count: number, last: string) => string;
      readonly sources: Readonly<Record<SurveyAnswerSummary['source'], string>>;
      /** The answer in a cell: local re-spend share, role, date and source, each already formatted. */
      readonly answer: (percent: string, role: string, date: string, source: string) => string;
      readonly setAsideBecause: (reason: string, by: string, at: string) => string;
      readonly noAnswer: string;
      readonly none: string;
      readonly remind: string;
      readonly remindLabel: (name: string) => string;
      readonly setAsideAction: string;
      readonly setAsideLabel: (name: string) => string;
      readonly useAgain: string;
      readonly useAgainLabel: (name: string) => string;
      readonly usedAgain: (name: string) => string;
    };
    readonly reminder: {
      readonly heading: (name: string) => string;
      readonly intro: string;
      readonly email: string;
      readonly emailHint: string;
      readonly send: string;
      readonly cancel: string;
      readonly ready: (name: string) => string;
      readonly sentTo: (address: string) => string;
    };
    readonly setAside: {
      readonly heading: (name: string) => string;
      readonly intro: string;
      readonly reason: string;
      readonly reasonHint: string;
      readonly submit: string;
      readonly cancel: string;
      readonly done: (name: string) => string;
    };
    readonly answers: {
      readonly heading: string;
      readonly intro: string;
      readonly file: string;
      readonly fileHint: string;
      readonly send: string;
      readonly tooLarge: (size: string) => string;
      readonly noFile: string;
      readonly result: (accepted: number, rejected: number) => string;
      readonly rejectedCaption: string;
      readonly rejectedColumns: readonly [string, string];
    };
  };
}
