import * as z from 'zod';

/** Where a fact about a supplier comes from, strongest first: a person's correction beats any data. */
export const FactSourceSchema = z.enum(['override', 'registry', 'directory', 'file', 'name']);
export type FactSource = z.infer<typeof FactSourceSchema>;

const fact = <T extends z.ZodType>(value: T) =>
  z.object({ value, source: FactSourceSchema, asOf: z.iso.date() });

/** A place as a registry or a person states it: an INSEE commune code, a postcode or a country. */
export const PlaceFactSchema = z.object({
  communeCode: z.string().optional(),
  postcode: z.string().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** A UK local-authority code (E07000178…), as a council's supplier directory records it. */
  localAuthority: z.string().optional(),
});
export type PlaceFact = z.infer<typeof PlaceFactSchema>;

/**
 * What is known about a supplier beyond the spending files, each fact with its source and date.
 * Registry loads and overrides write profiles; reports read them (classification is at report time).
 */
export const SupplierProfileSchema = z.object({
  key: z.string().min(1),
  name: fact(z.string()).optional(),
  /** The establishment that delivers (SIRET): CLES's "based or with a branch in". */
  establishment: fact(PlaceFactSchema).optional(),
  /** Where the supplier is controlled (the SIREN's head office). */
  headOffice: fact(PlaceFactSchema).optional(),
  legalCategory: fact(z.string()).optional(),
  ess: fact(z.boolean()).optional(),
  sizeCategory: fact(z.enum(['PME', 'ETI', 'GE'])).optional(),
  headcountBand: fact(z.string()).optional(),
  activity: fact(z.string()).optional(),
  supplierType: fact(z.string()).optional(),
  /**
   * A natural person (a sole trader under their own name, a private payee): never named in a published
   * report (docs/method.md, "Natural persons"). Stated by the registry's person-name fields, a
   * directory's type or flag, or a correction, which may also say false to undo a name-based guess.
   */
  naturalPerson: fact(z.boolean()).optional(),
  establishmentClosed: z.boolean().optional(),
  unitCeased: z.boolean().optional(),
  /**
   * The registry facts came from a company-search API rather than a SIRENE stock file: which one, and
   * the day it answered (the latest, when unit and establishment were asked apart).
   */
  lookedUp: z
    .object({ via: z.enum(['recherche-entreprises', 'api-sirene']), retrievedOn: z.iso.date() })
    .optional(),
});
export type SupplierProfile = z.infer<typeof SupplierProfileSchema>;
