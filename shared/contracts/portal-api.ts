/**
 * The portal's HTTP API, as the browser sees it: the routes (one list, shared by the CDK HTTP API and
 * the local server of `ancrage serve`, so they cannot drift) and the shape of every answer. Types only
 * and plain data: the front end, the runtime and infra all import it. Request bodies are validated by
 * zod schemas in `shared/runtime/api/bodies.ts`; their TypeScript shapes are repeated here for clients.
 *
 * Every route is scoped to the caller's anchor (the institution bound to the signed-in user): another
 * anchor's dataset, supplier or mapping profile answers 404, as if it did not exist.
 * Errors are RFC 9457 problem JSON (`application/problem+json`): {@link Problem}.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface PortalRoute {
  readonly method: HttpMethod;
  /** API Gateway's path template: `{name}` is one path segment. */
  readonly path: string;
}

/** Every route of the portal API. The local server and the CDK HTTP API both read this list. */
export const PORTAL_API_ROUTES = [
  { method: 'GET', path: '/me' },
  { method: 'POST', path: '/uploads' },
  { method: 'GET', path: '/datasets' },
  { method: 'GET', path: '/datasets/{id}' },
  { method: 'GET', path: '/datasets/{id}/rejects' },
  { method: 'GET', path: '/datasets/{id}/unmatched-suppliers' },
  { method: 'GET', path: '/suppliers' },
  { method: 'GET', path: '/suppliers/{key}' },
  { method: 'GET', path: '/suppliers/{key}/lines' },
  { method: 'PUT', path: '/suppliers/{key}/override' },
  { method: 'GET', path: '/mapping-profiles' },
  { method: 'PUT', path: '/mapping-profiles/{id}' },
  { method: 'GET', path: '/reports' },
  { method: 'POST', path: '/reports/rebuild' },
  { method: 'GET', path: '/surveys' },
  { method: 'GET', path: '/surveys/candidates' },
  { method: 'POST', path: '/surveys' },
  { method: 'POST', path: '/surveys/answers' },
  { method: 'POST', path: '/surveys/{key}/reminder' },
  { method: 'PUT', path: '/surveys/{key}/set-aside' },
] as const satisfies readonly PortalRoute[];

/**
 * The supplier survey's form, the only routes open without signing in: the unguessable token in the
 * path is the whole authorisation (docs/security.md, "Supplier surveys"). They answer HTML, not JSON.
 */
export const PUBLIC_SURVEY_ROUTES = [
  { method: 'GET', path: '/survey/{token}' },
  { method: 'POST', path: '/survey/{token}' },
  { method: 'POST', path: '/survey/{token}/withdraw' },
] as const satisfies readonly PortalRoute[];
export type PublicSurveyRouteKey = KeyOf<(typeof PUBLIC_SURVEY_ROUTES)[number]>;

type KeyOf<R> = R extends PortalRoute ? `${R['method']} ${R['path']}` : never;
/** `GET /datasets/{id}`: API Gateway's `routeKey`, the handler's switch (one per route, not a product). */
export type PortalRouteKey = KeyOf<(typeof PORTAL_API_ROUTES)[number]>;

export const routeKeyOf = (route: PortalRoute): string => `${route.method} ${route.path}`;

// ---------------------------------------------------------------------------------------------
// Shared shapes

/** RFC 9457: `title` says what went wrong, `detail` what to do about it; never internals. */
export interface Problem {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
}

export type DatasetKind = 'payments' | 'contracts';
export type Language = 'fr' | 'en';
export type FactSource = 'override' | 'registry' | 'directory' | 'file' | 'name';

/** A fact about a supplier and where it comes from. */
export interface SourcedFact<T> {
  readonly value: T;
  readonly source: FactSource;
  /** ISO date the fact was learnt. */
  readonly asOf: string;
}

/** A place as a registry, a file or a person states it. */
export interface PlaceFact {
  readonly communeCode?: string;
  readonly postcode?: string;
  /** ISO 3166 alpha-2. */
  readonly country?: string;
  /** UK local-authority code. */
  readonly localAuthority?: string;
}

