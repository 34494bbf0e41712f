import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SurveyAnswerField } from '../../../shared/domain/multiplier/survey-answer.ts';
import { ANSWER_COLUMNS, readHeader } from '../../../shared/use-cases/surveys/answer-columns.ts';
import { readAnswerFields } from '../../../shared/use-cases/surveys/answer-fields.ts';

const GOOD: Readonly<Record<SurveyAnswerField, string>> = {
  purchasesSharePercent: '40',
  localPurchasesSharePercent: '25',
  wageBillSharePercent: '30',
  employees: '12',
  localEmployees: '9',
  respondentRole: 'gérante',
};

const GOOD_ANSWER = {
  purchasesSharePercent: 40,
  localPurchasesSharePercent: 25,
  wageBillSharePercent: 30,
  employees: 12,
  localEmployees: 9,
  respondentRole: 'gérante',
};

/** The fields of a good answer with some replaced (undefined: not sent). */
const fieldsWith = (changes: Partial<Record<SurveyAnswerField, string | undefined>>) => {
  const fields: Partial<Record<SurveyAnswerField, string | undefined>> = { ...GOOD, ...changes };
  return (name: SurveyAnswerField) => fields[name];
};

const PERCENT = {
  fr: 'un pourcentage entre 0 et 100, par exemple 45 ou 45,5',
  en: 'a percentage between 0 and 100, such as 45 or 45.5',
};
const HEADCOUNT = {
  fr: 'un nombre entier de personnes, par exemple 12',
  en: 'a whole number of people, such as 12',
};
const MISSING = { fr: 'à renseigner', en: 'required' };
const ROLE = {
  fr: 'une fonction de 1 à 100 caractères (pas de nom)',
  en: 'a role of 1 to 100 characters (no name)',
};
const OVER_TURNOVER = {
  fr: 'les achats et les salaires ensemble ne peuvent dépasser le chiffre d’affaires',
  en: 'purchases and wages together cannot exceed the turnover',
};
const MORE_LOCAL = {
  fr: 'il ne peut y avoir plus de salariés habitant le territoire que de salariés',
  en: 'there cannot be more employees living locally than employees',
};

