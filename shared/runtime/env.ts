import * as z from 'zod';
import {
  DEFAULT_MAX_INFLATED_MB,
  DEFAULT_MAX_INFLATION_RATIO,
  type InflationLimits,
  inflationLimits,
} from '../adapters/input-limits.ts';
import { ENV } from '../contracts/environment.ts';

export { ENV };

/** Payment extracts of a whole year for a large city stay well under this. */
const DEFAULT_MAX_UPLOAD_MB = 500;

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
  [ENV.eventBusName]: z.string().min(1).optional(),
  [ENV.eventsEndpoint]: z.url().optional(),
  [ENV.reportsBaseUrl]: z
    .string()
    .regex(/^(https?:\/\/[^/]+)?\/([^?#]*\/)?$/, 'a URL or an absolute path ending with "/"')
    .optional(),
  [ENV.reportLanguage]: z.enum(['fr', 'en']).optional(),
  [ENV.maxUploadMb]: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .optional(),
  [ENV.maxInflatedMb]: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'a whole number of megabytes such as 1024')
    .transform(Number)
    .optional(),
  [ENV.maxInflationRatio]: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, 'a whole number such as 100')
    .transform(Number)
    .optional(),
  [ENV.registryStockBase]: z.url().optional(),
  [ENV.companyLookup]: z.enum(['recherche-entreprises', 'api-sirene', 'off']).optional(),
  [ENV.companyLookupUrl]: z.url().optional(),
  [ENV.inseeApiKeySecret]: z.string().min(1).optional(),
  [ENV.inseeApiKey]: z.string().min(1).optional(),
  [ENV.surveySender]: z.email().optional(),
});

/**
 * Where data.gouv.fr serves INSEE's monthly stock files under their own names (docs/registry.md).
 * A deployment may point at its own mirror.
 */
export const DEFAULT_REGISTRY_STOCK_BASE = 'https://files.data.gouv.fr/insee-sirene/';

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
  /** Where "dataset ingested" events go. Unset locally: the CLI builds the report itself. */
  readonly eventBusName: string | undefined;
  /** Set only by `ancrage serve`, whose local server stands in for EventBridge. */
  readonly eventsEndpoint: string | undefined;
  /** The reports site (HTML reports open from there); unset in functions that do not link to reports. */
  readonly reportsBaseUrl: string | undefined;
  /** Largest upload a presigned form accepts. */
  readonly maxUploadMb: number;
  /** The deployment's report language; the territory's when unset. */
  readonly reportLanguage: 'fr' | 'en' | undefined;
  /** How far a gzipped file may inflate (docs/security.md, "Bounded inputs"). */
  readonly inflation: InflationLimits;
  /** Where the registry refresh fetches the SIRENE stock files. */
  readonly registryStockBase: string;
  /** The company-search API asked about identifiers the register lacks (docs/registry.md). */
  readonly companyLookup: {
    readonly provider: 'recherche-entreprises' | 'api-sirene' | 'off';
    readonly url: string | undefined;
    /** api-sirene's key: a secret's name (AWS) or the key itself (a laptop). */
    readonly apiKey: { readonly secret: string } | { readonly value: string } | undefined;
  };
  /** The SES sender of the supplier survey's e-mails; unset, the officer sends the text the portal shows. */
  readonly surveySender: string | undefined;
}

const apiKeyOf = (secret: string | undefined, value: string | undefined) =>
  secret ? { secret } : value ? { value } : undefined;

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
    eventBusName: config[ENV.eventBusName],
    eventsEndpoint: config[ENV.eventsEndpoint],
    reportsBaseUrl: config[ENV.reportsBaseUrl],
    maxUploadMb: config[ENV.maxUploadMb] ?? DEFAULT_MAX_UPLOAD_MB,
    reportLanguage: config[ENV.reportLanguage],
    inflation: inflationLimits(
      config[ENV.maxInflatedMb] ?? DEFAULT_MAX_INFLATED_MB,
      config[ENV.maxInflationRatio] ?? DEFAULT_MAX_INFLATION_RATIO,
    ),
    registryStockBase: config[ENV.registryStockBase] ?? DEFAULT_REGISTRY_STOCK_BASE,
    companyLookup: {
      provider: config[ENV.companyLookup] ?? 'recherche-entreprises',
      url: config[ENV.companyLookupUrl],
      apiKey: apiKeyOf(config[ENV.inseeApiKeySecret], config[ENV.inseeApiKey]),
    },
    surveySender: config[ENV.surveySender],
  };
}
