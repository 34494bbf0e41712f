import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';
import { repoRoot } from '../support/run-cli.ts';

/** Synthesises the real app (cdk-nag included: findings make synth throw), bundling skipped unless asked. */
export function synthesise(options: { bundle?: boolean } = {}) {
  const app = new App(options.bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  const { storage, appStack } = buildApp(app, `${repoRoot}infra/config/default.json`);
  const assembly = app.synth();
  return { assembly, storage: Template.fromStack(storage), app: Template.fromStack(appStack) };
}
