import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { renderTokens } from './template-text.ts';

/** Reading a synthesised template: resources of a type, the one expected, a role's statements. */
export const resources = (template: Template, type: string) => Object.entries(template.findResources(type));

export const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

/** The statements of the policies attached to the roles whose logical id matches, resources rendered. */
export const statementsOfRoles = (template: Template, isRole: (logicalId: string) => boolean) =>
  resources(template, 'AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => isRole(role.Ref)))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    .map((statement) => ({ ...statement, Resource: [statement.Resource].flat().map(renderTokens) }));

/** What X-Ray tracing (on by default) adds first to a project function's role, on "*" as AWS documents it. */
export const FUNCTION_TRACING_STATEMENT = {
  Effect: 'Allow',
  Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
  Resource: ['*'],
};

/** The account's table, as the grants name it. */
export const TABLE_ARN = `arn:\${Ref:AWS::Partition}:dynamodb:\${Ref:AWS::Region}:\${Ref:AWS::AccountId}:table/ancrage-dev`;
