import { App, Aspects, Tags, Validations } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeployConfig } from './config.ts';
import { EveryFunctionLogged } from './function-logs.ts';
import { acknowledgeProjectWide } from './nag-acknowledgements.ts';
import { AppStack } from './stacks/app-stack.ts';
import { StorageStack } from './stacks/storage-stack.ts';
import { WafStack } from './stacks/waf-stack.ts';

export interface AncrageStacks {
  readonly storage: StorageStack;
  readonly appStack: AppStack;
  /** Only when WAF is on and the configuration names no WebACL of its own. */
  readonly waf: WafStack | undefined;
}

/** Builds the stacks from one validated configuration, with cdk-nag checking every synth. */
export function buildApp(app: App, configPath: string): AncrageStacks {
  const config = readDeployConfig(configPath);
  const prefix = `Ancrage-${config.stage}`;
  const storage = new StorageStack(app, `${prefix}-Storage`, {
    stage: config.stage,
    queryScanLimitGb: config.queryScanLimitGb,
    reportsDomain: config.domains.reports,
    dataOnDestroy: config.dataOnDestroy,
  });
  const waf =
    config.waf.enabled && config.waf.webAclArn === undefined
      ? new WafStack(app, `${prefix}-Waf`, { stage: config.stage })
      : undefined;
  const appStack = new AppStack(app, `${prefix}-App`, { config });
  // Found by name, the storage (and the WebACL) must exist first; the app stack holds no reference back.
  appStack.addStackDependency(storage);
  if (waf) appStack.addStackDependency(waf);
  Tags.of(app).add('project', 'ancrage');
  Tags.of(app).add('stage', config.stage);
  Aspects.of(app).add(new EveryFunctionLogged(config.logRetentionDays as RetentionDays));
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  for (const stack of [storage, appStack, ...(waf ? [waf] : [])]) acknowledgeProjectWide(stack);
  return { storage, appStack, waf };
}

// `npx cdk synth|deploy -c config=infra/config/<file>.json`
if (process.argv[1]?.endsWith('infra/app.ts')) {
  const app = new App();
  const configPath = app.node.tryGetContext('config') ?? 'infra/config/default.json';
  buildApp(app, configPath);
  app.synth();
}
