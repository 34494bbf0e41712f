import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { BUNDLED_TERRITORIES } from '../shared/domain/territory/bundled-territories.ts';
import { type Territory, TerritorySchema } from '../shared/domain/territory/territory.ts';

/** A WebACL for CloudFront lives in us-east-1, whatever the region of the stacks (docs/security.md). */
const CLOUDFRONT_WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/;

const WafConfigSchema = z
  .strictObject({
    /** Put AWS WAF (managed common rules, IP reputation list) in front of the portal and its API. */
    enabled: z.boolean(),
    /**
     * An existing CLOUDFRONT-scoped WebACL to use instead of the one the app creates in its own
     * `Ancrage-<stage>-Waf` stack in us-east-1 (an organisation-wide WebACL, say).
     */
    webAclArn: z.string().regex(CLOUDFRONT_WEB_ACL_ARN, 'a CLOUDFRONT WebACL ARN (us-east-1)').optional(),
  })
  .refine((waf) => waf.enabled || waf.webAclArn === undefined, 'webAclArn is only used when enabled');

/** An ACM certificate for CloudFront lives in us-east-1, whatever the region of the stacks. */
const CLOUDFRONT_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const CustomDomainSchema = z.strictObject({
  /** The site's name, e.g. `rapports.ancrage.ville.example`: a CNAME to the distribution (docs/deploy.md). */
  name: z.string().regex(HOST_NAME, 'a lower-case host name such as rapports.ville.example'),
  /** An ACM certificate in us-east-1 covering the name. */
  certificateArn: z.string().regex(CLOUDFRONT_CERTIFICATE_ARN, 'an ACM certificate ARN in us-east-1'),
});
export type CustomDomain = z.infer<typeof CustomDomainSchema>;

/** The monthly refresh of the supplier register from INSEE's SIRENE stock (docs/operations.md). */
const RegistryRefreshConfigSchema = z.strictObject({
  /** Off, the schedule is kept but disabled: the refresh still runs when started by hand. */
  enabled: z.boolean(),
  /**
   * When EventBridge Scheduler starts it, e.g. `cron(0 3 3 * ? *)`: INSEE publishes the stock on the
   * 1st of the month, data.gouv.fr mirrors it within a day or two.
   */
  schedule: z.string().regex(/^cron\(.+\)$/, 'a Scheduler cron expression such as cron(0 3 3 * ? *)'),
  /** The schedule's time zone (an IANA name): a cron hour stays the same local hour all year. */
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Paris'),
  /** Where the stock files are fetched from, when not data.gouv.fr's copy: a mirror of your own. */
  stockBase: z
    .url({ protocol: /^https$/ })
    .endsWith('/', 'a URL ending with /')
    .optional(),
});

const DEFAULT_REGISTRY_REFRESH = {
  enabled: true,
  schedule: 'cron(0 3 3 * ? *)',
  timezone: 'Europe/Paris',
} as const;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A Secrets Manager name, not an ARN: the grant adds the random suffix Secrets Manager gives its ARN. */
const SECRET_NAME = /^[\w/+=.@-]{1,512}$/;

/** The company-search API asked, after each ingest, about the suppliers the register lacks (docs/registry.md). */
const CompanyLookupConfigSchema = z
  .strictObject({
    /** `off`: the function is kept but its rule disabled, and it would answer at once if invoked. */
    provider: z.enum(['recherche-entreprises', 'api-sirene', 'off']).default('recherche-entreprises'),
    /** The Secrets Manager secret holding INSEE's API Sirene key, by name (e.g. `ancrage/insee-api-key`). */
    inseeApiKeySecretName: z
      .string()
      .regex(SECRET_NAME, 'a Secrets Manager secret name such as ancrage/insee-api-key')
      .optional(),
  })
  .refine((lookup) => lookup.provider !== 'api-sirene' || lookup.inseeApiKeySecretName !== undefined, {
    message:
      'api-sirene needs inseeApiKeySecretName: the Secrets Manager secret holding your INSEE API key (docs/deploy.md)',
    path: ['inseeApiKeySecretName'],
  })
  .refine((lookup) => lookup.provider === 'api-sirene' || lookup.inseeApiKeySecretName === undefined, {
    message: 'inseeApiKeySecretName is only used with the provider api-sirene',
    path: ['inseeApiKeySecretName'],
  });

