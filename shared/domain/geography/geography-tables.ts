import * as z from 'zod';

/** The compact tables derived from @etalab/decoupage-administratif (see scripts/build-geography.ts). */
export const PostcodeTableSchema = z.object({
  source: z.string(),
  postcodes: z.record(z.string(), z.string()),
});
export const AreaTableSchema = z.object({
  source: z.string(),
  departements: z.record(z.string(), z.tuple([z.string(), z.string()])),
  regions: z.record(z.string(), z.string()),
});
export const CommuneTableSchema = z.object({
  source: z.string(),
  communes: z.record(z.string(), z.tuple([z.string(), z.string()])),
  arrondissements: z.record(z.string(), z.string()),
});
export const EpciTableSchema = z.object({
  source: z.string(),
  epci: z.record(z.string(), z.tuple([z.string(), z.string()])),
});

export type PostcodeTable = z.infer<typeof PostcodeTableSchema>;
export type AreaTable = z.infer<typeof AreaTableSchema>;
export type CommuneTable = z.infer<typeof CommuneTableSchema>;
export type EpciTable = z.infer<typeof EpciTableSchema>;

/** Each table is loaded on first use: a function that never needs commune names never reads them. */
export interface GeographyTableLoaders {
  postcodes(): PostcodeTable;
  areas(): AreaTable;
  communes(): CommuneTable;
  epci(): EpciTable;
}

export const GEOGRAPHY_FILES = {
  postcodes: 'france-postcodes.json',
  areas: 'france-areas.json',
  communes: 'france-communes.json',
  epci: 'france-epci.json',
} as const;
