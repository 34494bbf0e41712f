import type { Currency, DatasetKind } from '../dataset-kind.ts';
import type { DateOrder } from '../dates.ts';
import type { DecimalSeparator } from '../money.ts';
import type { CanonicalField, CanonicalRow } from './canonical-fields.ts';

/**
 * What a known file format looks like: the header aliases of each canonical field, what it needs,
 * and how its values are written. Formats are recognised from their header, never from the file name.
 */
export interface FormatProfile {
  readonly id: string;
  /** Its name in English, the language ingest writes its reasons in. */
  readonly label: string;
  /** Its name in French. */
  readonly labelFr: string;
  readonly kind: DatasetKind;
  readonly currency: Currency;
  readonly decimal: DecimalSeparator;
  readonly dateOrder: DateOrder;
  /** Header aliases per field, compared after folding (case, accents and punctuation ignored). */
  readonly aliases: Readonly<Partial<Record<CanonicalField, readonly string[]>>>;
  /** Fields whose column must be present for the format to be recognised. */
  readonly required: readonly CanonicalField[];
  /**
   * Rows of one contract repeated once per titulaire (DECP flattened files): the amount is split
   * between the titulaires instead of being counted once per row.
   */
  readonly groupRowsBy?: CanonicalField;
  /** What the identifier column holds when the file does not say (UK: company numbers). */
  readonly defaultIdentifierType?: string;
  /**
   * Rows naming several titulaires in numbered columns become one row per titulaire (grouped and
   * split like flattened files).
   */
  readonly expandRow?: (row: CanonicalRow) => CanonicalRow[];
}
