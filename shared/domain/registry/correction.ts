import * as z from 'zod';
import { MAX_FIELD_LENGTH } from '../row-text.ts';
import { PlaceFactSchema } from '../supplier-profile.ts';
import { OverrideChangeSchema } from './supplier-facts.ts';

/**
 * The bounds of a supplier correction, checked wherever one comes in (API body, CLI, use case): each
 * correction is one DynamoDB item, and reads return only the latest `CORRECTIONS_READ`, so neither
 * a long reason nor many corrections can make a supplier uncorrectable.
 */
export const MAX_REASON_LENGTH = 500;
/** Who corrects: an e-mail address (at most 320 characters by RFC 5321) or a login. */
export const MAX_BY_LENGTH = 320;
/** A supplier key names a supplier by up to two file values (`name:<name>@<postcode>`). */
export const MAX_SUPPLIER_KEY_LENGTH = 2 * MAX_FIELD_LENGTH + 16;
const MAX_TYPE_LENGTH = 64;
/** Commune codes, postcodes and local-authority codes are at most 10 characters; room to spare. */
const MAX_PLACE_CODE_LENGTH = 16;
/** How many corrections a read of a supplier returns: the latest, oldest first. */
export const CORRECTIONS_READ = 50;

const at = (most: number) => `at most ${most} characters`;
const PlaceCodeSchema = z.string().min(1).max(MAX_PLACE_CODE_LENGTH, at(MAX_PLACE_CODE_LENGTH));

/** A place as a correction may state it: the profile's place, each code bounded. */
export const CorrectionPlaceSchema = PlaceFactSchema.extend({
  communeCode: PlaceCodeSchema.optional(),
  postcode: PlaceCodeSchema.optional(),
  localAuthority: PlaceCodeSchema.optional(),
});

export const CorrectionTypeSchema = z.string().min(1).max(MAX_TYPE_LENGTH, at(MAX_TYPE_LENGTH));
export const CorrectionReasonSchema = z
  .string()
  .trim()
  .min(1, 'say why: a correction needs a reason')
  .max(MAX_REASON_LENGTH, `a reason is ${at(MAX_REASON_LENGTH)}`);
export const CorrectionBySchema = z
  .string()
  .trim()
  .min(1, 'say who: a correction needs the name of who makes it')
  .max(MAX_BY_LENGTH, `the name of who corrects is ${at(MAX_BY_LENGTH)}`);
export const SupplierKeySchema = z
  .string()
  .min(1, 'a supplier key')
  .max(MAX_SUPPLIER_KEY_LENGTH, `a supplier key is ${at(MAX_SUPPLIER_KEY_LENGTH)}`);

/** A correction as it is asked for, every stored string bounded. */
export const CorrectionRequestSchema = z.object({
  supplierKey: SupplierKeySchema,
  change: z.object({
    supplierType: CorrectionTypeSchema.optional(),
    place: CorrectionPlaceSchema.optional(),
    headOffice: CorrectionPlaceSchema.optional(),
    naturalPerson: z.boolean().optional(),
  }),
  by: CorrectionBySchema,
  reason: CorrectionReasonSchema,
});

/**
 * One correction as stored and read back: who, when, why, what it changed and what it replaced;
 * `sequence` is its number among the supplier's corrections (1 = first). Read as stored: a history
 * written before the bounds existed stays readable.
 */
export const CorrectionSchema = z.object({
  sequence: z.number().int().positive(),
  change: OverrideChangeSchema,
  previous: OverrideChangeSchema,
  by: z.string().min(1),
  at: z.iso.datetime(),
  reason: z.string().min(1),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** A supplier's corrections as a read returns them. */
export interface OverrideHistory {
  /** The correction in force: the latest correction's change over the one it replaced. */
  readonly current: z.infer<typeof OverrideChangeSchema>;
  /** How many corrections were ever made: the latest one's sequence. */
  readonly changes: number;
  /** The latest `CORRECTIONS_READ` corrections, oldest first. */
  readonly corrections: readonly Correction[];
}

/** What a correction puts in force. */
export const inForce = (correction: Pick<Correction, 'change' | 'previous'>) => ({
  ...correction.previous,
  ...correction.change,
});
