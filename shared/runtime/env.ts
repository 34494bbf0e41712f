import { z } from 'zod';

/** Every environment variable the functions read, declared once. */
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
} as const;

const RuntimeConfigSchema = z.object({
  [ENV.tableName]: z.string().min(1),
  [ENV.uploadsBucket]: z.string().min(1),
  [ENV.reportsBucket]: z.string().min(1),
  [ENV.referenceBucket]: z.string().min(1),
  [ENV.territoryId]: z.string().min(1),
  [ENV.maxRejectedRatio]: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'a ratio between 0 and 1 such as 0.5')
    .transform((value) => Number(value)),
  [ENV.s3Endpoint]: z.url().optional(),
  [ENV.dynamoDbEndpoint]: z.url().optional(),
  [ENV.geographyDirectory]: z.string().min(1).optional(),
  [ENV.holderSplit]: z.enum(['equal', 'first-holder']),
});

export interface RuntimeConfig {
  readonly tableName: string;
  readonly uploadsBucket: string;
  readonly reportsBucket: string;
  readonly referenceBucket: string;
  readonly territoryId: string;
  readonly maxRejectedRatio: number;
  /** Set only for the embedded emulators; in AWS the SDK finds the regional endpoints. */
  readonly s3Endpoint: string | undefined;
  readonly dynamoDbEndpoint: string | undefined;
  /** Where the geography tables are; unset means the repository's data/geography (local runs). */
  readonly geographyDirectory: string | undefined;
  /** How a contract with several titulaires is shared between them (docs/method.md). */
  readonly holderSplit: 'equal' | 'first-holder';
}

export function readRuntimeConfig(env: NodeJS.ProcessEnv): RuntimeConfig {
  const parsed = RuntimeConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid function configuration: ${problems}`);
  }
  const config = parsed.data;
  return {
    tableName: config[ENV.tableName],
    uploadsBucket: config[ENV.uploadsBucket],
    reportsBucket: config[ENV.reportsBucket],
    referenceBucket: config[ENV.referenceBucket],
    territoryId: config[ENV.territoryId],
    maxRejectedRatio: config[ENV.maxRejectedRatio],
    s3Endpoint: config[ENV.s3Endpoint],
    dynamoDbEndpoint: config[ENV.dynamoDbEndpoint],
    geographyDirectory: config[ENV.geographyDirectory],
    holderSplit: config[ENV.holderSplit],
  };
}
