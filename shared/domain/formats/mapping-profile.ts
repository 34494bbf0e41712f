import * as z from 'zod';
import { CurrencySchema, DatasetKindSchema } from '../dataset-kind.ts';
import { PROTOTYPE_KEYS } from '../text.ts';
import { CANONICAL_FIELDS, type CanonicalField } from './canonical-fields.ts';
import type { FormatProfile } from './format-profile.ts';

/**
 * Every stored string of a profile is bounded: a profile is saved per anchor and read on every
 * upload that names it, and a 900 KB label would be carried into each dataset's messages. A column
 * name is a header cell of an export (real ones are under 100 characters).
 */
export const MAX_PROFILE_LABEL_LENGTH = 200;
export const MAX_COLUMN_NAME_LENGTH = 200;

const ColumnNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_COLUMN_NAME_LENGTH, `a column name is at most ${MAX_COLUMN_NAME_LENGTH} characters`);

const ColumnsSchema = z
  .partialRecord(z.enum(CANONICAL_FIELDS), ColumnNameSchema)
  .refine((columns) => Object.keys(columns).every((key) => !PROTOTYPE_KEYS.has(key)))
  .refine((columns) => 'supplierName' in columns || 'supplierIdentifier' in columns, {
    message: 'map a column to supplierName or supplierIdentifier',
  })
  .refine((columns) => 'amount' in columns && 'date' in columns, {
    message: 'map a column to amount and one to date',
  });

/**
 * A saved description of a file layout Ancrage does not know: which column holds which field and
 * how values are written. Versioned, validated, and stored per anchor so monthly uploads need no
 * re-mapping.
 */
export const MappingProfileSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and "-"'),
  label: z
    .string()
    .min(1)
    .max(MAX_PROFILE_LABEL_LENGTH, `a label is at most ${MAX_PROFILE_LABEL_LENGTH} characters`),
  kind: DatasetKindSchema,
  currency: CurrencySchema,
  decimal: z.enum([',', '.']),
  dateFormat: z.enum(['dd/mm/yyyy', 'yyyy-mm-dd', 'mm/dd/yyyy']),
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).optional(),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  /** The header's line in the file (1 = first), when it is further down than the first 30 lines. */
  headerLine: z.number().int().positive().max(1_000).optional(),
  columns: ColumnsSchema,
});
export type MappingProfile = z.infer<typeof MappingProfileSchema>;

const DATE_ORDERS = { 'dd/mm/yyyy': 'dmy', 'yyyy-mm-dd': 'ymd', 'mm/dd/yyyy': 'mdy' } as const;

/** The format a profile describes: its own column names are the only aliases. */
export function formatOfMappingProfile(profile: MappingProfile): FormatProfile {
  const aliases: Partial<Record<CanonicalField, readonly string[]>> = {};
  for (const [field, column] of Object.entries(profile.columns) as [CanonicalField, string][]) {
    aliases[field] = [column];
  }
  const identity: CanonicalField = 'supplierName' in profile.columns ? 'supplierName' : 'supplierIdentifier';
  return {
    id: `mapping:${profile.id}`,
    label: `mapping profile "${profile.label}"`,
    labelFr: `profil de correspondance «\u00A0${profile.label}\u00A0»`,
    kind: profile.kind,
    currency: profile.currency,
    decimal: profile.decimal,
    dateOrder: DATE_ORDERS[profile.dateFormat],
    aliases,
    required: [identity, 'amount', 'date'],
  };
}
