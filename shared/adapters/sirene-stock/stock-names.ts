import type { StockFile, StockFormat } from '../../ports/registry-stock.ts';

/** INSEE's file name stems: the `_utf8` suffix is part of the published name. */
const STEMS: Readonly<Record<StockFile, string>> = {
  etablissement: 'StockEtablissement_utf8',
  'unite-legale': 'StockUniteLegale_utf8',
};

/** Best first: Parquet reads only the needed columns; zip is what INSEE links first; plain CSV is last. */
export const FORMATS_BY_PREFERENCE: readonly StockFormat[] = ['parquet', 'zip', 'csv.gz', 'csv'];

export interface StockCandidate {
  readonly name: string;
  readonly format: StockFormat;
}

/** The names a stock file may carry, in the order they are looked for. */
export const stockCandidates = (file: StockFile): readonly StockCandidate[] =>
  FORMATS_BY_PREFERENCE.map((format) => ({ name: `${STEMS[file]}.${format}`, format }));
