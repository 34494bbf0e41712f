import * as z from 'zod';
import { SURVEY_LIMITS } from '../../contracts/portal-api.ts';
import { DatasetKindSchema } from '../../domain/dataset-kind.ts';
import { MappingProfileSchema } from '../../domain/formats/mapping-profile.ts';
import {
  CorrectionPlaceSchema,
  CorrectionReasonSchema,
  CorrectionTypeSchema,
} from '../../domain/registry/correction.ts';
import { DATASETS_PAGE, UNMATCHED_PAGE } from '../../use-cases/portal-datasets.ts';
import { DEFAULT_LINES_PAGE, decodeLinesCursor, MAX_LINES_PAGE } from '../../use-cases/supplier-lines.ts';
import { EncodedSegmentSchema } from './request.ts';

/** The zod side of the request shapes in shared/contracts/portal-api.ts: every input is checked here. */

const ProfileIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and "-"');

export const UploadBodySchema = z.strictObject({
  fileName: z.string().min(1).max(200),
  kind: DatasetKindSchema.optional(),
  mappingProfileId: ProfileIdSchema.optional(),
  scope: z.enum(['anchor', 'consortium']).optional(),
});

export const OverrideBodySchema = z.strictObject({
  supplierType: CorrectionTypeSchema.optional(),
  place: CorrectionPlaceSchema.strict().optional(),
  headOffice: CorrectionPlaceSchema.strict().optional(),
  reason: CorrectionReasonSchema,
});

export const RebuildBodySchema = z.strictObject({ kind: DatasetKindSchema.optional() }).optional();

export const MappingProfileBodySchema = MappingProfileSchema;

const DatasetIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'a dataset id is 24 hexadecimal characters');

export const DatasetPathSchema = z.object({ id: DatasetIdSchema });

export const SupplierPathSchema = z.object({ key: EncodedSegmentSchema.pipe(z.string().min(1).max(300)) });

export const ProfilePathSchema = z.object({ id: ProfileIdSchema });

/** `?cursor=` (the `nextCursor` of a previous page: an offset) and `?limit=`, bounded. */
function offsetPageQuery(page: { readonly default: number; readonly max: number }) {
  return {
    cursor: z
      .string()
      .regex(/^\d{1,6}$/, 'the cursor of a previous page')
      .transform(Number)
      .default(0),
    limit: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(page.max))
      .default(page.default),
  };
}

export const SupplierQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  ...offsetPageQuery({ default: 25, max: 100 }),
});

export const DatasetListQuerySchema = z.object(offsetPageQuery(DATASETS_PAGE));

export const UnmatchedQuerySchema = z.object(offsetPageQuery(UNMATCHED_PAGE));

export const SupplierLinesQuerySchema = z.object({
  dataset: DatasetIdSchema.optional(),
  cursor: z
    .string()
    .max(64)
    .transform((cursor, context) => {
      const position = decodeLinesCursor(cursor);
      if (position) return position;
      context.addIssue({ code: 'custom', message: 'the nextCursor of a previous page' });
      return z.NEVER;
    })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_LINES_PAGE))
    .default(DEFAULT_LINES_PAGE),
});

const LanguageSchema = z.enum(['fr', 'en']);

export const SurveyOpenBodySchema = z.strictObject({
  supplierKeys: z.array(z.string().min(1).max(300)).min(1).max(SURVEY_LIMITS.maxSuppliersPerOpening),
  validDays: z.number().int().min(SURVEY_LIMITS.minValidDays).max(SURVEY_LIMITS.maxValidDays).optional(),
  language: LanguageSchema.optional(),
});

/**
 * The most of an API request's JSON body read at all (API Gateway would take 10 MB): a CSV of survey
 * answers is the largest body, and its text JSON-escaped may take twice its bound.
 */
export const MAX_API_BODY_BYTES = 2 * SURVEY_LIMITS.maxAnswersCsvBytes;

/**
 * Only bounded as a request is: a CSV over its own bound (counted in UTF-8 bytes, as the portal counts
 * a file) is refused by the import, with the reason in the officer's language, not as a bad request.
 */
export const SurveyAnswersBodySchema = z.strictObject({
  csv: z.string().min(1).max(MAX_API_BODY_BYTES),
});

/** `?lang=` of the officer, for the reasons a CSV's rows are refused; the territory's language otherwise. */
export const SurveyAnswersQuerySchema = z.object({ lang: LanguageSchema.optional() });

export const SurveyReminderBodySchema = z
  .strictObject({
    language: LanguageSchema.optional(),
    email: z.email().max(SURVEY_LIMITS.maxReminderEmailChars).optional(),
  })
  .optional();

export const SetAsideBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(SURVEY_LIMITS.maxSetAsideReasonChars).nullable(),
});

export const SurveyCandidatesQuerySchema = z.object(offsetPageQuery({ default: 50, max: 200 }));
