import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';
import { repoRoot } from '../support/run-cli.ts';

const DEFAULT_CONFIG = `${repoRoot}infra/config/default.json`;

/**
 * Synthesises the real app (cdk-nag included: findings make synth throw), bundling skipped unless
 * asked, with the default configuration (or the file given) or that configuration with some keys replaced.
 */
export function synthesise(
  options: { bundle?: boolean; config?: Record<string, unknown>; file?: string } = {},
) {
  const app = new App(options.bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  let configPath = options.file ?? DEFAULT_CONFIG;
  if (options.config) {
    const defaults = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    configPath = join(mkdtempSync(join(tmpdir(), 'ancrage-config-')), 'config.json');
    writeFileSync(configPath, JSON.stringify({ ...defaults, ...options.config }));
  }
  const { storage, appStack, waf } = buildApp(app, configPath);
  const assembly = app.synth();
  return {
    assembly,
    storage: Template.fromStack(storage),
    app: Template.fromStack(appStack),
    waf: waf ? Template.fromStack(waf) : undefined,
  };
}
