import * as z from 'zod';
import { CurrencySchema } from './dataset-kind.ts';

export const SupplierIdentitySchema = z.object({
  key: z.string().min(1),
  name: z.string(),
  identifier: z
    .discriminatedUnion('scheme', [
      z.object({ scheme: z.literal('siret'), value: z.string() }),
      z.object({ scheme: z.literal('siren'), value: z.string() }),
      z.object({ scheme: z.literal('vat'), value: z.string(), country: z.string() }),
      z.object({ scheme: z.literal('company-number'), value: z.string() }),
    ])
    .optional(),
  /**
   * An identifier written on the line that is not a valid one (a checksum failure, `7,33E+13`): kept
   * for the officer to correct, never used to match, locate or type the supplier.
   */
  invalidIdentifier: z.string().optional(),
  localId: z.string().optional(),
  postcode: z.string().optional(),
  commune: z.string().optional(),
  communeCode: z.string().optional(),
  country: z.string().optional(),
});
export type SupplierIdentity = z.infer<typeof SupplierIdentitySchema>;

/** One normalised row of a dataset: integer cents, ISO date, identifiers as strings. */
export const SpendLineSchema = z.object({
  /** Position among the file's accepted lines: the storage key, identical on every retry. */
  sequence: z.number().int().positive(),
  /** Where the line is in the file (for JSON files: the contract's rank). */
  lineNumber: z.number().int().positive(),
  anchorId: z.string().min(1),
  anchorName: z.string().optional(),
  /** Absent when the line has no readable date: it is then counted in its dataset's period, `undated`. */
  date: z.iso.date().optional(),
  amountCents: z.number().int(),
  currency: CurrencySchema,
  supplier: SupplierIdentitySchema,
  categoryCode: z.string().optional(),
  categoryLabel: z.string().optional(),
  serviceArea: z.string().optional(),
  reference: z.string().optional(),
  description: z.string().optional(),
  contractUid: z.string().optional(),
  /** Concessions are reported apart from purchases and never summed with them. */
  segment: z.literal('concession').optional(),
  /** Share of a contract's amount when it is split between titulaires (1 = whole). */
  shareOf: z.number().int().positive().optional(),
  /** Data-quality remarks that did not reject the line (e.g. a SIRET placeholder). */
  flags: z.array(z.string()),
});
export type SpendLine = z.infer<typeof SpendLineSchema>;

/** A line before it is numbered: what validation and contract grouping produce. */
export type DraftLine = Omit<SpendLine, 'sequence'>;

/** The flag of a line counted without a readable date. */
export const UNDATED_FLAG = 'undated';
/** The month bucket of undated lines in rollups and trends: sorts after every `yyyy-mm`. */
export const UNDATED_MONTH = 'undated';
