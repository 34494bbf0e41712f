import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeployConfig } from '../../infra/config.ts';
import { keys } from '../../shared/adapters/dynamodb-keys.ts';
import { ENV } from '../../shared/contracts/environment.ts';
import { REGISTRY_STATE_PARTITION } from '../../shared/contracts/table.ts';
import { DATASET_INGESTED } from '../../shared/ports/dataset-events.ts';
import { repoRoot } from '../support/run-cli.ts';
import { synthesise } from './synth.ts';
import {
  FUNCTION_TRACING_STATEMENT,
  only,
  resources,
  statementsOfRoles,
  TABLE_ARN,
} from './template-queries.ts';

/** The lookups of unknown suppliers after each ingest: the function, its rule, its grants, its alarms, its configuration. */

type Templates = ReturnType<typeof synthesise>;
let t: Templates;

beforeAll(() => {
  t = synthesise();
});

const lookupFunction = (template: Template) =>
  only(resources(template, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('CompanyLookupFunction')));
/** The rules whose target is the lookup function. */
const lookupRule = (template: Template) => {
  const [functionId] = lookupFunction(template);
  return only(
    resources(template, 'AWS::Events::Rule').filter(([, rule]) =>
      JSON.stringify(rule.Properties.Targets).includes(`"${functionId}"`),
    ),
  );
};
/** The statements of the policies attached to a function's role. */
const statementsOf = (template: Template, functionId: string) => {
  const role = template.toJSON().Resources[functionId].Properties.Role['Fn::GetAtt'][0];
  return statementsOfRoles(template, (logicalId) => logicalId === role);
};

const TABLE = TABLE_ARN;
const DEFAULT_BUS = `arn:\${Ref:AWS::Partition}:events:\${Ref:AWS::Region}:\${Ref:AWS::AccountId}:event-bus/default`;
const SECRET_NAME = 'ancrage/insee-api-key';

describe('the company-lookup function', () => {
  it('runs up to 10 minutes with 512 MB, one run at a time, outside any VPC, with the deployment’s environment', () => {
    const [, fn] = lookupFunction(t.app);
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 600,
      MemorySize: 512,
      ReservedConcurrentExecutions: 1,
    });
    expect(fn.Properties.VpcConfig).toBeUndefined();
    const variables = fn.Properties.Environment.Variables;
    expect(variables[ENV.tableName]).toBe('ancrage-dev');
    expect(variables[ENV.eventBusName]).toBe('default');
    // The default provider, named; no key, and the provider's own address.
    expect(variables[ENV.companyLookup]).toBe('recherche-entreprises');
    expect(variables[ENV.inseeApiKeySecret]).toBeUndefined();
    expect(variables[ENV.companyLookupUrl]).toBeUndefined();
    const groupId = fn.Properties.LoggingConfig.LogGroup.Ref;
    expect(t.app.toJSON().Resources[groupId].Properties.RetentionInDays).toBe(90);
  });

  it('runs on every "dataset ingested" event, whole, retried like the report’s, then parked in a queue of its own', () => {
    const [functionId] = lookupFunction(t.app);
    const [, rule] = lookupRule(t.app);
    expect(rule.Properties.State).toBe('ENABLED');
    expect(rule.Properties.EventPattern).toEqual({
      source: [DATASET_INGESTED.source],
      'detail-type': [DATASET_INGESTED.detailType],
    });
    // The handler reads the event's detail-type and detail itself: no input path, no transformer.
    const target = only(rule.Properties.Targets as Record<string, unknown>[]);
    expect(Object.keys(target).sort()).toEqual(['Arn', 'DeadLetterConfig', 'Id', 'RetryPolicy']);
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
    // The report's rule for the same event, beside it: the same retries, another dead-letter queue.
    const [, reportRule] = only(
      resources(t.app, 'AWS::Events::Rule').filter(([id]) => id.startsWith('RebuildReports')),
    );
    const reportTarget = only(reportRule.Properties.Targets as Record<string, unknown>[]);
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3 });
    expect(target.RetryPolicy).toEqual(reportTarget.RetryPolicy);
    const queueId = (target.DeadLetterConfig as { Arn: { 'Fn::GetAtt': [string, string] } }).Arn[
      'Fn::GetAtt'
    ][0];
    expect(queueId).toMatch(/^CompanyLookupEventsDlq/);
    expect(target.DeadLetterConfig).not.toEqual(reportTarget.DeadLetterConfig);
    expect(t.app.toJSON().Resources[queueId].Properties).toMatchObject({
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
  });

  it('may list datasets, read rollups and facts, write facts in batches and its run record, and ask for rebuilds: nothing else', () => {
    const [functionId] = lookupFunction(t.app);
    expect(statementsOf(t.app, functionId)).toEqual([
      FUNCTION_TRACING_STATEMENT,
      {
        Effect: 'Allow',
        Action: ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem'],
        Resource: [TABLE, `${TABLE}/index/gsi1`],
      },
      {
        Effect: 'Allow',
        Action: 'dynamodb:PutItem',
        Resource: [TABLE],
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['REGISTRY'] } },
      },
      { Effect: 'Allow', Action: 'events:PutEvents', Resource: [DEFAULT_BUS] },
    ]);
  });

  it('puts its run record in the partition the adapter keeps it in', () => {
    expect(keys.registryLookupRun.pk).toBe(REGISTRY_STATE_PARTITION);
  });

  it('tells the alarm topic when it throws, and when an event could not be delivered to it', () => {
    const [functionId] = lookupFunction(t.app);
    const [topicId] = only(resources(t.app, 'AWS::SNS::Topic'));
    const [, rule] = lookupRule(t.app);
    const queueId = rule.Properties.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][0];
    const alarms = resources(t.app, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    const alarmOn = (metricName: string, dimension: object) =>
      only(
        alarms.filter(
          (alarm) =>
            alarm.MetricName === metricName &&
            JSON.stringify(alarm.Dimensions) === JSON.stringify([dimension]),
        ),
      );
    for (const alarm of [
      alarmOn('Errors', { Name: 'FunctionName', Value: { Ref: functionId } }),
      alarmOn('ApproximateNumberOfMessagesVisible', {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [queueId, 'QueueName'] },
      }),
    ]) {
      expect(alarm).toMatchObject({
        Period: 300,
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
      });
    }
  });
});

