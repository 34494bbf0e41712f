import { normaliseCountry, normaliseFrenchPostcode, normaliseUkPostcode } from './address.ts';
import { parseDate } from './dates.ts';
import type { CanonicalRow } from './formats/canonical-fields.ts';
import type { FormatProfile } from './formats/format-profile.ts';
import { readLineIdentifier } from './line-identifier.ts';
import { AMOUNT_ROUNDED_FLAG, readSpendAmount } from './money.ts';
import { fail, ok, type Result } from './result.ts';
import { type RowText, readRowText } from './row-text.ts';
import { type DraftLine, UNDATED_FLAG } from './spend-line.ts';
import { supplierKeyOf, UNDISCLOSED_SUPPLIER_KEY } from './supplier-key.ts';
import { isUndisclosedName } from './supplier-name.ts';
import type { UploadRights } from './territory/upload-rights.ts';

export interface RowContext {
  readonly format: FormatProfile;
  /** The uploader's anchor, used when the file has no buyer column. */
  readonly defaultAnchorId: string;
  /**
   * Who uploaded the file: a line naming a buyer they may not upload for is refused. Absent where
   * nothing is counted (a preview in the browser, `ancrage inspect`).
   */
  readonly rights?: UploadRights | undefined;
}

/**
 * Normalises one row's values in one pass (amount to cents, date to ISO, identifier to a checked
 * string). Only an amount that cannot be read keeps the line out of the count: every other defect is a
 * flag on the counted line (an unreadable date makes it `undated`, a bad identifier is kept aside and
 * the supplier known by name), so that every readable amount of a file is accounted for.
 */
function draftLineOf(row: RowText, lineNumber: number, context: RowContext): Result<DraftLine> {
  const { format } = context;
  const amount = readSpendAmount(row.amount ?? '', format.decimal);
  if (!amount.ok) return fail(amount.reason);
  const anchorId = row.anchorId ?? context.defaultAnchorId;
  const refusal = context.rights?.refusal(anchorId);
  if (refusal) return fail(refusal);
  const date = parseDate(row.date ?? '', format.dateOrder);
  const read = readLineIdentifier(
    row.supplierIdentifier ?? '',
    row.supplierIdentifierType ?? format.defaultIdentifierType,
  );
  const flags: string[] = [];
  if (!date.ok) flags.push(UNDATED_FLAG);
  if (read.flag) flags.push(read.flag);
  if (row.truncated) flags.push('value-truncated');
  if (amount.value.rounded) flags.push(AMOUNT_ROUNDED_FLAG);
  const name = row.supplierName ?? '';
  const undisclosed = !read.identifier && read.invalid === undefined && isUndisclosedName(name);
  if (undisclosed) flags.push('supplier-undisclosed');
  const postcode = normalisePostcode(row.supplierPostcode, format.currency === 'GBP');
  if (row.supplierPostcode && !postcode) flags.push('postcode-unreadable');
  const country = row.supplierCountry ? normaliseCountry(row.supplierCountry) : undefined;
  return ok({
    anchorId,
    anchorName: row.anchorName,
    date: date.ok ? date.value : undefined,
    amountCents: amount.value.cents,
    currency: format.currency,
    supplier: {
      key: undisclosed
        ? UNDISCLOSED_SUPPLIER_KEY
        : supplierKeyOf({ identifier: read.identifier, name, postcode }),
      name: undisclosed ? '' : name,
      identifier: read.identifier,
      invalidIdentifier: read.invalid,
      localId: row.supplierLocalId,
      postcode,
      commune: row.supplierCommune,
      communeCode: row.supplierCommuneCode,
      country,
    },
    categoryCode: row.categoryCode,
    categoryLabel: row.categoryLabel,
    serviceArea: row.serviceArea,
    reference: row.reference,
    description: row.description,
    contractUid: row.contractUid,
    flags,
    lineNumber,
  });
}

function normalisePostcode(raw: string | undefined, british: boolean): string | undefined {
  if (!raw) return undefined;
  return british ? normaliseUkPostcode(raw) : normaliseFrenchPostcode(raw);
}

export type RowValidator = (row: CanonicalRow, lineNumber: number) => Result<DraftLine>;

/** The validator of one file's rows. */
export function createRowValidator(context: RowContext): RowValidator {
  return (row, lineNumber) => draftLineOf(readRowText(row), lineNumber, context);
}
