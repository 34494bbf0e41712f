/** The single table's key attributes and index, shared by the adapters, the local stack and infra. */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;

/**
 * The partition of the register's own items (status, checkpoint, last lookups): the adapters key them
 * under it, and infra lets the functions that write them write that partition only.
 */
export const REGISTRY_STATE_PARTITION = 'REGISTRY';

/** Object key prefixes the functions react to or write. */
export const OBJECT_PREFIXES = {
  uploads: 'uploads/',
  rejects: 'rejects/',
  registry: 'registry/',
  directories: 'directories/',
  territories: 'territories/',
  mappings: 'mappings/',
  reports: 'reports/',
} as const;

/** Where a territory's configuration lives in the reference bucket: the stack writes it, functions read it. */
export const territoryKey = (territoryId: string) => `${OBJECT_PREFIXES.territories}${territoryId}.json`;
