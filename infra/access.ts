import { Aws } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { OBJECT_PREFIXES, REGISTRY_STATE_PARTITION, TABLE_KEYS } from '../shared/contracts/table.ts';
import { LINES_PREFIX } from '../shared/domain/lines/line-columns.ts';

type BucketName = 'uploads' | 'reference' | 'reports';

const TABLE_READS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
const TABLE_WRITES = ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'] as const;

/** What a function may do, resource by resource, down to the key prefix: the only place grants are decided. */
export interface AccessMap {
  readonly table?: {
    /** `true`: every read action; or only those named (a function that needs fewer). */
    readonly read?: boolean | readonly (typeof TABLE_READS)[number][];
    /** `true`: PutItem and BatchWriteItem anywhere in the table; or only those named. */
    readonly write?: boolean | readonly (typeof TABLE_WRITES)[number][];
    /** PutItem, on the items of these partitions only (a `dynamodb:LeadingKeys` condition). */
    readonly putIn?: readonly string[];
    /** DeleteItem, on the items of these partitions only (a `dynamodb:LeadingKeys` condition). */
    readonly deleteIn?: readonly string[];
  };
  readonly read?: readonly (readonly [BucketName, string])[];
  readonly write?: readonly (readonly [BucketName, string])[];
  /** Deleting objects under a prefix, and aborting the multipart uploads of objects there. */
  readonly remove?: readonly (readonly [BucketName, string])[];
  readonly list?: readonly BucketName[];
  /** Listing of the keys under one prefix only (an `s3:prefix` condition), not of the whole bucket. */
  readonly listUnder?: readonly (readonly [BucketName, string])[];
}

export const FUNCTION_ACCESS = {
  api: {
    // Writes: supplier corrections, a conditional PutItem (set-override); nothing else.
    table: { read: true, write: true },
    // Signing an upload or a download needs the right the signed request will use. The report list
    // reads each report.json; `GET /me` the territory; mapping profiles are read, listed and saved.
    // A supplier's lines are read from its datasets' line files, found by listing their folder.
    read: [
      ['uploads', OBJECT_PREFIXES.rejects],
      ['uploads', LINES_PREFIX],
      ['reports', OBJECT_PREFIXES.reports],
      ['reference', OBJECT_PREFIXES.territories],
      ['reference', OBJECT_PREFIXES.mappings],
    ],
    write: [
      ['uploads', OBJECT_PREFIXES.uploads],
      ['reference', OBJECT_PREFIXES.mappings],
    ],
    list: ['reports', 'reference'],
    listUnder: [['uploads', LINES_PREFIX]],
  },
  ingest: {
    table: { read: true, write: true },
    // The territory says which buyers each uploader may upload lines for.
    read: [
      ['uploads', OBJECT_PREFIXES.uploads],
      ['reference', OBJECT_PREFIXES.mappings],
      ['reference', OBJECT_PREFIXES.territories],
    ],
    // Line files are written (multipart for big ones), and removed when a dataset is not counted.
    write: [
      ['uploads', OBJECT_PREFIXES.rejects],
      ['uploads', LINES_PREFIX],
    ],
    remove: [['uploads', LINES_PREFIX]],
    listUnder: [['uploads', LINES_PREFIX]],
  },
  report: {
    table: { read: true },
    read: [
      ['reference', OBJECT_PREFIXES.territories],
      ['reports', OBJECT_PREFIXES.reports],
    ],
    write: [['reports', OBJECT_PREFIXES.reports]],
    list: ['reports'],
  },
  'registry-load': {
    table: { read: true, write: true },
    read: [
      ['reference', OBJECT_PREFIXES.registry],
      ['reference', OBJECT_PREFIXES.directories],
    ],
    write: [['reference', 'facts-rejects/']],
  },
  'company-lookup': {
    // Lists the counted datasets (gsi1) and reads their rollups, asks which identifiers the register
    // already knows, stores found facts and "no such company" answers in batches, and records the
    // run with one PutItem on the register's own partition, nowhere else. No GetItem, no S3.
    table: {
      read: ['dynamodb:BatchGetItem', 'dynamodb:Query'],
      write: ['dynamodb:BatchWriteItem'],
      putIn: [REGISTRY_STATE_PARTITION],
    },
  },
  'registry-refresh': {
    // Reads the counted datasets' rollups (the suppliers to keep) and the register's state; writes
    // facts and local-activity counts in batches, the state with PutItem, and deletes the checkpoint
    // once a refresh completes: DeleteItem on the register's own partition, nowhere else.
    table: { read: true, write: true, deleteIn: [REGISTRY_STATE_PARTITION] },
    // The territory names the local rings whose active establishments are counted.
    read: [['reference', OBJECT_PREFIXES.territories]],
  },
} as const satisfies Record<string, AccessMap>;

