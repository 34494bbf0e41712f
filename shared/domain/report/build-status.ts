import * as z from 'zod';

/** Beside report.json in a report's folder: how the latest attempt to build that report ended. */
export const BUILD_STATUS_FILE = 'status.json';

/**
 * Why a report could not be built, as a code the portal words in each language. The reports bucket
 * is public: a code and a generic reason only, never a file name, a supplier or an amount.
 */
export const BuildFailureCodeSchema = z.enum(['several-currencies']);
export type BuildFailureCode = z.infer<typeof BuildFailureCodeSchema>;

export const BuildStatusSchema = z.object({
  ok: z.boolean(),
  /** Both present when `ok` is false; `reason` is a generic English sentence for logs and API clients. */
  code: BuildFailureCodeSchema.optional(),
  reason: z.string().optional(),
  at: z.iso.datetime(),
  methodVersion: z.string(),
});
export type BuildStatus = z.infer<typeof BuildStatusSchema>;

/** A failure a report folder records: the report's own data cannot be built into one (not a bad request). */
export interface BuildFailure {
  readonly code: BuildFailureCode;
  readonly reason: string;
}
