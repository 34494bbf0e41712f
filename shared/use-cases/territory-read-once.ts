import type { TerritoryCatalog } from '../ports/territory-catalog.ts';

/**
 * The catalog, each territory read at most once through it: for a step that asks two helpers (the
 * survey's language, the institution's name) what the same territory says. Not kept beyond the step:
 * a territory edited in the reference bucket shows at the next one.
 */
export function readingOnce(catalog: TerritoryCatalog): TerritoryCatalog {
  const read = new Map<string, ReturnType<TerritoryCatalog['get']>>();
  return {
    get(territoryId) {
      let territory = read.get(territoryId);
      if (!territory) {
        territory = catalog.get(territoryId);
        read.set(territoryId, territory);
      }
      return territory;
    },
  };
}
