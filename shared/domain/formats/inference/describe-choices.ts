import type { ColumnReadingRecord } from '../../dataset.ts';
import { FIELD_NAMES } from '../field-names.ts';
import type { InferredRole } from './column-roles.ts';
import type { RoleChoice, Settlement } from './infer-columns.ts';

type Language = 'fr' | 'en';

/** A header name kept on a dataset is cut to this length: a header cell can be megabytes. */
export const MAX_HEADER_SHOWN = 200;

const percentOf = (score: number) => Math.min(100, Math.max(0, Math.round(score * 100)));

/** A role choice as a dataset keeps it: scores in percent, headers cut to a bounded length. */
export function columnReadingRecord(choice: RoleChoice): ColumnReadingRecord {
  return {
    role: choice.role,
    header: choice.header.slice(0, MAX_HEADER_SHOWN),
    scorePercent: percentOf(choice.score),
    ...(choice.settledBy ? { settledBy: choice.settledBy } : {}),
    alternatives: choice.alternatives.map((other) => ({
      header: other.header.slice(0, MAX_HEADER_SHOWN),
      scorePercent: percentOf(other.score),
    })),
  };
}

const fieldName = (role: string, language: Language) =>
  (FIELD_NAMES[language][role as InferredRole] ?? role).toLowerCase();

const SETTLEMENTS: Readonly<Record<Settlement, Readonly<Record<Language, string>>>> = {
  'net-of-vat': { en: 'spend is net of VAT', fr: 'la dépense s’entend hors TVA' },
  'payment-date': { en: 'the payment date is the spend’s date', fr: 'la date de paiement date la dépense' },
  'higher-score': { en: 'the higher score', fr: 'le meilleur score' },
};

/** Why a close call went one way: `preferred to "Gross Amount" (88 %): spend is net of VAT`. */
export function settlementText(record: ColumnReadingRecord, language: Language): string | undefined {
  const runnerUp = record.alternatives[0];
  if (!record.settledBy || !runnerUp) return undefined;
  const why = SETTLEMENTS[record.settledBy][language];
  return language === 'fr'
    ? `préférée à «\u00A0${runnerUp.header}\u00A0» (${runnerUp.scorePercent}\u00A0%)\u00A0: ${why}`
    : `preferred to "${runnerUp.header}" (${runnerUp.scorePercent} %): ${why}`;
}

/** `supplier name ← "Vendor" (45 %); amount ← "Spend" (81 %)`: a reading in one line, with its scores. */
export function describeReading(records: readonly ColumnReadingRecord[], language: Language = 'en'): string {
  return records
    .map((record) =>
      language === 'fr'
        ? `${fieldName(record.role, 'fr')} ← «\u00A0${record.header}\u00A0» (${record.scorePercent}\u00A0%)`
        : `${fieldName(record.role, 'en')} ← "${record.header}" (${record.scorePercent} %)`,
    )
    .join(language === 'fr' ? '\u00A0; ' : '; ');
}

const CHOICE = /^(.+) ← "(.*)" \((\d+) %\)$/s;

/** A reading described in English (as a refusal stores it), said in French. */
export function frenchReading(english: string): string {
  const byEnglishName = new Map(
    Object.entries(FIELD_NAMES.en).map(([role, name]) => [name.toLowerCase(), role]),
  );
  const records = english.split('; ').map((part) => {
    const match = CHOICE.exec(part);
    const role = match ? byEnglishName.get(match[1] ?? '') : undefined;
    return match && role
      ? { role, header: match[2] ?? '', scorePercent: Number(match[3]), alternatives: [] }
      : undefined;
  });
  return records.every((record) => record !== undefined)
    ? describeReading(records as ColumnReadingRecord[], 'fr')
    : english;
}
