import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { EventBus, Rule, RuleTargetInput } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { ENV } from '../../shared/contracts/environment.ts';
import { OBJECT_PREFIXES } from '../../shared/contracts/table.ts';
import { DATASET_INGESTED } from '../../shared/ports/dataset-events.ts';
import { REBUILD_REQUESTED } from '../../shared/ports/report-rebuilds.ts';
import {
  FUNCTION_ACCESS,
  grantAccess,
  grantEmailSending,
  grantSecretValue,
  prefixFindings,
} from '../access.ts';
import type { DeployConfig } from '../config.ts';
import { deployTerritory } from '../constructs/deployed-territory.ts';
import { OperationsDashboard } from '../constructs/operations-dashboard.ts';
import { createOperatorAlarms } from '../constructs/operator-alarms.ts';
import { PortalApi } from '../constructs/portal-api.ts';
import { PortalOriginCors } from '../constructs/portal-origin-cors.ts';
import { ProjectFunction } from '../constructs/project-function.ts';
import { RegistryRefresh } from '../constructs/registry-refresh.ts';
import { readUsEast1Parameter } from '../constructs/us-east-1-parameter.ts';
import { nagNames, resourceNames } from '../naming.ts';
import { PortalSite } from '../portal-site.ts';
import type { Service } from '../project-metrics.ts';

export interface AppStackProps extends StackProps {
  readonly config: DeployConfig;
}

/** A redelivered message is retried this many times before it is parked in the dead-letter queue. */
const MAX_RECEIVE_COUNT = 5;
/** How long every dead-letter queue keeps a message for someone to look at and replay (SQS's maximum). */
const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * The stateless half: functions, queues, events, alarms, the portal's API and site. Uploads and
 * reference files reach their function through SQS (a dead-letter queue keeps what keeps failing);
 * a counted dataset emits an event that rebuilds the reports and looks up the suppliers the
 * register does not know.
 */
