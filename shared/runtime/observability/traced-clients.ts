import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient, createEventBridgeClient, createS3Client } from '../../adapters/aws-clients.ts';
import { tracer } from './observability.ts';

/*
 * The functions' AWS clients, each call a subsegment of the invocation's trace when tracing is on
 * (the tracer hands the client back untouched when it is off, as outside Lambda).
 */

export const tracedS3Client = (endpoint: string | undefined) =>
  tracer.captureAWSv3Client(createS3Client(endpoint));

export const tracedDocumentClient = (endpoint: string | undefined) =>
  tracer.captureAWSv3Client(createDocumentClient(endpoint));

export const tracedEventBridgeClient = (endpoint: string | undefined) =>
  tracer.captureAWSv3Client(createEventBridgeClient(endpoint));

export const tracedSqsClient = () => tracer.captureAWSv3Client(new SQSClient({}));

export const tracedSecretsManagerClient = () => tracer.captureAWSv3Client(new SecretsManagerClient({}));
