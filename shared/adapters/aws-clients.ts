import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Credentials the emulators accept; they never reach AWS because the endpoint is local. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const EMULATOR_REGION = 'eu-west-3';

export function createS3Client(endpoint: string | undefined): S3Client {
  if (!endpoint) return new S3Client({});
  return new S3Client({
    endpoint,
    region: EMULATOR_REGION,
    credentials: EMULATOR_CREDENTIALS,
    forcePathStyle: true,
    // s3rver stores the aws-chunked framing of a checksummed streaming upload inside the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The plain client, for what must see items exactly as DynamoDB stores them (a table copy). */
export function createDynamoDbClient(endpoint: string | undefined): DynamoDBClient {
  if (!endpoint) return new DynamoDBClient({});
  return new DynamoDBClient({ endpoint, region: EMULATOR_REGION, credentials: EMULATOR_CREDENTIALS });
}

export function createDocumentClient(endpoint: string | undefined): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoDbClient(endpoint), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Events go to AWS, or to the local server of `ancrage serve`, which routes them as the rules do. */
export function createEventBridgeClient(endpoint: string | undefined): EventBridgeClient {
  if (!endpoint) return new EventBridgeClient({});
  return new EventBridgeClient({ endpoint, region: EMULATOR_REGION, credentials: EMULATOR_CREDENTIALS });
}