/** A page of a bounded list: pass `nextCursor` back as `?cursor=` for the next page. */
export interface Page {
  readonly total: number;
  readonly nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// GET /me

export interface MeResponse {
  readonly name: string;
  readonly anchorId: string;
  /** From the territory configuration or the anchor's own files; null when unknown. */
  readonly anchorName: string | null;
  /** May upload consortium-wide files (`scope: "consortium"`) and sees the consortium's uploads. */
  readonly consortiumAdministrator: boolean;
}

// ---------------------------------------------------------------------------------------------
// POST /uploads   body: UploadRequest   → 201 UploadForm

export interface UploadRequest {
  /** Letters, digits, spaces and `. _ ( ) -`, no folder, at most 200 characters. */
  readonly fileName: string;
  readonly kind?: DatasetKind;
  /** A saved mapping profile of the caller's anchor, for a layout Ancrage does not recognise. */
  readonly mappingProfileId?: string;
  /**
   * `consortium` (consortium administrators only, else 403): a file for the whole consortium, such as a
   * département's DECP extract, whose lines count for every anchor they name. Otherwise the file
   * counts for the caller's institution and the satellites the territory declares for it only.
   */
  readonly scope?: 'anchor' | 'consortium';
}

/**
 * A presigned POST: send a `multipart/form-data` POST to `url` with every field of `fields` first,
 * then the file as the last field, named `file`. Valid until `expiresAt` (15 minutes at most).
 */
export interface UploadForm {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Where the file lands: `uploads/<anchorId>/<fileName>`, or `uploads/consortium/<fileName>`. */
  readonly key: string;
  readonly expiresAt: string;
}

// ---------------------------------------------------------------------------------------------
// GET /datasets?cursor=&limit= → DatasetList;  GET /datasets/{id} → DatasetDetail

export type DatasetStatus = 'RECEIVED' | 'INGESTING' | 'INGESTED' | 'REJECTED' | 'FAILED' | 'SUPERSEDED';

/** One uploaded file and what ingest made of it. Only INGESTED datasets count in reports. */
export interface DatasetSummary {
  readonly id: string;
  readonly fileName: string;
  readonly status: DatasetStatus;
  /** Why a file was rejected or failed, or what replaced it: written for the officer. */
  readonly message: string | null;
  readonly kind: DatasetKind | null;
  readonly currency: string | null;
  /** The recognised layout: `fr-payments-csv`, `decp-flat-csv`, `mapping:<profile id>`… */
  readonly format: string | null;
  /**
   * For a file no format fitted (format `inferred`): the role each column was read as, its score in
   * percent, the columns that came next, and how a close call was settled. Null otherwise.
   */
  readonly columnReading: readonly ColumnReadingSummary[] | null;
  readonly encoding: string | null;
  readonly receivedAt: string;
  readonly updatedAt: string;
  /** Lines accepted (counted). */
  readonly acceptedLines: number;
  /** Lines rejected, each in the rejects file with its line number and reason. */
  readonly rejectedLines: number;
  /**
   * Lines read but set aside, not counted (an older version of a DECP contract): in the rejects file
   * too, with their reason.
   */
  readonly setAsideLines: number;
  readonly amountCents: number;
  readonly suppliers: number;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  /** True when a rejects file exists: `GET /datasets/{id}/rejects`. */
  readonly hasRejects: boolean;
  /**
   * The dataset that counts this one's spend instead (a duplicate or a superseded file), if any;
   * `another-institution` when it is not the caller's to see (a record from before 0.6.0).
   */
  readonly countedIn: string | null;
  /** Other counted datasets with part of the same spend (supplier, month and amount): both count. */
  readonly overlaps: readonly DatasetOverlapSummary[];
}

export interface ColumnReadingSummary {
  /** A canonical field: `supplierName`, `amount`, `date`… (docs/formats.md). */
  readonly role: string;
  readonly header: string;
  readonly scorePercent: number;
  /** How a close call with the first alternative was settled. */
  readonly settledBy?: 'net-of-vat' | 'payment-date' | 'higher-score';
  readonly alternatives: readonly { readonly header: string; readonly scorePercent: number }[];
}

export interface DatasetOverlapSummary {
  readonly datasetId: string;
  /** Supplier-months with the very same amount in both. */
  readonly supplierMonths: number;
  readonly amountCents: number;
}

/** One page of the caller's datasets (`limit` 1–100, default 25); `total` counts them all. */
export interface DatasetList extends Page {
  /** Newest first. */
  readonly datasets: readonly DatasetSummary[];
}

/** Lines and the amount they state, in cents. */
export interface LinesAndCents {
  readonly lines: number;
  readonly cents: number;
}

/**
 * How a file's money ties out, to the cent, for an officer to check against their ledger: every
 * amount read on a line of spend is counted, set aside for a stated reason, or rejected, and
 * `controlCents = countedCents + concessionCents + Σ setAside.cents + rejected.cents`.
 */
export interface DatasetReconciliation {
  /** Every readable amount on a line of spend in the file, each line (or DECP contract) once. */
  readonly controlCents: number;
  /** Purchases counted: the dataset's `amountCents`. */
  readonly countedCents: number;
  /** DECP concession values, counted apart from purchases. */
  readonly concessionCents: number;
  /** Read but deliberately not counted: older versions of a contract, contracts or rows the file repeats. */
  readonly setAside: readonly (LinesAndCents & { readonly kind: 'older-version' | 'duplicate' })[];
  /** Total and sub-total rows the export added: not spend, outside the control total. */
  readonly totalRows: LinesAndCents;
  /** Lines not counted for a defect: `withAmount` of them state an amount, `cents` in all. */
  readonly rejected: LinesAndCents & { readonly withAmount: number };
  /**
   * Counted lines carrying a data-quality flag (`undated`, `invalid-identifier`, `re-decoded`…), per
   * flag: counted all the same, with the money at stake. A line may carry several flags.
   */
  readonly flags: readonly (LinesAndCents & { readonly flag: string })[];
  /** The file's own grand-total row, and whether it equals `countedCents`; null when it has none. */
  readonly statedTotal: {
    readonly lineNumber: number;
    readonly cents: number;
    readonly agrees: boolean;
  } | null;
}

/** Why a file read is not counted: the dataset that counts its spend instead. */
export interface CountedElsewhere {
  /**
   * `duplicate`: the very same bytes were uploaded before; `superseded`: a newer upload of the same
   * file, or a file holding every supplier-month of its spend, counts it.
   */
  readonly reason: 'duplicate' | 'superseded';
  /** `another-institution` when it is another institution's: its ids are not yours to see either. */
  readonly datasetId: string;
  /** That dataset's file name; null when it is another institution's (its files are not yours to see). */
  readonly fileName: string | null;
}

export interface DatasetDetail {
  readonly dataset: DatasetSummary;
  /** Null while ingest has not read the file through, or for a file read before reconciliations existed. */
  readonly reconciliation: DatasetReconciliation | null;
  /** Read, not counted (a duplicate or a superseded file): which dataset counts it; null otherwise. */
  readonly countedElsewhere: CountedElsewhere | null;
  /** A presigned link to the rejects CSV, valid 5 minutes, good for a plain link; null without rejects. */
  readonly rejectsUrl: string | null;
  /**
   * The same file through the API, relative to the API's base: `/datasets/{id}/rejects`; null
   * without rejects. In AWS fetch it with the user's token (a plain link carries none).
   */
  readonly rejectsPath: string | null;
}

// GET /datasets/{id}/rejects → 200 text/csv (UTF-8 with BOM, `;`), one row per line not counted under
// the header `line;status;reason;amount;content;code;params`: the line number, `rejected` or `set aside`,
// the reason in English, the amount the line states (currency units, `.` as decimal separator; empty
// when none reads), the raw line, and the reason's code and parameters (JSON, empty for a reason the
// catalogue does not hold) that a reader renders in its language (shared/domain/ingest/rejection-reasons.ts).
// Files written before the status and amount columns have `line;reason;content`.

// ---------------------------------------------------------------------------------------------
// GET /datasets/{id}/unmatched-suppliers?cursor=&limit= → UnmatchedSuppliers

/** A supplier as the files name it, with the spend of the dataset (or of the anchor). */
export interface SupplierSpend {
  /** The identity key: `siret:…`, `siren:…`, `vat:…`, or `name:<normalised name>@<postcode>`. */
  readonly key: string;
  readonly name: string;
  /** SIRET, SIREN, VAT or company number as the file wrote it. */
  readonly identifier: { readonly scheme: string; readonly value: string } | null;
  readonly postcode: string | null;
  readonly commune: string | null;
  readonly amountCents: number;
  /** The currency of `amountCents` (and of `byKind` in a search hit); null when no file stated one. */
  readonly currency: string | null;
  readonly lines: number;
}

/**
 * One page (`limit` 1–100, default 25) of the suppliers of a dataset with no registry or directory
 * facts; `total` counts them all and `amountCents` sums them all, whatever the page.
 */
export interface UnmatchedSuppliers extends Page {
  readonly datasetId: string;
  /** Largest spend first; equal amounts by name, then key. */
  readonly suppliers: readonly SupplierSpend[];
  readonly amountCents: number;
  /** The dataset's currency, that of every amount here; null when the file's format was not recognised. */
  readonly currency: string | null;
  /** The dataset's whole spend, to put `amountCents` in proportion. */
  readonly datasetAmountCents: number;
}

// ---------------------------------------------------------------------------------------------
// GET /suppliers?q=&cursor=&limit= → SupplierSearch

export interface SpendInCurrency {
  readonly currency: string | null;
  readonly byKind: Readonly<Partial<Record<DatasetKind, number>>>;
}

/** One supplier the caller's anchor pays, its spend summed over the anchor's ingested datasets. */
export interface SupplierSearchHit extends SupplierSpend {
  /** Payments and contracts are never added: the spend of each kind, apart. */
  readonly byKind: Readonly<Partial<Record<DatasetKind, number>>>;
  /**
   * Spend in other currencies than `currency` (files counted before a file in another currency than
   * the territory's was refused), each apart: amounts of two currencies are never added. Usually empty.
   */
  readonly otherCurrencies: readonly SpendInCurrency[];
  readonly corrected: boolean;
}

export interface SupplierSearch extends Page {
  /** Largest spend first. `amountCents` is the payments spend, else the contracts spend. */
  readonly suppliers: readonly SupplierSearchHit[];
}

// ---------------------------------------------------------------------------------------------
// GET /suppliers/{key} → SupplierDetail;  PUT /suppliers/{key}/override body: OverrideRequest

/** What is known about a supplier beyond the files, each fact with its source and date. */
export interface SupplierProfile {
  readonly key: string;
  readonly name?: SourcedFact<string>;
  readonly establishment?: SourcedFact<PlaceFact>;
  readonly headOffice?: SourcedFact<PlaceFact>;
  readonly legalCategory?: SourcedFact<string>;
  readonly ess?: SourcedFact<boolean>;
  readonly sizeCategory?: SourcedFact<'PME' | 'ETI' | 'GE'>;
  readonly headcountBand?: SourcedFact<string>;
  readonly activity?: SourcedFact<string>;
  readonly supplierType?: SourcedFact<string>;
  readonly establishmentClosed?: boolean;
  readonly unitCeased?: boolean;
}

export interface OverrideChange {
  readonly supplierType?: string;
  readonly place?: PlaceFact;
  readonly headOffice?: PlaceFact;
}

/** One correction, kept for audit: who, when, why, and what it replaced. */
export interface Correction {
  /** Its number among the supplier's corrections (1 = first). */
  readonly sequence: number;
  readonly change: OverrideChange;
  readonly previous: OverrideChange;
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

export interface SupplierDetail {
  readonly key: string;
  /** What the anchor's own files say (source `file`): name, identifier, postcode, spend. */
  readonly asInFiles: SupplierSearchHit;
  /** Merged facts, each with its source; null when nothing beyond the files is known. */
  readonly profile: SupplierProfile | null;
  /** The correction in force (merged into `profile` with source `override`). */
  readonly override: OverrideChange | null;
  /** The latest 50 corrections, oldest first. */
  readonly corrections: readonly Correction[];
  /** How many corrections were ever made (more than `corrections` lists when over 50). */
  readonly correctionCount: number;
  /** The supplier types a correction may set. */
  readonly supplierTypes: readonly string[];
}

export interface OverrideRequest extends OverrideChange {
  /** Why: required, at most 500 characters. */
  readonly reason: string;
}

/** PUT /suppliers/{key}/override → 200 */
export interface OverrideSaved {
  readonly key: string;
  readonly override: OverrideChange;
  /** The latest 50 corrections, oldest first, this one last. */
  readonly corrections: readonly Correction[];
  readonly correctionCount: number;
}

// ---------------------------------------------------------------------------------------------
// GET /suppliers/{key}/lines?dataset=&cursor=&limit= → SupplierLines

/** One of the caller's counted files that pays the supplier. */
export interface SupplierLinesDataset {
  readonly id: string;
  readonly fileName: string;
  readonly kind: DatasetKind | null;
  readonly currency: string | null;
  readonly receivedAt: string;
  /** A consortium-wide upload, which consortium administrators see beside their institution's files. */
  readonly consortiumWide: boolean;
  /** The supplier's lines in the file, and their amount (purchases: concession values are never added). */
  readonly lines: number;
  readonly amountCents: number;
}

/** A line of a counted file, as ingest normalised it. */
export interface SupplierLine {
  readonly datasetId: string;
  readonly fileName: string;
  /** The line in the file, as the rejects file numbers them (for DECP JSON, the contract's rank). */
  readonly lineNumber: number;
  /** ISO date; null for a line counted undated (flag `undated`, counted in the file's period). */
  readonly date: string | null;
  readonly amountCents: number;
  readonly currency: string;
  /** The supplier's name as this line writes it. */
  readonly supplierName: string;
  readonly description: string | null;
  readonly categoryCode: string | null;
  readonly categoryLabel: string | null;
  readonly serviceArea: string | null;
  /** Payment or transaction number. */
  readonly reference: string | null;
  readonly contractUid: string | null;
  /** A DECP concession's value: counted apart from purchases, never added to them. */
  readonly concession: boolean;
  /** A contract split between this many holders (its amount is this line's share); null when whole. */
  readonly shareOf: number | null;
  /** Data-quality flags (`undated`, `invalid-identifier`…); labels in `shared/domain/line-flags.ts`. */
  readonly flags: readonly string[];
}

/**
 * A page of the lines behind a supplier's figure, read from the files' line files. `total` counts
 * the supplier's lines in every dataset listed; pass `nextCursor` back as `?cursor=` (with the same
 * `?dataset=`) for the next page.
 */
export interface SupplierLines extends Page {
  readonly key: string;
  /** Newest first, the order pages go through them; with `?dataset=`, that one only. */
  readonly datasets: readonly SupplierLinesDataset[];
  /** In file order, one dataset after the other. */
  readonly lines: readonly SupplierLine[];
}

// ---------------------------------------------------------------------------------------------
// GET /mapping-profiles → MappingProfileList;  PUT /mapping-profiles/{id} body: MappingProfile → 200

export type CanonicalColumns = Readonly<Record<string, string>>;

/** `shared/domain/formats/mapping-profile.ts` is the authority; docs/formats.md explains each field. */
export interface MappingProfile {
  readonly version: 1;
  /** Lower-case letters, digits and `-`; the same as the `{id}` of the path. */
  readonly id: string;
  readonly label: string;
  readonly kind: DatasetKind;
  readonly currency: 'EUR' | 'GBP';
  readonly decimal: ',' | '.';
  readonly dateFormat: 'dd/mm/yyyy' | 'yyyy-mm-dd' | 'mm/dd/yyyy';
  readonly encoding?: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  readonly delimiter?: ';' | ',' | '\t' | '|';
  readonly headerLine?: number;
  /** Canonical field → the file's column name; needs amount, date and supplierName or supplierIdentifier. */
  readonly columns: CanonicalColumns;
}

export interface MappingProfileList {
  readonly profiles: readonly MappingProfile[];
}

// ---------------------------------------------------------------------------------------------
// GET /reports → ReportList;  POST /reports/rebuild body: RebuildRequest → 202 RebuildAccepted

export type ReportScope =
  | { readonly type: 'consortium' }
  | { readonly type: 'anchor'; readonly anchorId: string; readonly anchorName: string | null };

/**
 * How the latest attempt to build a report ended. A failed build leaves the report published before
 * it (if any) in place: `publishedAt` then predates `at`.
 */
export interface ReportBuild {
  readonly ok: boolean;
  readonly at: string;
  /** Why it failed, for the portal to word: `several-currencies`; null when it did not fail. */
  readonly failure: 'several-currencies' | null;
  /** The same in a generic English sentence; null when it did not fail. */
  readonly reason: string | null;
}

/**
 * A report the caller may open, or one whose every build failed so far: then the fields that come
 * from a published report (`territoryName`, `publishedAt`, shares, `url`) are null.
 */
export interface ReportEntry {
  /** The report's folder in the reports bucket: `<territory>/<scope>/<kind>/<lang>/`. */
  readonly id: string;
  readonly territoryId: string;
  readonly territoryName: string | null;
  readonly scope: ReportScope;
  readonly kind: DatasetKind;
  readonly language: Language;
  readonly period: { readonly from: string | null; readonly to: string | null };
  readonly publishedAt: string | null;
  /**
   * Headline local share of influenceable spend, 0…1; null when too little spend is located to
   * measure it (the report says so rather than showing 0 %), or when never published.
   */
  readonly localShare: number | null;
  /** Share of influenceable spend whose supplier is located, 0…1: shown beside an unmeasurable share. */
  readonly knownLocalityShare: number | null;
  /** Opens the HTML report (absolute in the cloud, same-origin path under `ancrage serve`). */
  readonly url: string | null;
  /** The latest build's outcome; null for a report built before outcomes were recorded. */
  readonly lastBuild: ReportBuild | null;
}

export interface ReportList {
  /** The consortium's reports and the caller's anchor's own; never another anchor's. */
  readonly reports: readonly ReportEntry[];
}

export interface RebuildRequest {
  /** Both kinds when absent. */
  readonly kind?: DatasetKind;
}

export interface RebuildAccepted {
  /**
   * What will be rebuilt, asynchronously: each report's `lastBuild` in `GET /reports` says how its
   * build ended once done (seconds).
   */
  readonly requested: readonly { readonly kind: DatasetKind; readonly scope: 'consortium' | 'anchor' }[];
  /** When the request was sent (the server's clock): a `lastBuild.at` from then on is this rebuild's. */
  readonly requestedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Supplier surveys for the local multiplier (LM3, docs/method.md). An invitation is one supplier of the
// caller's anchor asked to answer; its link carries a token shown once (only its hash is stored).
//
// GET /surveys → SurveyList
// GET /surveys/candidates?cursor=&limit= → SurveyCandidates
// POST /surveys body: SurveyOpenRequest → 201 SurveyOpened
// POST /surveys/answers?lang=fr|en body: SurveyAnswersUpload → 200 SurveyAnswersImport (reasons in `lang`)
// POST /surveys/{key}/reminder body: SurveyReminderRequest → 200 SurveyReminder
// PUT /surveys/{key}/set-aside body: SetAsideRequest → 200 SurveyInvitation

export type InvitationStatus = 'open' | 'answered' | 'withdrawn' | 'expired';

/** An e-mail the officer sends (or the stack sent through Amazon SES), in the invitation's language. */
export interface SurveyEmail {
  readonly subject: string;
  readonly body: string;
}

export interface SurveyAnswerSummary {
  /** ISO date. */
  readonly answeredOn: string;
  readonly source: 'form' | 'csv';
  readonly respondentRole: string;
  /** Share of its income the supplier re-spends in the territory, from its answer, in percent (one decimal). */
  readonly localRespendPercent: number;
  /** Set aside by an officer who doubts it: not used by reports. */
  readonly setAside: { readonly reason: string; readonly by: string; readonly at: string } | null;
}

export interface SurveyInvitation {
  readonly supplierKey: string;
  readonly supplierName: string;
  /** The anchor's spend with the supplier (payments, else contracts), in `currency`. */
  readonly amountCents: number;
  readonly currency: string | null;
  readonly language: Language;
  readonly invitedAt: string;
  /** The current link's end of validity. */
  readonly expiresAt: string;
  readonly status: InvitationStatus;
  readonly remindersSent: number;
  readonly lastReminderAt: string | null;
  /** The answer in force; null before one, or once withdrawn. */
  readonly answer: SurveyAnswerSummary | null;
}

export interface SurveyList {
  /** Largest spend first. */
  readonly invitations: readonly SurveyInvitation[];
  readonly answered: number;
  readonly notAnswered: number;
}

/** A supplier the caller's anchor pays, as a candidate for the survey: the largest local ones first. */
export interface SurveyCandidate {
  readonly key: string;
  readonly name: string;
  readonly amountCents: number;
  readonly currency: string | null;
  /** The ring of the supplier's establishment as a report would classify it, `unknown` when not known. */
  readonly ring: string;
  /** The ring's name in the territory's configuration (or "Abroad", "Location unknown"), in each language. */
  readonly ringLabel: { readonly fr: string; readonly en: string };
  readonly local: boolean;
  readonly invited: boolean;
}

export interface SurveyCandidates extends Page {
  readonly candidates: readonly SurveyCandidate[];
}

/** The surveys' bounds, which the API enforces and the portal says before anything is sent. */
export const SURVEY_LIMITS = {
  maxSuppliersPerOpening: 200,
  minValidDays: 1,
  maxValidDays: 90,
  defaultValidDays: 30,
  maxAnswersCsvBytes: 1024 * 1024,
  /** Reminders of one survey (opening it again starts a new count): its record stays small. */
  maxReminders: 10,
  /** An address as SMTP bounds it. */
  maxReminderEmailChars: 254,
  maxSetAsideReasonChars: 500,
} as const;

export interface SurveyOpenRequest {
  /** 1–200 suppliers of the caller's anchor. */
  readonly supplierKeys: readonly string[];
  /** How long the links stay valid: 1–90 days, 30 by default. */
  readonly validDays?: number;
  /** The language of the e-mail; the form itself offers both. */
  readonly language?: Language;
}

export interface OpenedInvitation {
  readonly supplierKey: string;
  readonly supplierName: string;
  /** The form's address with its token: shown this once, never stored. */
  readonly link: string;
  readonly expiresAt: string;
  readonly email: SurveyEmail;
}

export interface SurveyOpened {
  readonly invitations: readonly OpenedInvitation[];
}

/** A CSV of answers gathered another way (UTF-8, at most 1 MB): docs/api.md lists its columns. */
export interface SurveyAnswersUpload {
  readonly csv: string;
}

export interface SurveyAnswersImport {
  readonly accepted: number;
  /** Each refused row, with its line number and the reason, in the officer's language. */
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

export interface SurveyReminderRequest {
  readonly language?: Language;
  /** Where to send it through Amazon SES, when the stack is configured to send; else the text is returned. */
  readonly email?: string;
}

/** A reminder carries a fresh link: the previous one stops working. */
export interface SurveyReminder {
  readonly link: string;
  readonly expiresAt: string;
  readonly email: SurveyEmail;
  /** The address it was sent to through SES; null when the officer sends it. */
  readonly sentTo: string | null;
}

export interface SetAsideRequest {
  /** Why the answer is doubted (1–500 characters); null puts it back in use. */
  readonly reason: string | null;
}

// ---------------------------------------------------------------------------------------------
// Only under `ancrage serve` (never deployed): a local sign-in instead of Cognito.

/** GET /api/local/anchors → the anchors one may sign in as locally. */
export interface LocalAnchors {
  readonly anchors: readonly { readonly id: string; readonly name: string }[];
}

/** POST /api/local/session body → 204 with an HttpOnly session cookie; DELETE signs out. */
export interface LocalSessionRequest {
  readonly name: string;
  readonly anchorId: string;
}
