import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeployConfig } from '../../infra/config.ts';
import { repoRoot } from '../support/run-cli.ts';
import { synthesise } from './synth.ts';
import { only, resources } from './template-queries.ts';

/** What the functions are told about Powertools, and X-Ray on or off, as `observability` configures them. */

type Templates = ReturnType<typeof synthesise>;
let traced: Templates;
let untraced: Templates;

beforeAll(() => {
  traced = synthesise();
  untraced = synthesise({ config: { observability: { tracing: false, logLevel: 'WARN' } } });
});

const PROJECT_FUNCTION =
  /^(Api|Ingest|Report|RegistryLoad|RegistryRefresh|CompanyLookup)Function[A-F0-9]{8}$/;
/** The six functions of functions/, by their folder name (`RegistryLoadFunction…` → `registry-load`). */
const projectFunctions = (template: Template) => {
  const found = resources(template, 'AWS::Lambda::Function')
    .filter(([id]) => PROJECT_FUNCTION.test(id))
    .map(([id, fn]) => {
      const construct = id.replace(PROJECT_FUNCTION, '$1');
      return [construct.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(), fn] as const;
    });
  expect(found).toHaveLength(6);
  return found;
};
const stateMachineOf = (template: Template) =>
  only(resources(template, 'AWS::StepFunctions::StateMachine'))[1].Properties;
/** Where the X-Ray wildcard is acknowledged for a function (the state machine acknowledges its own). */
const xRayAcknowledgedAt = (synthesised: Templates) =>
  synthesised.assembly
    .getStackByName('Ancrage-dev-App')
    .findMetadataByType('aws:cdk:acknowledged-rules')
    .filter((entry) => /X-Ray/.test(JSON.stringify(entry.data)) && !entry.path.includes('StateMachine'))
    .map((entry) => entry.path)
    .sort();
const xRayActions = (template: Template) =>
  resources(template, 'AWS::IAM::Policy')
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    .flatMap((statement) => [statement.Action].flat())
    .filter((action: string) => action.startsWith('xray:'));

describe('observability, by default', () => {
  it('tells Powertools each function’s service, the stage’s namespace, the INFO level and tracing on', () => {
    for (const [service, fn] of projectFunctions(traced.app)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: service,
        POWERTOOLS_METRICS_NAMESPACE: 'Ancrage/dev',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_TRACE_ENABLED: 'true',
      });
    }
  });

  it('traces every function and the registry-refresh state machine with X-Ray', () => {
    for (const [, fn] of projectFunctions(traced.app)) {
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
    expect(stateMachineOf(traced.app).TracingConfiguration).toEqual({ Enabled: true });
    expect(xRayActions(traced.app)).toContain('xray:PutTraceSegments');
  });

  it('acknowledges the X-Ray wildcard on the six functions, where tracing adds it, and nowhere else', () => {
    expect(xRayAcknowledgedAt(traced)).toEqual(
      ['Api', 'CompanyLookup', 'Ingest', 'RegistryLoad', 'RegistryRefresh', 'Report'].map(
        (id) => `/Ancrage-dev-App/${id}`,
      ),
    );
    expect(xRayAcknowledgedAt(untraced)).toEqual([]);
  });

  it('names the namespace after the stage, so two stages in one account never mix their metrics', () => {
    const prod = synthesise({ config: { stage: 'prod' } });
    for (const [, fn] of projectFunctions(prod.app)) {
      expect(fn.Properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('Ancrage/prod');
    }
  });
});

describe('observability turned down', () => {
  it('traces nothing and grants no X-Ray action when tracing is off', () => {
    for (const [, fn] of projectFunctions(untraced.app)) {
      expect(fn.Properties.TracingConfig).toBeUndefined();
      expect(fn.Properties.Environment.Variables.POWERTOOLS_TRACE_ENABLED).toBe('false');
    }
    expect(stateMachineOf(untraced.app).TracingConfiguration).toEqual({ Enabled: false });
    expect(xRayActions(untraced.app)).toEqual([]);
  });

  it('passes the configured log level to every function', () => {
    for (const [, fn] of projectFunctions(untraced.app)) {
      expect(fn.Properties.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('WARN');
    }
  });
});

describe('the observability configuration', () => {
  const configWith = (observability: unknown) => {
    const defaults = JSON.parse(readFileSync(`${repoRoot}infra/config/default.json`, 'utf8'));
    const { observability: _, ...rest } = defaults;
    const path = join(mkdtempSync(join(tmpdir(), 'ancrage-config-')), 'config.json');
    writeFileSync(path, JSON.stringify(observability === undefined ? rest : { ...rest, observability }));
    return path;
  };

  it('defaults every key, when the block is missing or names only some', () => {
    expect(readDeployConfig(configWith(undefined)).observability).toEqual({
      tracing: true,
      dashboard: true,
      logLevel: 'INFO',
    });
    expect(readDeployConfig(configWith({ dashboard: false })).observability).toEqual({
      tracing: true,
      dashboard: false,
      logLevel: 'INFO',
    });
  });

  it('refuses an unknown log level, a switch that is not a boolean, and a key it does not know', () => {
    for (const [wrong, message] of [
      [{ logLevel: 'VERBOSE' }, /observability\.logLevel/],
      [{ logLevel: 'info' }, /observability\.logLevel/],
      [{ tracing: 'yes' }, /observability\.tracing/],
      [{ dashboards: true }, /observability .*dashboards/],
    ] as const) {
      expect(() => readDeployConfig(configWith(wrong))).toThrow(message);
    }
  });
});