export class AppStack extends Stack {
  readonly portalUrl: string;
  readonly apiUrl: string;
  readonly userPoolId: string;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config } = props;
    const names = resourceNames(config.stage);
    const uploads = Bucket.fromBucketName(this, 'Uploads', names.uploads);
    const reference = Bucket.fromBucketName(this, 'Reference', names.reference);
    const bus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    const environment = {
      [ENV.tableName]: names.table,
      [ENV.uploadsBucket]: names.uploads,
      [ENV.reportsBucket]: names.reports,
      [ENV.referenceBucket]: names.reference,
      [ENV.territoryId]: config.territory.id,
      [ENV.maxRejectedRatio]: '0.5',
      [ENV.holderSplit]: config.holderSplit,
      ...(config.language ? { [ENV.reportLanguage]: config.language } : {}),
      [ENV.eventBusName]: bus.eventBusName,
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
    };
    const logRetention = config.logRetentionDays as RetentionDays;
    // What every function shares besides its environment: log retention, metrics' namespace, tracing.
    const house = { logRetention, stage: config.stage, observability: config.observability };
    const alarms = new Topic(this, 'Alarms', { enforceSSL: true });
    if (config.alarmEmail) alarms.addSubscription(new EmailSubscription(config.alarmEmail));

    const ingest = new ProjectFunction(this, 'Ingest', {
      name: 'ingest',
      memoryMb: 1024,
      timeout: Duration.minutes(15),
      environment,
      ...house,
    }).function;
    const report = new ProjectFunction(this, 'Report', {
      name: 'report',
      memoryMb: 1024,
      timeout: Duration.minutes(2),
      environment,
      ...house,
      withGeography: true,
      // One build at a time, so a build of older data can never finish after, and overwrite, a newer
      // one. Both rules below invoke the function asynchronously: Lambda keeps what it cannot run yet
      // in its event queue and retries it (up to six hours), so builds queue up instead of racing. A
      // build reads the stored rollups when it starts, so the last to finish saw the freshest data.
      // Simpler than an SQS FIFO queue with a message group per report: EventBridge gives a FIFO
      // target one fixed group id, so per-report groups would need the publishers to send to SQS
      // themselves; a build takes seconds, so serialising all of them costs little.
      reservedConcurrency: 1,
    }).function;
    const registry = new ProjectFunction(this, 'RegistryLoad', {
      name: 'registry-load',
      memoryMb: 1024,
      timeout: Duration.minutes(15),
      environment,
      ...house,
    }).function;
    // Reads INSEE's Parquet stock a row group at a time: 1 769 MB is where Lambda gives a whole vCPU.
    const refresh = new ProjectFunction(this, 'RegistryRefresh', {
      name: 'registry-refresh',
      memoryMb: 1769,
      timeout: Duration.minutes(15),
      environment: {
        ...environment,
        ...(config.registryRefresh.stockBase
          ? { [ENV.registryStockBase]: config.registryRefresh.stockBase }
          : {}),
      },
      ...house,
    }).function;
    const { provider, inseeApiKeySecretName } = config.companyLookup;
    // At most 2 000 lookups a run at the provider's pace (7 a second: about 5 minutes); 10 minutes
    // leave room for a 429's Retry-After and the retries of slow answers. 512 MB: the run reads the
    // rollups of every counted dataset to find their suppliers.
    const lookup = new ProjectFunction(this, 'CompanyLookup', {
      name: 'company-lookup',
      memoryMb: 512,
      timeout: Duration.minutes(10),
      environment: {
        ...environment,
        [ENV.companyLookup]: provider,
        ...(inseeApiKeySecretName ? { [ENV.inseeApiKeySecret]: inseeApiKeySecretName } : {}),
      },
      ...house,
      // One run at a time: the provider's rate limit is per caller (API Sirene's per key), and a run
      // started while another is asking would ask the same identifiers again. Lambda queues the
      // others; each finds the answers the one before stored.
      reservedConcurrency: 1,
    }).function;
    const { senderEmail } = config.surveys;
    const apiHandler = new ProjectFunction(this, 'Api', {
      name: 'api',
      memoryMb: 512,
      timeout: Duration.seconds(15),
      environment: {
        ...environment,
        [ENV.maxUploadMb]: String(config.maxUploadMb),
        // Set only when the configuration names a sender: unset, the officer sends the e-mails.
        ...(senderEmail ? { [ENV.surveySender]: senderEmail } : {}),
      },
      ...house,
      // Survey candidates are classified by ring as a report would classify them.
      withGeography: true,
    }).function;
    const portal = new PortalApi(this, 'Portal', { handler: apiHandler, logRetention });
    // The report list links each report to the public site, which the storage stack owns.
    apiHandler.addEnvironment(
      ENV.reportsBaseUrl,
      StringParameter.valueForStringParameter(this, names.reportsUrlParameter),
    );
    this.apiUrl = portal.api.apiEndpoint;
    this.userPoolId = portal.userPool.userPoolId;
    grantAccess(apiHandler, FUNCTION_ACCESS.api, names);
    grantAccess(ingest, FUNCTION_ACCESS.ingest, names);
    grantAccess(report, FUNCTION_ACCESS.report, names);
    grantAccess(registry, FUNCTION_ACCESS['registry-load'], names);
    grantAccess(refresh, FUNCTION_ACCESS['registry-refresh'], names);
    grantAccess(lookup, FUNCTION_ACCESS['company-lookup'], names);
    if (inseeApiKeySecretName) grantSecretValue(lookup, inseeApiKeySecretName);
    if (senderEmail) grantEmailSending(apiHandler, senderEmail);
    const nag = nagNames(config.stage);
    for (const [fn, access] of [
      [apiHandler, FUNCTION_ACCESS.api],
      [ingest, FUNCTION_ACCESS.ingest],
      [report, FUNCTION_ACCESS.report],
      [registry, FUNCTION_ACCESS['registry-load']],
      [refresh, FUNCTION_ACCESS['registry-refresh']],
      [lookup, FUNCTION_ACCESS['company-lookup']],
    ] as const) {
      Validations.of(fn).acknowledge(
        ...prefixFindings(access, nag).map((id) => ({
          id,
          reason:
            'Objects under one key prefix of one project bucket: the wildcard is the key space, not other resources.',
        })),
      );
    }
    const territory = deployTerritory(this, 'Territory', {
      bucketName: names.reference,
      territory: config.territory,
    });
    // The functions that read the territory are created, and updated, once it is written: none of
    // them runs before the object exists, nor with a territory id whose object is not there yet.
    for (const fn of [apiHandler, ingest, report, refresh]) fn.node.addDependency(territory);
    bus.grantPutEventsTo(ingest);
    // `POST /reports/rebuild` asks for a rebuild with an event; the report function does the work.
    bus.grantPutEventsTo(apiHandler);
    // A run that found something asks for the ingest's reports to be rebuilt, with an event.
    bus.grantPutEventsTo(lookup);

    const ingestDlq = this.queueFor(ingest, 'Ingest', uploads, [OBJECT_PREFIXES.uploads]);
    const registryDlq = this.queueFor(registry, 'Registry', reference, [
      OBJECT_PREFIXES.registry,
      OBJECT_PREFIXES.directories,
    ]);

    const reportDlq = this.deadLetterQueue('ReportEventsDlq');
    new Rule(this, 'RebuildReports', {
      eventBus: bus,
      eventPattern: { source: [DATASET_INGESTED.source], detailType: [DATASET_INGESTED.detailType] },
      targets: [new LambdaFunction(report, { retryAttempts: 3, deadLetterQueue: reportDlq })],
    });
    // The rule hands the detail (`{kind, anchorId?}`) to the report function as an on-demand request.
    new Rule(this, 'RebuildOnRequest', {
      eventBus: bus,
      eventPattern: { source: [REBUILD_REQUESTED.source], detailType: [REBUILD_REQUESTED.detailType] },
      targets: [
        new LambdaFunction(report, {
          event: RuleTargetInput.fromEventPath('$.detail'),
          retryAttempts: 3,
          deadLetterQueue: reportDlq,
        }),
      ],
    });
    // A rule of its own rather than a second target of RebuildReports: turned off, it is disabled,
    // and the report's rule stays as it is; its dead letters are not mixed with the report's.
    const lookupDlq = this.deadLetterQueue('CompanyLookupEventsDlq');
    new Rule(this, 'LookUpCompanies', {
      eventBus: bus,
      enabled: provider !== 'off',
      eventPattern: { source: [DATASET_INGESTED.source], detailType: [DATASET_INGESTED.detailType] },
      targets: [new LambdaFunction(lookup, { retryAttempts: 3, deadLetterQueue: lookupDlq })],
    });

    const registryRefresh = new RegistryRefresh(this, 'RegistryRefreshLoop', {
      refreshFunction: refresh,
      name: names.registryRefresh,
      schedule: config.registryRefresh,
      logRetention,
      alarms,
      deadLetterRetention: DEAD_LETTER_RETENTION,
      tracing: config.observability.tracing,
    });

    const functions: Readonly<Record<Service, NodejsFunction>> = {
      api: apiHandler,
      ingest,
      report,
      'registry-load': registry,
      'registry-refresh': refresh,
      'company-lookup': lookup,
    };
    const deadLetterQueues = {
      IngestDlq: ingestDlq,
      RegistryDlq: registryDlq,
      ReportEventsDlq: reportDlq,
      CompanyLookupEventsDlq: lookupDlq,
      RegistryRefreshScheduleDlq: registryRefresh.deadLetterQueue,
    };
    const operatorAlarms = createOperatorAlarms(this, {
      stage: config.stage,
      topic: alarms,
      functions,
      deadLetterQueues,
      api: portal.api,
    });
    if (config.observability.dashboard) {
      new OperationsDashboard(this, 'Operations', {
        stage: config.stage,
        functions,
        deadLetterQueues,
        api: portal.api,
        alarms: [...operatorAlarms, ...registryRefresh.alarms],
      });
    }

    const site = new PortalSite(this, 'PortalSite', {
      stage: config.stage,
      userPool: portal.userPool,
      client: portal.client,
      apiUrl: this.apiUrl,
      uploadOrigins: [`https://${names.uploads}.s3.${this.region}.${this.urlSuffix}`],
      webAclArn: this.portalWebAcl(config),
      domain: config.domains.portal,
    });
    new PortalOriginCors(this, 'PortalOriginCors', {
      origin: site.origin,
      api: portal.api,
      uploadsBucketName: names.uploads,
    });
    this.portalUrl = site.url;
    new CfnOutput(this, 'PortalUrl', { value: site.url });
    new CfnOutput(this, 'ApiUrl', { value: this.apiUrl });
    new CfnOutput(this, 'UserPoolId', { value: this.userPoolId });
    new CfnOutput(this, 'UploadsBucket', { value: names.uploads });
    new CfnOutput(this, 'RegistryRefreshStateMachineArn', {
      value: registryRefresh.stateMachine.stateMachineArn,
    });
  }

  /**
   * S3 events (via EventBridge) → SQS (with a DLQ) → the function, one message at a time, failures
   * reported per message. Returns the dead-letter queue, for the alarms and the dashboard.
   */
  private queueFor(fn: NodejsFunction, name: string, bucket: IBucket, prefixes: readonly string[]): Queue {
    const dlq = this.deadLetterQueue(`${name}Dlq`);
    const queue = new Queue(this, `${name}Queue`, {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      // Longer than the function's timeout, so a message is not redelivered while it is still being ingested.
      visibilityTimeout: Duration.minutes(16),
      deadLetterQueue: { queue: dlq, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    new Rule(this, `${name}ObjectCreated`, {
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [bucket.bucketName] },
          object: { key: prefixes.map((prefix) => ({ prefix })) },
        },
      },
      targets: [new SqsQueue(queue)],
    });
    fn.addEventSource(
      new SqsEventSource(queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );
    return dlq;
  }

  /** Encrypted, TLS only, kept as long as SQS allows; alarmed on and graphed by the caller. */
  private deadLetterQueue(id: string): Queue {
    const queue = new Queue(this, id, {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This is a dead-letter queue.',
    });
    return queue;
  }

  /**
   * The portal's WebACL: the deployer's own, or the one of the `Ancrage-<stage>-Waf` stack (us-east-1),
   * read from there at deploy time; none when the configuration turns WAF off.
   */
  private portalWebAcl(config: DeployConfig): string | undefined {
    if (!config.waf.enabled) return undefined;
    return (
      config.waf.webAclArn ??
      readUsEast1Parameter(this, 'PortalWebAclArn', resourceNames(config.stage).webAclArnParameter)
    );
  }
}