const s3Arn = (bucket: string, path = '') => `arn:${Aws.PARTITION}:s3:::${bucket}${path}`;

/** The actions of `all` a map's choice names, in `all`'s order: every one for `true`. */
const chosen = <T extends string>(all: readonly T[], choice: boolean | readonly T[] | undefined): T[] =>
  all.filter((action) => choice === true || (Array.isArray(choice) && choice.includes(action)));

/** Least privilege: exactly the actions of the map, on the named table and key prefixes only. */
export function grantAccess(
  grantee: IGrantable,
  access: AccessMap,
  names: { readonly table: string } & Readonly<Record<BucketName, string>>,
): void {
  const policy = grantee.grantPrincipal;
  const tableArn = `arn:${Aws.PARTITION}:dynamodb:${Aws.REGION}:${Aws.ACCOUNT_ID}:table/${names.table}`;
  const tableResources = [tableArn, `${tableArn}/index/${TABLE_KEYS.gsi1.name}`];
  const actions = [...chosen(TABLE_READS, access.table?.read), ...chosen(TABLE_WRITES, access.table?.write)];
  if (actions.length > 0)
    policy.addToPrincipalPolicy(new PolicyStatement({ actions, resources: tableResources }));
  for (const [action, partitions] of [
    ['dynamodb:PutItem', access.table?.putIn],
    ['dynamodb:DeleteItem', access.table?.deleteIn],
  ] as const) {
    if (!partitions?.length) continue;
    policy.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [action],
        resources: [tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...partitions] } },
      }),
    );
  }
  for (const [bucket, prefix] of access.read ?? []) {
    policy.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [s3Arn(names[bucket], `/${prefix}*`)],
      }),
    );
  }
  for (const [bucket, prefix] of access.write ?? []) {
    policy.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [s3Arn(names[bucket], `/${prefix}*`)] }),
    );
  }
  for (const [bucket, prefix] of access.remove ?? []) {
    policy.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:DeleteObject', 's3:AbortMultipartUpload'],
        resources: [s3Arn(names[bucket], `/${prefix}*`)],
      }),
    );
  }
  for (const bucket of access.list ?? []) {
    policy.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [s3Arn(names[bucket])] }),
    );
  }
  for (const [bucket, prefix] of access.listUnder ?? []) {
    policy.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [s3Arn(names[bucket])],
        conditions: { StringLike: { 's3:prefix': [prefix, `${prefix}*`] } },
      }),
    );
  }
}

/** The object-prefix resources of a map, as cdk-nag names them in its wildcard findings. */
export function prefixFindings(access: AccessMap, nagNames: Readonly<Record<BucketName, string>>): string[] {
  const findings = [...(access.read ?? []), ...(access.write ?? []), ...(access.remove ?? [])].map(
    ([bucket, prefix]) =>
      `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${nagNames[bucket]}/${prefix}*]`,
  );
  return [...new Set(findings)];
}

/**
 * Reading one Secrets Manager secret, named in the configuration. A secret's ARN ends with its name,
 * a hyphen and six random characters: `-??????` matches exactly those, not another secret whose name
 * merely starts the same. Decrypting with the account's default key needs no KMS grant.
 */
export function grantSecretValue(grantee: IGrantable, secretName: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [
        `arn:${Aws.PARTITION}:secretsmanager:${Aws.REGION}:${Aws.ACCOUNT_ID}:secret:${secretName}-??????`,
      ],
    }),
  );
}

/**
 * Sending e-mail through Amazon SES from one address, named in the configuration. SES checks the
 * right on the identity that verifies the sender, the address itself or its domain, so both ARNs are
 * named (neither a wildcard); the `ses:FromAddress` condition keeps a domain's identity to that one
 * address. The identity lives in the stacks' region.
 */
export function grantEmailSending(grantee: IGrantable, senderEmail: string): void {
  const domain = senderEmail.slice(senderEmail.lastIndexOf('@') + 1);
  const identity = (name: string) =>
    `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${name}`;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [identity(senderEmail), identity(domain)],
      conditions: { StringEquals: { 'ses:FromAddress': senderEmail } },
    }),
  );
}
