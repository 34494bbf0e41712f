import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFrenchGeography, type FrenchGeography } from '../domain/geography/french-geography.ts';
import {
  AreaTableSchema,
  CommuneTableSchema,
  EpciTableSchema,
  GEOGRAPHY_FILES,
  PostcodeTableSchema,
} from '../domain/geography/geography-tables.ts';

/** In the repository; a Lambda bundle ships the same files beside its code (see infra). */
export const BUNDLED_GEOGRAPHY_DIRECTORY = fileURLToPath(new URL('../../data/geography/', import.meta.url));

/**
 * French geography read from the derived tables on disk, each file on first use and validated. The
 * tables stay out of the function bundles, which keeps them small and their cold start short.
 */
export function loadFrenchGeography(directory: string = BUNDLED_GEOGRAPHY_DIRECTORY): FrenchGeography {
  const read = (file: string): unknown => JSON.parse(readFileSync(`${directory}/${file}`, 'utf8'));
  return createFrenchGeography({
    postcodes: () => PostcodeTableSchema.parse(read(GEOGRAPHY_FILES.postcodes)),
    areas: () => AreaTableSchema.parse(read(GEOGRAPHY_FILES.areas)),
    communes: () => CommuneTableSchema.parse(read(GEOGRAPHY_FILES.communes)),
    epci: () => EpciTableSchema.parse(read(GEOGRAPHY_FILES.epci)),
  });
}