/** What the functions and the refresh state machine tell the operator (docs/operations.md). */
const ObservabilityConfigSchema = z.strictObject({
  /**
   * X-Ray on the functions and the registry-refresh state machine: where a slow ingest or report
   * spends its time, call by call. Off, nothing is sampled and the roles get no X-Ray grant.
   */
  tracing: z.boolean().default(true),
  /** The CloudWatch dashboard `ancrage-<stage>`: about $3 a month past the free tier's three. */
  dashboard: z.boolean().default(true),
  /** The least severe log line the functions write: DEBUG to investigate, WARN to write (and pay) less. */
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});
export type ObservabilityConfig = z.infer<typeof ObservabilityConfigSchema>;

/** The supplier surveys of the local multiplier (docs/method.md, docs/deploy.md "Supplier surveys"). */
const SurveysConfigSchema = z.strictObject({
  /**
   * The address the survey's e-mails (a reminder to the address an officer gives) are sent from
   * through Amazon SES: an identity verified in the stacks' region, the address itself or its domain.
   * Unset, nothing is sent: the officer copies the e-mail the portal shows, and the API function gets
   * no SES right at all.
   */
  senderEmail: z.email('an e-mail address verified in Amazon SES, such as enquete@ville.example').optional(),
});
export type SurveysConfig = z.infer<typeof SurveysConfigSchema>;

const DeployConfigSchema = z.strictObject({
  /** Names every resource: several stages (dev, prod) can live in one account. */
  stage: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/),
  /** A bundled territory id or a path to a territory JSON file. */
  territory: z.string().min(1),
  language: z.enum(['fr', 'en']).optional(),
  /** Who receives the alarms (docs/operations.md#alarms). */
  alarmEmail: z.email().optional(),
  /** Largest upload accepted by the presigned POST, in megabytes. */
  maxUploadMb: z.number().int().positive().max(5_000).default(500),
  logRetentionDays: z.union([z.literal(30), z.literal(90), z.literal(180), z.literal(365)]).default(90),
  /** How a contract with several titulaires is shared (docs/method.md). */
  holderSplit: z.enum(['equal', 'first-holder']).default('equal'),
  waf: WafConfigSchema.default({ enabled: true }),
  /**
   * The most one Athena query over the spend lines may scan, in gigabytes (10⁹ bytes): Athena
   * cancels a query past it, so a mistaken query costs at most this much (docs/athena.md).
   */
  queryScanLimitGb: z.number().int().min(1).max(10_000).default(10),
  /** The reports site and the portal under the deployer's own names; `*.cloudfront.net` otherwise. */
  domains: z
    .strictObject({ reports: CustomDomainSchema.optional(), portal: CustomDomainSchema.optional() })
    .default({}),
  /**
   * What `cdk destroy` does with the data (buckets, table): `retain` (the default) keeps them, with
   * deletion protection; `destroy` empties and deletes them — for a trial stage, deployed with it
   * before being destroyed (docs/deploy.md, "Tear down").
   */
  dataOnDestroy: z.enum(['retain', 'destroy']).default('retain'),
  registryRefresh: RegistryRefreshConfigSchema.default(DEFAULT_REGISTRY_REFRESH),
  companyLookup: CompanyLookupConfigSchema.default({ provider: 'recherche-entreprises' }),
  // prefault, not default: a missing block is parsed as `{}`, so each key keeps the default declared above.
  observability: ObservabilityConfigSchema.prefault({}),
  surveys: SurveysConfigSchema.default({}),
});

export interface DeployConfig extends Omit<z.infer<typeof DeployConfigSchema>, 'territory'> {
  readonly territory: Territory;
}

/**
 * The deployment's configuration, read once at the app entry and validated: a JSON file named by
 * the CDK context `config` (`npx cdk deploy -c config=infra/config/grenoble.json`).
 */
export function readDeployConfig(path: string): DeployConfig {
  const parsed = DeployConfigSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  }
  const { territory: territoryRef, ...rest } = parsed.data;
  const territory =
    BUNDLED_TERRITORIES.get(territoryRef) ??
    TerritorySchema.parse(JSON.parse(readFileSync(territoryRef, 'utf8')));
  return { ...rest, territory };
}
