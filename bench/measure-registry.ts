import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { BATCH_SIZE } from '../shared/adapters/batch-write.ts';
import { createFileReader } from '../shared/adapters/file-reader.ts';
import { KNOWN_FORMATS } from '../shared/domain/formats/known-formats.ts';
import type { SupplierFacts } from '../shared/domain/registry/supplier-facts.ts';
import { systemClock } from '../shared/ports/clock.ts';
import type { ObjectStore } from '../shared/ports/object-store.ts';
import { type FactsDependencies, loadRegistry } from '../shared/use-cases/load-facts.ts';

export interface RegistryMeasure {
  readonly rows: number;
  readonly facts: number;
  readonly rejectedRows: number;
  /** Items the DynamoDB profile store would write (a head office is filed twice) and its BatchWriteItem calls. */
  readonly items: number;
  readonly writeRequests: number;
  readonly ms: number;
}

/** Items `createDynamoDbProfileStore().putFacts` writes for a fact: a head office is also filed under its SIREN. */
const itemsOf = (fact: SupplierFacts) => (fact.kind === 'establishment' && fact.headOffice ? 2 : 1);

/**
 * The registry use case over a local StockEtablissement file: real file reader, real row reading,
 * batches of facts (and the per-commune activity counts) handed to a profile store that only counts
 * what DynamoDB would be asked to write (the emulator is left out: 1.3 M items in dynalite's memory
 * would measure dynalite, at ~1 500 rows/s).
 */
export async function measureRegistryLoad(path: string): Promise<RegistryMeasure> {
  let items = 0;
  let writeRequests = 0;
  const profiles: FactsDependencies['profiles'] = {
    async putFacts(facts) {
      const written = facts.reduce((sum, fact) => sum + itemsOf(fact), 0);
      items += written;
      writeRequests += Math.ceil(written / BATCH_SIZE);
    },
    // One item per commune, as `createDynamoDbProfileStore().putLocalActivity` writes them.
    async putLocalActivity(_source, counts) {
      items += counts.size;
      writeRequests += Math.ceil(counts.size / BATCH_SIZE);
    },
  };
  const objects: ObjectStore = {
    open: async () => ({
      body: createReadStream(path),
      sizeBytes: statSync(path).size,
      metadata: new Map(),
      eTag: undefined,
      versionId: undefined,
    }),
    put: async () => undefined,
    readText: async () => undefined,
    list: async () => [],
  };
  const started = performance.now();
  const outcome = await loadRegistry(
    { objects, profiles, reader: createFileReader(KNOWN_FORMATS), clock: systemClock },
    { bucket: 'bench', key: `registry/${basename(path)}` },
  );
  const ms = performance.now() - started;
  if (!outcome.loaded) throw new Error(`the registry file was not loaded: ${outcome.reason}`);
  return {
    rows: outcome.rows,
    facts: outcome.facts,
    rejectedRows: outcome.rejectedRows,
    items,
    writeRequests,
    ms,
  };
}
