import { createHash } from 'node:crypto';
import { Aws } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type AwsCustomResource, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { territoryKey } from '../../shared/contracts/table.ts';
import type { Territory } from '../../shared/domain/territory/territory.ts';
import { sdkCall } from './sdk-call.ts';

export interface DeployedTerritoryProps {
  readonly bucketName: string;
  readonly territory: Territory;
}

/**
 * Writes the configured territory to the reference bucket on every deploy that changes it. The
 * functions may only get objects under `territories/`, not list the bucket, so a missing object
 * answers AccessDenied rather than NoSuchKey and their fallback to the bundled territories never
 * runs: the object has to be there, and a territory file of the deployer's own reaches AWS no other
 * way.
 *
 * The physical id carries a hash of the content, so the stack's events show which territory was
 * written. No delete call: a changed territory replaces the resource, and CloudFormation deletes the
 * old one after the new one has written the same key, which a delete call would then remove.
 */
export function deployTerritory(
  scope: Construct,
  id: string,
  props: DeployedTerritoryProps,
): AwsCustomResource {
  const key = territoryKey(props.territory.id);
  const body = JSON.stringify(props.territory);
  const contentHash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return sdkCall(scope, id, {
    onUpdate: {
      service: 'S3',
      action: 'putObject',
      parameters: { Bucket: props.bucketName, Key: key, Body: body, ContentType: 'application/json' },
      physicalResourceId: PhysicalResourceId.of(`${key}@${contentHash}`),
      // The answer is not read; keeping only the ETag keeps the resource's returned data small.
      outputPaths: ['ETag'],
    },
    statements: [
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${props.bucketName}/${key}`],
      }),
    ],
  });
}
