/**
 * The environment variables the functions read, declared once: the runtime parses them, the
 * infrastructure sets them. A contract, free of runtime code, so infra may import it.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  uploadsBucket: 'UPLOADS_BUCKET',
  reportsBucket: 'REPORTS_BUCKET',
  referenceBucket: 'REFERENCE_BUCKET',
  territoryId: 'TERRITORY_ID',
  maxRejectedRatio: 'MAX_REJECTED_RATIO',
  s3Endpoint: 'ANCRAGE_S3_ENDPOINT',
  dynamoDbEndpoint: 'ANCRAGE_DYNAMODB_ENDPOINT',
  geographyDirectory: 'GEOGRAPHY_DIRECTORY',
  holderSplit: 'HOLDER_SPLIT',
  eventBusName: 'EVENT_BUS_NAME',
  maxUploadMb: 'MAX_UPLOAD_MB',
  /** Largest size a gzipped file may inflate to, and how many times its compressed size. */
  maxInflatedMb: 'MAX_INFLATED_MB',
  maxInflationRatio: 'MAX_INFLATION_RATIO',
  reportLanguage: 'REPORT_LANGUAGE',
  /** Local only: where `ancrage serve` receives events (EventBridge's PutEvents). */
  eventsEndpoint: 'ANCRAGE_EVENTS_ENDPOINT',
  /** Where the published HTML reports are opened from: the reports site, or `/reports/` locally. */
  reportsBaseUrl: 'REPORTS_BASE_URL',
  /** Where the SIRENE stock files are fetched from (docs/registry.md): a URL ending with "/". */
  registryStockBase: 'REGISTRY_STOCK_BASE',
  /** Which company-search API is asked about unknown SIRETs and SIRENs: recherche-entreprises, api-sirene or off. */
  companyLookup: 'COMPANY_LOOKUP',
  /** Another root URL for that API (a mirror, a test server). */
  companyLookupUrl: 'COMPANY_LOOKUP_URL',
  /** The Secrets Manager secret holding INSEE's API Sirene key (api-sirene in AWS). */
  inseeApiKeySecret: 'INSEE_API_KEY_SECRET',
  /** INSEE's API Sirene key itself (api-sirene on a laptop). */
  inseeApiKey: 'INSEE_API_KEY',
  /** The verified Amazon SES identity survey invitations and reminders are sent from; unset: not sent. */
  surveySender: 'SURVEY_SENDER_EMAIL',
} as const;
