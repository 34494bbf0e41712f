import * as z from 'zod';
import { PlaceFactSchema } from '../supplier-profile.ts';

/**
 * Where a registry fact came from when not from a SIRENE stock file: the company-search API that
 * answered, and the day it was asked (`asOf` stays the register's own date of the record).
 */
const LookedUp = {
  via: z.enum(['recherche-entreprises', 'api-sirene']).optional(),
  retrievedOn: z.iso.date().optional(),
};

/**
 * What each source says about a supplier, stored apart so that loading one source never overwrites
 * another: a registry reload leaves the overrides and the directories as they were. A profile is
 * these facts merged at report time (`mergeProfile`).
 */
export const UnitFactsSchema = z.object({
  kind: z.literal('unit'),
  siren: z.string().regex(/^\d{9}$/),
  name: z.string(),
  legalCategory: z.string().optional(),
  ess: z.boolean().optional(),
  sizeCategory: z.enum(['PME', 'ETI', 'GE']).optional(),
  headcountBand: z.string().optional(),
  activity: z.string().optional(),
  /** The unit is named by SIRENE's person-name fields (nom, prénom): only natural persons have them. */
  naturalPerson: z.boolean().optional(),
  ceased: z.boolean(),
  asOf: z.iso.date(),
  ...LookedUp,
});

export const EstablishmentFactsSchema = z.object({
  kind: z.literal('establishment'),
  siret: z.string().regex(/^\d{14}$/),
  place: PlaceFactSchema,
  headOffice: z.boolean(),
  closed: z.boolean(),
  name: z.string().optional(),
  activity: z.string().optional(),
  headcountBand: z.string().optional(),
  asOf: z.iso.date(),
  ...LookedUp,
});

/** A line of an anchor's own supplier directory, under the supplier key its spending files produce. */
export const DirectoryFactsSchema = z.object({
  kind: z.literal('directory'),
  supplierKey: z.string().min(1),
  anchorId: z.string().min(1),
  name: z.string(),
  place: PlaceFactSchema.optional(),
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  siren: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  companyNumber: z.string().optional(),
  localAuthority: z.string().optional(),
  supplierType: z.string().optional(),
  /** The directory's type or flag column says the payee is a private individual. */
  naturalPerson: z.boolean().optional(),
  asOf: z.iso.date(),
});

export const OverrideChangeSchema = z.object({
  supplierType: z.string().optional(),
  place: PlaceFactSchema.optional(),
  headOffice: PlaceFactSchema.optional(),
  /** A person's word on whether the payee is a natural person, over every other source. */
  naturalPerson: z.boolean().optional(),
});

/**
 * The correction in force for a supplier, what reports read with the other facts: one small item.
 * Each correction, with who made it, when, why and what it replaced, is an item of its own
 * (`CorrectionSchema`), so that the history never grows this one.
 */
export const OverrideFactsSchema = z.object({
  kind: z.literal('override'),
  supplierKey: z.string().min(1),
  current: OverrideChangeSchema,
  /** The sequence of the correction in force. */
  changes: z.number().int().positive(),
  /** When it was made: the date of the override facts. */
  changedAt: z.iso.datetime(),
});

export const SupplierFactsSchema = z.discriminatedUnion('kind', [
  UnitFactsSchema,
  EstablishmentFactsSchema,
  DirectoryFactsSchema,
  OverrideFactsSchema,
]);

export type UnitFacts = z.infer<typeof UnitFactsSchema>;
export type EstablishmentFacts = z.infer<typeof EstablishmentFactsSchema>;
export type DirectoryFacts = z.infer<typeof DirectoryFactsSchema>;
export type OverrideFacts = z.infer<typeof OverrideFactsSchema>;
export type OverrideChange = z.infer<typeof OverrideChangeSchema>;
export type SupplierFacts = z.infer<typeof SupplierFactsSchema>;
