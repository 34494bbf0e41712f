import grenoble from '../../../data/territories/grenoble-alpes-metropole.json' with { type: 'json' };
import oxford from '../../../data/territories/oxford.json' with { type: 'json' };
import rennes from '../../../data/territories/rennes-metropole.json' with { type: 'json' };
import { type Territory, TerritorySchema } from './territory.ts';

/** Territories shipped with Ancrage; a deployment may add its own to the reference bucket. */
export const BUNDLED_TERRITORIES: ReadonlyMap<string, Territory> = new Map(
  [grenoble, rennes, oxford].map((json) => {
    const territory = TerritorySchema.parse(json);
    return [territory.id, territory];
  }),
);

export const DEFAULT_TERRITORY_ID = 'grenoble-alpes-metropole';
