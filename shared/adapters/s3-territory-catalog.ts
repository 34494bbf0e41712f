import { territoryKey } from '../contracts/table.ts';
import { BUNDLED_TERRITORIES } from '../domain/territory/bundled-territories.ts';
import { TerritorySchema } from '../domain/territory/territory.ts';
import type { ObjectStore } from '../ports/object-store.ts';
import type { TerritoryCatalog } from '../ports/territory-catalog.ts';

/** A territory uploaded to the reference bucket wins over the bundled one of the same id. */
export function createS3TerritoryCatalog(objects: ObjectStore, referenceBucket: string): TerritoryCatalog {
  return {
    async get(territoryId) {
      const text = await objects.readText({ bucket: referenceBucket, key: territoryKey(territoryId) });
      if (text === undefined) return BUNDLED_TERRITORIES.get(territoryId);
      return TerritorySchema.parse(JSON.parse(text));
    },
  };
}
