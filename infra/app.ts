import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeployConfig } from './config.ts';
import { acknowledgeProjectWide } from './nag-acknowledgements.ts';
import { AppStack } from './stacks/app-stack.ts';
import { StorageStack } from './stacks/storage-stack.ts';

/** Builds the two stacks from one validated configuration, with cdk-nag checking every synth. */
export function buildApp(app: App, configPath: string): { storage: StorageStack; appStack: AppStack } {
  const config = readDeployConfig(configPath);
  const prefix = `Ancrage-${config.stage}`;
  const storage = new StorageStack(app, `${prefix}-Storage`, { stage: config.stage });
  const appStack = new AppStack(app, `${prefix}-App`, { config });
  // Found by name, the storage must exist first; the app stack holds no reference back.
  appStack.addStackDependency(storage);
  Tags.of(app).add('project', 'ancrage');
  Tags.of(app).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  acknowledgeProjectWide(storage);
  acknowledgeProjectWide(appStack);
  return { storage, appStack };
}

// `npx cdk synth|deploy -c config=infra/config/<file>.json`
if (process.argv[1]?.endsWith('infra/app.ts')) {
  const app = new App();
  const configPath = app.node.tryGetContext('config') ?? 'infra/config/default.json';
  buildApp(app, configPath);
  app.synth();
}
