import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.ts';
import { synthesise } from './synth.ts';
import { resources } from './template-queries.ts';

/**
 * Every log the app writes is kept as long as the configuration says, and no longer: a log group
 * without retention keeps (and bills) its logs forever, and one Lambda creates on its own has none.
 * Checked in every stack, for the configurations that add resources (domains, WAF, buckets emptied
 * on destroy by CDK's helper functions).
 */

const EXAMPLE = `${repoRoot}infra/config/example.json`;

const templatesOf = (synthesised: ReturnType<typeof synthesise>): [string, Template][] => [
  ['storage', synthesised.storage],
  ['app', synthesised.app],
  ...(synthesised.waf ? [['waf', synthesised.waf] as [string, Template]] : []),
];

describe.each([
  ['the default configuration', () => synthesise(), 90],
  ['the example configuration', () => synthesise({ file: EXAMPLE }), 365],
  [
    'a stage that removes its data on destroy',
    () => synthesise({ config: { dataOnDestroy: 'destroy' } }),
    90,
  ],
])('%s', (_name, synthesiseIt, days) => {
  it(`keeps every log group ${days} days, and gives every Lambda function one of them`, () => {
    let functions = 0;
    for (const [stack, template] of templatesOf(synthesiseIt())) {
      const logGroups = resources(template, 'AWS::Logs::LogGroup');
      for (const [id, group] of logGroups)
        expect(group.Properties.RetentionInDays, `${stack} ${id}`).toBe(days);
      const logGroupIds = new Set(logGroups.map(([id]) => id));
      for (const [id, fn] of resources(template, 'AWS::Lambda::Function')) {
        functions += 1;
        expect(logGroupIds.has(fn.Properties.LoggingConfig?.LogGroup?.Ref), `${stack} ${id}`).toBe(true);
      }
    }
    // The six of functions/ and CDK's helpers at least: the checks above ran on something.
    expect(functions).toBeGreaterThan(6);
  });
});
