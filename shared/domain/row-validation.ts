import { normaliseCountry, normaliseFrenchPostcode, normaliseUkPostcode } from './address.ts';
import { parseDate } from './dates.ts';
import type { CanonicalRow } from './formats/canonical-fields.ts';
import type { FormatProfile } from './formats/format-profile.ts';
import { parseSupplierIdentifier } from './identifiers.ts';
import { parseAmountToCents } from './money.ts';
import { fail, ok, type Result } from './result.ts';
import { type RowText, readRowText } from './row-text.ts';
import type { DraftLine } from './spend-line.ts';
import { supplierKeyOf, UNDISCLOSED_SUPPLIER_KEY } from './supplier-key.ts';
import { isUndisclosedName } from './supplier-name.ts';

export interface RowContext {
  readonly format: FormatProfile;
  /** The uploader's anchor, used when the file has no buyer column. */
  readonly defaultAnchorId: string;
}

/**
 * Checks and normalises one row's values in one pass (amount to cents, date to ISO, identifier to a
 * checked string), reporting every problem of the amount, date and identifier together.
 */
function draftLineOf(row: RowText, lineNumber: number, context: RowContext): Result<DraftLine> {
  const { format } = context;
  const amount = parseAmountToCents(row.amount ?? '', format.decimal);
  const date = parseDate(row.date ?? '', format.dateOrder);
  const identifier = parseSupplierIdentifier(
    row.supplierIdentifier ?? '',
    row.supplierIdentifierType ?? format.defaultIdentifierType,
  );
  if (!amount.ok || !date.ok || !identifier.ok) {
    const problems = [amount, date, identifier].filter((result) => !result.ok);
    return fail(problems.map((problem) => (problem.ok ? '' : problem.reason)).join('; '));
  }
  const flags: string[] = [];
  const name = row.supplierName ?? '';
  const undisclosed = !identifier.value && isUndisclosedName(name);
  if (undisclosed) flags.push('supplier-undisclosed');
  if (row.supplierIdentifier && !identifier.value) flags.push('identifier-placeholder');
  const postcode = normalisePostcode(row.supplierPostcode, format.currency === 'GBP');
  if (row.supplierPostcode && !postcode) flags.push('postcode-unreadable');
  const country = row.supplierCountry ? normaliseCountry(row.supplierCountry) : undefined;
  return ok({
    anchorId: row.anchorId ?? context.defaultAnchorId,
    anchorName: row.anchorName,
    date: date.value,
    amountCents: amount.value,
    currency: format.currency,
    supplier: {
      key: undisclosed
        ? UNDISCLOSED_SUPPLIER_KEY
        : supplierKeyOf({ identifier: identifier.value, name, postcode }),
      name: undisclosed ? '' : name,
      identifier: identifier.value,
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
  return (row, lineNumber) => validateRowText(readRowText(row), lineNumber, context);
}

/** Validation once the row's values are read: what a schema reading the same values would feed it. */
export function validateRowText(
  row: RowText | string,
  lineNumber: number,
  context: RowContext,
): Result<DraftLine> {
  return typeof row === 'string' ? fail(row) : draftLineOf(row, lineNumber, context);
}
