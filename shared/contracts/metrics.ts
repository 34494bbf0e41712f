/**
 * The CloudWatch metrics the functions emit (embedded metric format, through Powertools) and the
 * dashboard and alarms read: names declared once. A contract, free of runtime code, so infra may
 * import it.
 *
 * One namespace per stage, so two stages in one account never mix their figures or set off each
 * other's alarms. Every metric carries the `service` dimension (the function's folder name under
 * `functions/`); the few that need one more say which.
 */
export const metricNamespace = (stage: string): string => `Ancrage/${stage}`;

export const METRIC_DIMENSIONS = {
  /** The function: `ingest`, `report`, `api`, `registry-load`, `registry-refresh`, `company-lookup`. */
  service: 'service',
  /** A line flag (`FlaggedLines` only), e.g. `siret-invalid`. */
  flag: 'flag',
  /** An API route key (`ApiResponses4xx` and `ApiResponses5xx` only), e.g. `GET /datasets`. */
  route: 'route',
} as const;

export const METRICS = {
  /** Any function: an event or SQS message it cannot act on (not the shape it takes), not retried. */
  eventsRefused: 'EventsRefused',
  // ingest (service `ingest`), one datapoint per dataset that ended
  datasetsIngested: 'DatasetsIngested',
  datasetsRejected: 'DatasetsRejected',
  datasetsFailed: 'DatasetsFailed',
  /** Counted datasets taken out of the count by a newer or fuller upload of the same spend. */
  datasetsSuperseded: 'DatasetsSuperseded',
  linesAccepted: 'LinesAccepted',
  linesRejected: 'LinesRejected',
  /** Amounts stated on rejected lines, in cents of the dataset's currency. */
  rejectedAmountCents: 'RejectedAmountCents',
  /** Lines counted with a flag, per flag (dimension `flag`). */
  flaggedLines: 'FlaggedLines',
  /** One run of one file, milliseconds (a file paused at a checkpoint has several). */
  ingestDuration: 'IngestDuration',
  ingestLinesPerSecond: 'IngestLinesPerSecond',
  // report (service `report`)
  reportsBuilt: 'ReportsBuilt',
  /** A report its data cannot make (datasets in two currencies): its status.json says why. */
  reportsNotBuilt: 'ReportsNotBuilt',
  reportBuildDuration: 'ReportBuildDuration',
  /** Datasets and rollup items read to build one report. */
  reportReads: 'ReportReads',
  // registry-load and registry-refresh
  registryRowsRead: 'RegistryRowsRead',
  registryFactsStored: 'RegistryFactsStored',
  /** A registry or directory file that gave no fact at all: wrong file, wrong columns, empty. */
  registryLoadsEmpty: 'RegistryLoadsEmpty',
  // company-lookup
  companyLookupsAsked: 'CompanyLookupsAsked',
  companyLookupsFound: 'CompanyLookupsFound',
  companyLookupsUnanswered: 'CompanyLookupsUnanswered',
  // api (dimension `route`)
  apiResponses4xx: 'ApiResponses4xx',
  apiResponses5xx: 'ApiResponses5xx',
  /** A supplier's answer stored through the survey's form (service `api`). */
  surveyAnswers: 'SurveyAnswers',
  /** A supplier withdrew its answer, or declined the survey, through the form (service `api`). */
  surveyWithdrawals: 'SurveyWithdrawals',
} as const;
