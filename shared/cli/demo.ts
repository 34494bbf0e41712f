import { join } from 'node:path';
import { BUNDLED_TERRITORIES, DEFAULT_TERRITORY_ID } from '../domain/territory/bundled-territories.ts';
import { SAMPLE_DATASETS } from '../local/samples.ts';
import { type AnalyzeResult, analyze } from './analyze.ts';

/**
 * The bundled sample data end to end: a synthetic payment extract of a fictional Grenoble anchor,
 * read with a synthetic SIRENE extract of its suppliers (the main report), and the real DECP
 * contracts of Isère buyers (a second report, since contracts are never added to payments).
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
  const results: AnalyzeResult[] = [];
  for (const sample of SAMPLE_DATASETS) {
    results.push(
      await analyze({
        ...common,
        files: [sample.path],
        // The payments report is the main one, at the top of the folder.
        outDir: sample.kind === 'payments' ? outDir : join(outDir, sample.kind),
        kind: sample.kind,
        anchorId: sample.anchorId,
        registries: sample.registries,
      }),
    );
  }
  return results;
}
