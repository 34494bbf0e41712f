import type { Territory } from '../domain/territory/territory.ts';

/** Where territory configurations come from: the deployment's reference bucket, then the bundled ones. */
export interface TerritoryCatalog {
  get(territoryId: string): Promise<Territory | undefined>;
}
