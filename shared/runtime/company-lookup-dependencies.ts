import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createDocumentClient, createEventBridgeClient } from '../adapters/aws-clients.ts';
import { createApiSireneLookup } from '../adapters/company-lookup/api-sirene-lookup.ts';
import { createRechercheEntreprisesLookup } from '../adapters/company-lookup/recherche-entreprises-lookup.ts';
import { createDynamoDbDatasetStore } from '../adapters/dynamodb-dataset-store.ts';
import { createDynamoDbProfileStore } from '../adapters/dynamodb-profile-store.ts';
import { createDynamoDbRegistryState } from '../adapters/dynamodb-registry-state.ts';
import { createEventBridgeReportRebuilds } from '../adapters/eventbridge-report-rebuilds.ts';
import { systemClock } from '../ports/clock.ts';
import type { CompanyLookup } from '../ports/company-lookup.ts';
import { cachedByConfig } from './cached-by-config.ts';
import type { RuntimeConfig } from './env.ts';
import { traced } from './observability/observability.ts';

/** API Sirene's key, read from Secrets Manager once per container (or given as is on a laptop). */
async function apiSireneKey(apiKey: RuntimeConfig['companyLookup']['apiKey']): Promise<string> {
  if (!apiKey) throw new Error('COMPANY_LOOKUP=api-sirene needs INSEE_API_KEY_SECRET (or INSEE_API_KEY)');
  if ('value' in apiKey) return apiKey.value;
  const secrets = traced(new SecretsManagerClient({}));
  try {
    const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: apiKey.secret }));
    if (!SecretString) throw new Error(`the secret ${apiKey.secret} holds no text`);
    return SecretString.trim();
  } finally {
    secrets.destroy();
  }
}

/** The company-lookup function's composition root; `lookup` is undefined when lookups are off. */
export const companyLookupDependencies = cachedByConfig((config) => {
  const documents = traced(createDocumentClient(config.dynamoDbEndpoint));
  const { provider, url, apiKey } = config.companyLookup;
  let lookup: Promise<CompanyLookup> | undefined;
  const options = url ? { baseUrl: url } : {};
  return {
    lookup: (): Promise<CompanyLookup> | undefined => {
      if (provider === 'off') return undefined;
      lookup ??=
        provider === 'api-sirene'
          ? apiSireneKey(apiKey).then((key) => createApiSireneLookup({ ...options, apiKey: key }))
          : Promise.resolve(createRechercheEntreprisesLookup(options));
      return lookup;
    },
    datasets: createDynamoDbDatasetStore(documents, config.tableName),
    profiles: createDynamoDbProfileStore(documents, config.tableName),
    state: createDynamoDbRegistryState(documents, config.tableName),
    rebuilds: config.eventBusName
      ? createEventBridgeReportRebuilds(
          traced(createEventBridgeClient(config.eventsEndpoint)),
          config.eventBusName,
        )
      : undefined,
    clock: systemClock,
  };
});
