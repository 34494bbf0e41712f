import * as z from 'zod';
import { SurveyAnswerSchema } from '../domain/multiplier/survey-answer.ts';
import type { SurveyRecord } from '../ports/surveys.ts';

const Instant = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();

const SetAsideSchema = z.object({ reason: z.string().min(1), by: z.string().min(1), at: Instant });

/** A survey item as read back from the table: checked, as every item read is. */
export const SurveyItemSchema = z.object({
  anchorId: z.string().min(1),
  supplierKey: z.string().min(1),
  supplierName: z.string(),
  invitation: z
    .object({
      language: z.enum(['fr', 'en']),
      invitedAt: Instant,
      expiresAt: Instant,
      validDays: z.number().int().min(1),
      tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
      tokenUse: z.enum(['unused', 'answered', 'withdrawn']),
      reminders: z.array(Instant),
    })
    .nullable(),
  answer: z
    .object({
      answeredOn: IsoDate,
      source: z.enum(['form', 'csv']),
      answer: SurveyAnswerSchema,
      setAside: SetAsideSchema.nullable(),
    })
    .nullable(),
  withdrawnAt: Instant.nullable(),
  createdAt: Instant,
  version: z.number().int().min(1),
}) satisfies z.ZodType<SurveyRecord & { version: number }>;
