import { fileURLToPath } from 'node:url';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';

const samples = (name: string) => fileURLToPath(new URL(`../../data/samples/${name}`, import.meta.url));

export interface SampleDataset {
  readonly path: string;
  readonly kind: DatasetKind;
  readonly anchorId: string;
  /** How the anchor is shown at the local sign-in. */
  readonly anchorName: string;
  /** SIRENE extracts loaded before the file, so that its report shows types, sizes and head offices. */
  readonly registries: readonly string[];
}

/**
 * The bundled sample data: a synthetic payment extract of a fictional Grenoble anchor, with a
 * synthetic SIRENE extract of its suppliers, and the real DECP contracts of Isère buyers, uploaded by
 * the consortium administrator (never added to payments: each kind has its own report).
 */
export const SAMPLE_DATASETS: readonly SampleDataset[] = [
  {
    path: samples('SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv'),
    kind: 'payments',
    anchorId: 'SYNTHETIC-regie-eaux-grenoble',
    anchorName: 'Régie fictive des eaux de Grenoble (données synthétiques)',
    registries: [
      samples('SYNTHETIC-sirene-StockUniteLegale-regie-fictive-grenoble.csv'),
      samples('SYNTHETIC-sirene-StockEtablissement-regie-fictive-grenoble.csv'),
    ],
  },
  {
    path: samples('decp-isere-2019-flattened.csv'),
    kind: 'contracts',
    // A département's extract names every buyer: the consortium administrator uploads it.
    anchorId: CONSORTIUM_UPLOADER,
    anchorName: 'Administration du consortium (DECP de l’Isère 2019)',
    // Its suppliers are real firms: the synthetic registry says nothing true of them.
    registries: [],
  },
];
