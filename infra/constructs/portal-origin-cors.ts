import { Aws } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { sdkCall } from './sdk-call.ts';

export interface PortalOriginCorsProps {
  /** `https://<portal distribution domain>`: the only origin allowed. */
  readonly origin: string;
  readonly api: HttpApi;
  readonly uploadsBucketName: string;
}

/** How long a browser may cache a preflight answer, in seconds. */
const MAX_AGE_SECONDS = 3600;

/**
 * Lets the portal's page — and no other origin — call the API and post the presigned upload form.
 *
 * Neither rule can be a plain property. The API's CORS is a property of the API, but the portal's
 * content-security policy (served by its distribution) names the API, so the API naming the
 * distribution back is a dependency cycle CloudFormation refuses. The uploads bucket belongs to the
 * storage stack, which must not name the app stack's distribution. So both are set by an API call once
 * the distribution exists, and removed with the app stack. Each call keeps one physical id, so a new
 * origin is an update in place, never a create-then-delete that would drop the new rule.
 */
export class PortalOriginCors extends Construct {
  constructor(scope: Construct, id: string, props: PortalOriginCorsProps) {
    super(scope, id);
    const apiId = props.api.apiId;
    const apiArn = `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/apis/${apiId}`;
    sdkCall(this, 'Api', {
      onUpdate: {
        service: 'ApiGatewayV2',
        action: 'updateApi',
        parameters: {
          ApiId: apiId,
          CorsConfiguration: {
            AllowOrigins: [props.origin],
            AllowMethods: ['GET', 'POST', 'PUT'],
            AllowHeaders: ['authorization', 'content-type'],
            MaxAge: MAX_AGE_SECONDS,
          },
        },
        physicalResourceId: PhysicalResourceId.of(`${id}-api-cors`),
        outputPaths: ['ApiId'],
      },
      onDelete: {
        service: 'ApiGatewayV2',
        action: 'deleteCorsConfiguration',
        parameters: { ApiId: apiId },
        ignoreErrorCodesMatching: 'NotFoundException',
      },
      statements: [
        // UpdateApi is a PATCH of the API; DeleteCorsConfiguration a DELETE of its `cors` sub-resource.
        new PolicyStatement({ actions: ['apigateway:PATCH'], resources: [apiArn] }),
        new PolicyStatement({ actions: ['apigateway:DELETE'], resources: [`${apiArn}/cors`] }),
      ],
    });

    const bucket = props.uploadsBucketName;
    sdkCall(this, 'Uploads', {
      onUpdate: {
        service: 'S3',
        action: 'putBucketCors',
        parameters: {
          Bucket: bucket,
          CORSConfiguration: {
            CORSRules: [
              {
                // The presigned POST: what may be uploaded is decided by its signed policy; CORS only
                // lets the portal's page read the answer (and follow the upload's progress).
                AllowedMethods: ['POST'],
                AllowedOrigins: [props.origin],
                AllowedHeaders: ['*'],
                ExposeHeaders: ['ETag'],
                MaxAgeSeconds: MAX_AGE_SECONDS,
              },
            ],
          },
        },
        physicalResourceId: PhysicalResourceId.of(`${id}-uploads-cors`),
      },
      onDelete: {
        service: 'S3',
        action: 'deleteBucketCors',
        parameters: { Bucket: bucket },
        // The storage stack may have been removed by hand first: nothing left to clean.
        ignoreErrorCodesMatching: 'NoSuchBucket',
      },
      statements: [
        // PutBucketCors and DeleteBucketCors both need s3:PutBucketCORS.
        new PolicyStatement({
          actions: ['s3:PutBucketCORS'],
          resources: [`arn:${Aws.PARTITION}:s3:::${bucket}`],
        }),
      ],
    });
  }
}
