import { Aws } from 'aws-cdk-lib';

/**
 * Physical names, derived from the stage, account and region: the app stack finds the storage by
 * name (no cross-stack exports to pin), and every IAM resource is a readable, predictable ARN.
 */
export function resourceNames(stage: string, account: string = Aws.ACCOUNT_ID, region: string = Aws.REGION) {
  const bucket = (kind: string) => `ancrage-${stage}-${kind}-${account}-${region}`;
  return {
    table: `ancrage-${stage}`,
    uploads: bucket('uploads'),
    reference: bucket('reference'),
    reports: bucket('reports'),
    /** The portal's built files: the app stack's own bucket, emptied and deleted with it. */
    portal: bucket('portal'),
    accessLogs: bucket('access-logs'),
    /** Athena's query results (docs/athena.md): written by the workgroup, expired after a month. */
    queries: bucket('queries'),
    /** Underscores: Athena makes every query quote a database name with a hyphen (a stage may have one). */
    linesDatabase: `ancrage_${stage.replaceAll('-', '_')}`,
    linesTable: 'lines',
    queryWorkgroup: `ancrage-${stage}`,
    /** The state machine that refreshes the register: a known name, so an operator can start it by hand. */
    registryRefresh: `ancrage-${stage}-registry-refresh`,
    /** The operations dashboard (docs/operations.md): one per stage, found by name in the console. */
    dashboard: `ancrage-${stage}`,
    /**
     * SSM parameters one stack writes and another reads at deploy time (no CloudFormation export to
     * pin): the reports site's URL (storage → app), the portal WebACL's ARN (the us-east-1 WAF stack → app).
     */
    reportsUrlParameter: `/ancrage/${stage}/reports-url`,
    webAclArnParameter: `/ancrage/${stage}/portal-web-acl-arn`,
  };
}

/** The same names as cdk-nag prints them in its findings (pseudo parameters in angle brackets). */
export const nagNames = (stage: string) => resourceNames(stage, '<AWS::AccountId>', '<AWS::Region>');
