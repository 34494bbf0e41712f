import * as z from 'zod';

const StockFileSchema = z.enum(['etablissement', 'unite-legale']);

/** One stock file as a refresh read it: which, where from, as of when, and what it gave. */
export const StockReadSchema = z.object({
  file: StockFileSchema,
  name: z.string(),
  format: z.enum(['parquet', 'zip', 'csv.gz', 'csv']),
  location: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  publishedAt: z.string().optional(),
  version: z.string(),
  rows: z.number().int().nonnegative(),
  /** Facts stored from it: establishments (with head offices) or legal units. */
  facts: z.number().int().nonnegative(),
});
export type StockRead = z.infer<typeof StockReadSchema>;

/**
 * The register as the last complete refresh left it: what reports state as their register's date.
 * `wanted`: identifiers seen in the datasets, whose facts were kept.
 */
export const RegistryStatusSchema = z.object({
  base: z.string(),
  startedAt: z.iso.datetime(),
  completedAt: z.iso.datetime(),
  files: z.array(StockReadSchema),
  wanted: z.object({ sirets: z.number().int(), sirens: z.number().int() }),
  /** Communes whose active establishments were counted (the territories' local rings). */
  communesCounted: z.number().int(),
});
export type RegistryStatus = z.infer<typeof RegistryStatusSchema>;

/**
 * Where a refresh that ran out of time stopped: the next run goes on from there if the stock files
 * are still the same versions, and starts over otherwise.
 */
export const RegistryCheckpointSchema = z.object({
  base: z.string(),
  startedAt: z.iso.datetime(),
  file: StockFileSchema,
  resumeAt: z.number().int().nonnegative(),
  versions: z.record(z.string(), z.string()),
  /** The files already read to the end. */
  done: z.array(StockReadSchema),
  /** The file being read: rows and facts so far. */
  rows: z.number().int().nonnegative(),
  facts: z.number().int().nonnegative(),
  activity: z.array(z.tuple([z.string(), z.string(), z.number().int()])),
});
export type RegistryCheckpoint = z.infer<typeof RegistryCheckpointSchema>;

/** The last run of company-search lookups: what reports say of facts not from the stock. */
export const LookupRunSchema = z.object({
  provider: z.enum(['recherche-entreprises', 'api-sirene']),
  ranAt: z.iso.datetime(),
  asked: z.number().int().nonnegative(),
  found: z.number().int().nonnegative(),
  notFound: z.number().int().nonnegative(),
  /** Asked but not answered (timeouts, 5xx, 429 past the retries): asked again next time. */
  unanswered: z.number().int().nonnegative(),
  /** No network: nothing was asked after the first failure. */
  offline: z.boolean(),
});
export type LookupRun = z.infer<typeof LookupRunSchema>;