describe('the company-lookup configuration', () => {
  it('asks API Sirene with the key of the secret it names, and may read that secret only', () => {
    const sirene = synthesise({
      config: { companyLookup: { provider: 'api-sirene', inseeApiKeySecretName: SECRET_NAME } },
    });
    const [functionId, fn] = lookupFunction(sirene.app);
    expect(fn.Properties.Environment.Variables).toMatchObject({
      [ENV.companyLookup]: 'api-sirene',
      [ENV.inseeApiKeySecret]: SECRET_NAME,
    });
    const statements = statementsOf(sirene.app, functionId);
    expect(statements.filter(({ Action }) => String(Action).startsWith('secretsmanager:'))).toEqual([
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        // Secrets Manager's six random characters after the name, and nothing more.
        Resource: [
          `arn:\${Ref:AWS::Partition}:secretsmanager:\${Ref:AWS::Region}:\${Ref:AWS::AccountId}:secret:${SECRET_NAME}-??????`,
        ],
      },
    ]);
    expect(statements.map(({ Action }) => Action)).toEqual([
      FUNCTION_TRACING_STATEMENT.Action,
      ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem'],
      'dynamodb:PutItem',
      'secretsmanager:GetSecretValue',
      'events:PutEvents',
    ]);
  });

  it('keeps the function when turned off, but disables its rule and tells it to do nothing if invoked', () => {
    const off = synthesise({ config: { companyLookup: { provider: 'off' } } });
    const [, fn] = lookupFunction(off.app);
    expect(fn.Properties.Environment.Variables[ENV.companyLookup]).toBe('off');
    expect(lookupRule(off.app)[1].Properties.State).toBe('DISABLED');
    // The report's own rule for the same event is untouched.
    const [, reportRule] = only(
      resources(off.app, 'AWS::Events::Rule').filter(([id]) => id.startsWith('RebuildReports')),
    );
    expect(reportRule.Properties.State).toBe('ENABLED');
  });

  it('defaults to recherche-entreprises when the configuration says nothing', () => {
    const defaults = JSON.parse(readFileSync(`${repoRoot}infra/config/default.json`, 'utf8'));
    const { companyLookup: _, ...rest } = defaults;
    const path = join(mkdtempSync(join(tmpdir(), 'ancrage-config-')), 'config.json');
    writeFileSync(path, JSON.stringify(rest));
    expect(readDeployConfig(path).companyLookup).toEqual({ provider: 'recherche-entreprises' });
  });

  it('refuses API Sirene without a secret, a secret for another provider, an unknown provider, an ARN for a name', () => {
    for (const [wrong, message] of [
      [
        { provider: 'api-sirene' },
        /companyLookup\.inseeApiKeySecretName api-sirene needs inseeApiKeySecretName/,
      ],
      [
        { provider: 'recherche-entreprises', inseeApiKeySecretName: SECRET_NAME },
        /companyLookup\.inseeApiKeySecretName .*only used with the provider api-sirene/,
      ],
      [{ provider: 'sirene' }, /companyLookup\.provider/],
      [
        {
          provider: 'api-sirene',
          inseeApiKeySecretName: 'arn:aws:secretsmanager:eu-west-3:123456789012:secret:ancrage/insee-api-key',
        },
        /companyLookup\.inseeApiKeySecretName a Secrets Manager secret name/,
      ],
    ] as const) {
      expect(() => synthesise({ config: { companyLookup: wrong } })).toThrow(message);
    }
  });
});
