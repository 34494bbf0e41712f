import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_TERRITORIES, DEFAULT_TERRITORY_ID } from '../domain/territory/bundled-territories.ts';
import { type AnalyzeResult, analyze } from './analyze.ts';

const samples = fileURLToPath(new URL('../../data/samples/', import.meta.url));

/**
 * The bundled sample data end to end: a synthetic payment extract of a fictional Grenoble anchor
 * (the main report) and the real DECP contracts of Isère buyers (a second report, since contracts
 * are never added to payments).
 */
export async function demo(outDir: string): Promise<AnalyzeResult[]> {
  const territory = BUNDLED_TERRITORIES.get(DEFAULT_TERRITORY_ID);
  if (!territory) throw new Error(`the default territory ${DEFAULT_TERRITORY_ID} is not bundled`);
  const common = {
    territory,
    customTerritory: false,
    language: undefined,
    mapping: undefined,
  } as const;
  const payments = await analyze({
    ...common,
    files: [join(samples, 'SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv')],
    outDir,
    kind: 'payments',
    anchorId: 'SYNTHETIC-regie-eaux-grenoble',
  });
  const contracts = await analyze({
    ...common,
    files: [join(samples, 'decp-isere-2019-flattened.csv')],
    outDir: join(outDir, 'contracts'),
    kind: 'contracts',
    anchorId: 'decp-isere',
  });
  return [payments, contracts];
}