describe('readAnswerFields: values as people type them', () => {
  it.each<[string, SurveyAnswerField, string, number | string]>([
    ['a whole percentage', 'localPurchasesSharePercent', '45', 45],
    ['a decimal comma', 'localPurchasesSharePercent', '45,5', 45.5],
    ['a decimal point', 'localPurchasesSharePercent', '45.25', 45.25],
    ['two decimals after a comma', 'localPurchasesSharePercent', '0,05', 0.05],
    ['a percent sign', 'localPurchasesSharePercent', '45%', 45],
    ['a space before the percent sign', 'localPurchasesSharePercent', '45 %', 45],
    ['a no-break space before the percent sign', 'localPurchasesSharePercent', '45,5\u00a0%', 45.5],
    ['a narrow no-break space before the percent sign', 'localPurchasesSharePercent', '45\u202f%', 45],
    ['spaces around', 'localPurchasesSharePercent', '  45  ', 45],
    ['zero', 'localPurchasesSharePercent', '0', 0],
    ['a hundred', 'localPurchasesSharePercent', '100', 100],
    ['a hundred with decimals', 'localPurchasesSharePercent', '100,00 %', 100],
    ['a leading zero', 'localPurchasesSharePercent', '045', 45],
    ['a headcount', 'employees', '12', 12],
    ['thousands with a space', 'employees', '1 200', 1200],
    ['thousands with a no-break space', 'employees', '1\u00a0200', 1200],
    ['thousands with a narrow no-break space', 'employees', '1\u202f200', 1200],
    ['millions', 'employees', '1 000 000', 1_000_000],
    ['no one local', 'localEmployees', '0', 0],
    ['a role trimmed', 'respondentRole', '  finance manager ', 'finance manager'],
    ['control characters in a role become spaces', 'respondentRole', 'chef\td’équipe', 'chef d’équipe'],
    ['a role of 100 characters', 'respondentRole', 'r'.repeat(100), 'r'.repeat(100)],
  ])('reads %s', (_, name, text, value) => {
    const reading = readAnswerFields(fieldsWith({ [name]: text }), 'fr');
    expect(reading).toEqual({ ok: true, answer: { ...GOOD_ANSWER, [name]: value } });
  });

  it.each<[string, SurveyAnswerField, string | undefined, Record<'fr' | 'en', string>]>([
    ['a field not sent', 'purchasesSharePercent', undefined, MISSING],
    ['an empty field', 'employees', '', MISSING],
    ['a blank field', 'respondentRole', ' \t ', MISSING],
    ['over a hundred', 'localPurchasesSharePercent', '101', PERCENT],
    ['just over a hundred', 'localPurchasesSharePercent', '100,01', PERCENT],
    ['a negative percentage', 'localPurchasesSharePercent', '-5', PERCENT],
    ['a plus sign', 'localPurchasesSharePercent', '+5', PERCENT],
    ['three decimals', 'localPurchasesSharePercent', '45,125', PERCENT],
    ['a bare decimal separator', 'localPurchasesSharePercent', '45,', PERCENT],
    ['no whole part', 'localPurchasesSharePercent', ',5', PERCENT],
    ['an exponent', 'localPurchasesSharePercent', '1e2', PERCENT],
    ['hexadecimal', 'localPurchasesSharePercent', '0x10', PERCENT],
    ['words', 'localPurchasesSharePercent', 'about half', PERCENT],
    ['a fraction of one', 'localPurchasesSharePercent', '1/2', PERCENT],
    ['two percent signs', 'localPurchasesSharePercent', '45%%', PERCENT],
    ['two spaces before the sign', 'localPurchasesSharePercent', '45  %', PERCENT],
    ['Infinity', 'localPurchasesSharePercent', 'Infinity', PERCENT],
    ['a negative headcount', 'employees', '-3', HEADCOUNT],
    ['a decimal headcount', 'employees', '12,5', HEADCOUNT],
    ['a comma between thousands', 'employees', '1,200', HEADCOUNT],
    ['thousands badly grouped', 'employees', '12 00', HEADCOUNT],
    ['a headcount with words', 'employees', '12 people', HEADCOUNT],
    ['a headcount past ten million', 'employees', '10 000 001', HEADCOUNT],
    ['a role of 101 characters', 'respondentRole', 'r'.repeat(101), ROLE],
    ['a role of control characters only', 'respondentRole', '\u0000\u0007\u0085', ROLE],
  ])('refuses %s, saying why in French and English', (_, name, text, reasons) => {
    for (const language of ['fr', 'en'] as const) {
      const reading = readAnswerFields(fieldsWith({ [name]: text }), language);
      expect(reading).toEqual({ ok: false, errors: new Map([[name, reasons[language]]]) });
    }
  });

  it.each<
    [string, Partial<Record<SurveyAnswerField, string>>, SurveyAnswerField, Record<'fr' | 'en', string>]
  >([
    [
      'purchases and wages over the turnover',
      { purchasesSharePercent: '60', wageBillSharePercent: '40,5' },
      'wageBillSharePercent',
      OVER_TURNOVER,
    ],
    [
      'more local employees than employees',
      { employees: '3', localEmployees: '4' },
      'localEmployees',
      MORE_LOCAL,
    ],
  ])('refuses %s as a whole', (_, changes, name, reasons) => {
    for (const language of ['fr', 'en'] as const) {
      expect(readAnswerFields(fieldsWith(changes), language)).toEqual({
        ok: false,
        errors: new Map([[name, reasons[language]]]),
      });
    }
  });

  it('accepts purchases and wages making the whole turnover exactly', () => {
    const reading = readAnswerFields(
      fieldsWith({ purchasesSharePercent: '60,5', wageBillSharePercent: '39,5' }),
      'en',
    );
    expect(reading.ok).toBe(true);
  });

  it('says every field in error at once', () => {
    const reading = readAnswerFields(() => undefined, 'en');
    expect(reading.ok ? [] : [...reading.errors.keys()]).toEqual(Object.keys(GOOD));
  });

  it('asks only for its own fields, whatever the row holds', () => {
    const asked: string[] = [];
    readAnswerFields((name) => {
      asked.push(name);
      return GOOD[name];
    }, 'fr');
    expect(asked.sort()).toEqual(Object.keys(GOOD).sort());
  });

  it('never throws and returns a valid answer or one reason per field in error', () => {
    const textArb = fc.option(fc.string({ unit: 'binary', maxLength: 20 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          purchasesSharePercent: textArb,
          localPurchasesSharePercent: textArb,
          wageBillSharePercent: textArb,
          employees: textArb,
          localEmployees: textArb,
          respondentRole: textArb,
        }),
        fc.constantFrom('fr' as const, 'en' as const),
        (fields, language) => {
          const reading = readAnswerFields((name) => fields[name], language);
          if (reading.ok) return;
          expect(reading.errors.size).toBeGreaterThan(0);
          for (const [name, reason] of reading.errors) {
            expect(Object.keys(GOOD)).toContain(name);
            expect(reason).not.toBe('');
          }
        },
      ),
    );
  });
});

