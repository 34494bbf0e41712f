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
    accessLogs: bucket('access-logs'),
  };
}

/** The same names as cdk-nag prints them in its findings (pseudo parameters in angle brackets). */
export const nagNames = (stage: string) => resourceNames(stage, '<AWS::AccountId>', '<AWS::Region>');
