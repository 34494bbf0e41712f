import * as z from 'zod';
import { type DatasetKind, DatasetKindSchema } from './dataset-kind.ts';

/**
 * What an anchor cannot redirect, judged by what a line is (its accounting code), never by who the
 * supplier is. Grants are kept apart rather than excluded: they are money, but not purchases.
 */
export const ExclusionRuleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.object({ fr: z.string().min(1), en: z.string().min(1) }),
  bucket: z.enum(['excluded', 'grants']),
  kinds: z.array(DatasetKindSchema).min(1),
  /** French M14/M57 accounting nature chapters (first two digits of the nature code). */
  natureChapters: z.array(z.string().regex(/^\d{2}$/)).min(1),
});
export type ExclusionRule = z.infer<typeof ExclusionRuleSchema>;

export const DEFAULT_EXCLUSION_RULES: readonly ExclusionRule[] = [
  {
    id: 'taxes',
    label: { fr: 'Impôts et taxes (chapitre 63)', en: 'Taxes (chapter 63)' },
    bucket: 'excluded',
    kinds: ['payments'],
    natureChapters: ['63'],
  },
  {
    id: 'staff',
    label: { fr: 'Charges de personnel (chapitre 64)', en: 'Staff costs (chapter 64)' },
    bucket: 'excluded',
    kinds: ['payments'],
    natureChapters: ['64'],
  },
  {
    id: 'financial',
    label: { fr: 'Charges financières (chapitre 66)', en: 'Financial charges (chapter 66)' },
    bucket: 'excluded',
    kinds: ['payments'],
    natureChapters: ['66'],
  },
  {
    id: 'depreciation',
    label: { fr: 'Dotations aux amortissements (chapitre 68)', en: 'Depreciation (chapter 68)' },
    bucket: 'excluded',
    kinds: ['payments'],
    natureChapters: ['68'],
  },
  {
    id: 'grants',
    label: { fr: 'Subventions et participations (chapitre 65)', en: 'Grants and transfers (chapter 65)' },
    bucket: 'grants',
    kinds: ['payments'],
    natureChapters: ['65'],
  },
];

const NATURE_CODE = /^\d{3,}$/;

/** The rule a category code falls under, if any. Lines without a nature code stay influenceable. */
export function exclusionRuleOf(
  categoryCode: string,
  kind: DatasetKind,
  rules: readonly ExclusionRule[],
): ExclusionRule | undefined {
  if (!NATURE_CODE.test(categoryCode)) return undefined;
  const chapter = categoryCode.slice(0, 2);
  return rules.find((rule) => rule.kinds.includes(kind) && rule.natureChapters.includes(chapter));
}