describe('readHeader', () => {
  const columns = ANSWER_COLUMNS.filter((column) => column !== 'siret');

  it('finds each column whatever its case, spaces, `_` or `-`', () => {
    const header = [
      'Supplier Key',
      'purchases_share_percent',
      'LOCAL-PURCHASES-SHARE-PERCENT',
      ' wageBillSharePercent ',
      'employees',
      'local employees',
      'respondent_role',
      'answered-on',
    ];
    const read = readHeader(header, 'fr');
    expect(read.ok && Object.fromEntries(read.at)).toEqual(
      Object.fromEntries(columns.map((column, index) => [column, index])),
    );
  });

  it('ignores columns that are not its own, `__proto__` and `constructor` included', () => {
    const header = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', ...columns, 'notes'];
    const read = readHeader(header, 'en');
    expect(read.ok && [...read.at.keys()].sort()).toEqual([...columns].sort());
    expect(read.ok && read.at.get('supplierKey')).toBe(4);
  });

  it('takes a SIRET for the supplier when there is no key', () => {
    const header = ['siret', ...columns.filter((column) => column !== 'supplierKey')];
    expect(readHeader(header, 'en').ok).toBe(true);
  });

  it.each<[string, readonly string[], string, string]>([
    [
      'a column twice',
      [...columns, 'Employees'],
      'la colonne employees figure deux fois',
      'the column employees appears twice',
    ],
    [
      'no supplier',
      columns.filter((column) => column !== 'supplierKey'),
      'colonnes manquantes : supplierKey (supplierKey ou siret pour le fournisseur)',
      'missing columns: supplierKey (supplierKey or siret for the supplier)',
    ],
    [
      'columns missing',
      ['siret', 'employees', '__proto__'],
      'colonnes manquantes : purchasesSharePercent, localPurchasesSharePercent, wageBillSharePercent, localEmployees, respondentRole, answeredOn (supplierKey ou siret pour le fournisseur)',
      'missing columns: purchasesSharePercent, localPurchasesSharePercent, wageBillSharePercent, localEmployees, respondentRole, answeredOn (supplierKey or siret for the supplier)',
    ],
  ])('refuses %s, saying why in French and English', (_, header, fr, en) => {
    expect(readHeader(header, 'fr')).toEqual({ ok: false, reason: fr });
    expect(readHeader(header, 'en')).toEqual({ ok: false, reason: en });
  });
});
