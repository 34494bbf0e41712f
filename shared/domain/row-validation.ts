import { z } from 'zod';
import { normaliseCountry, normaliseFrenchPostcode, normaliseUkPostcode } from './address.ts';
import { parseDate } from './dates.ts';
import type { CanonicalRow } from './formats/canonical-fields.ts';
import type { FormatProfile } from './formats/format-profile.ts';
import { parseSupplierIdentifier } from './identifiers.ts';
import { parseAmountToCents } from './money.ts';
import { fail, ok, type Result } from './result.ts';
import type { DraftLine } from './spend-line.ts';
import { supplierKeyOf, UNDISCLOSED_SUPPLIER_KEY } from './supplier-key.ts';
import { isUndisclosedName } from './supplier-name.ts';

export interface RowContext {
  readonly format: FormatProfile;
  /** The uploader's anchor, used when the file has no buyer column. */
  readonly defaultAnchorId: string;
}

const MAX_FIELD_LENGTH = 4_000;

const optionalText = z
  .string()
  .max(MAX_FIELD_LENGTH, 'a value is longer than 4 000 characters')
  .optional()
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed === '' ? undefined : trimmed;
  });

/**
 * The zod schema of a canonical row for one format: every value is checked and normalised in one
 * pass (amount to cents, date to ISO, identifier to a checked string), and every problem is reported.
 */
function canonicalRowSchema(context: RowContext) {
  const { format } = context;
  return z
    .object({
      amount: z.string().optional(),
      date: z.string().optional(),
      supplierName: optionalText,
      supplierLocalId: optionalText,
      supplierIdentifier: optionalText,
      supplierIdentifierType: optionalText,
      supplierPostcode: optionalText,
      supplierCommune: optionalText,
      supplierCommuneCode: optionalText,
      supplierCountry: optionalText,
      anchorId: optionalText,
      anchorName: optionalText,
      categoryCode: optionalText,
      categoryLabel: optionalText,
      serviceArea: optionalText,
      reference: optionalText,
      description: optionalText,
      contractUid: optionalText,
      currentVersion: optionalText,
      supplierIdentifier2: optionalText,
      supplierIdentifierType2: optionalText,
      supplierIdentifier3: optionalText,
      supplierIdentifierType3: optionalText,
    })
    .transform((row, ctx) => {
      const issue = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      const amount = parseAmountToCents(row.amount ?? '', format.decimal);
      const date = parseDate(row.date ?? '', format.dateOrder);
      const identifier = parseSupplierIdentifier(
        row.supplierIdentifier ?? '',
        row.supplierIdentifierType ?? format.defaultIdentifierType,
      );
      const problems = [amount, date, identifier].filter((result) => !result.ok);
      if (problems.length > 0 || !amount.ok || !date.ok || !identifier.ok) {
        return issue(problems.map((problem) => (problem.ok ? '' : problem.reason)).join('; '));
      }
      const flags: string[] = [];
      const name = row.supplierName ?? '';
      const undisclosed = !identifier.value && isUndisclosedName(name);
      if (undisclosed) flags.push('supplier-undisclosed');
      if (row.supplierIdentifier && !identifier.value) flags.push('identifier-placeholder');
      const postcode = normalisePostcode(row.supplierPostcode, format.currency === 'GBP');
      if (row.supplierPostcode && !postcode) flags.push('postcode-unreadable');
      const country = row.supplierCountry ? normaliseCountry(row.supplierCountry) : undefined;
      const line: Omit<DraftLine, 'lineNumber'> = {
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
      };
      return line;
    });
}

function normalisePostcode(raw: string | undefined, british: boolean): string | undefined {
  if (!raw) return undefined;
  return british ? normaliseUkPostcode(raw) : normaliseFrenchPostcode(raw);
}

export type RowValidator = (row: CanonicalRow, lineNumber: number) => Result<DraftLine>;

/** Builds the validator of one file's rows once, so each row costs one schema pass. */
export function createRowValidator(context: RowContext): RowValidator {
  const schema = canonicalRowSchema(context);
  return (row, lineNumber) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) return fail(parsed.error.issues.map((issue) => issue.message).join('; '));
    return ok({ ...parsed.data, lineNumber });
  };
}
