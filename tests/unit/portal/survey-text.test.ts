import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../portal/src/i18n/language.ts';
import { CandidateSelection, parseValidDays } from '../../../portal/src/pages/surveys/candidate-selection.ts';
import {
  answerAction,
  answerText,
  canRemind,
  remindersText,
  statusLabel,
} from '../../../portal/src/pages/surveys/survey-text.ts';
import type { SurveyAnswerSummary, SurveyInvitation } from '../../../shared/contracts/portal-api.ts';
import { SURVEY_LIMITS } from '../../../shared/contracts/portal-api.ts';
import { ANSWER_COLUMNS } from '../../../shared/use-cases/surveys/answer-columns.ts';

const NBSP = '\u00A0';

/** A SYNTHETIC invitation (made-up supplier), open and not reminded, changed by `change`. */
const invitation = (change: Partial<SurveyInvitation> = {}): SurveyInvitation => ({
  supplierKey: 'siret:00000000000017',
  supplierName: 'Menuiserie Synthétique',
  amountCents: 1_234_550,
  currency: 'EUR',
  language: 'fr',
  invitedAt: '2026-03-02T09:00:00.000Z',
  expiresAt: '2026-04-01T09:00:00.000Z',
  status: 'open',
  remindersSent: 0,
  lastReminderAt: null,
  answer: null,
  ...change,
});
const ANSWER: SurveyAnswerSummary = {
  answeredOn: '2026-03-12',
  source: 'form',
  respondentRole: 'gérante',
  localRespendPercent: 62.5,
  setAside: null,
};
const SET_ASIDE = {
  reason: 'chiffres incohérents',
  by: 'agent@regie.example',
  at: '2026-03-20T10:30:00.000Z',
};

describe('an invitation in words', () => {
  const fr = MESSAGES.fr.surveys.invitations;
  const en = MESSAGES.en.surveys.invitations;

  it.each([
    ['open', null, 'en attente', 'waiting'],
    ['expired', null, 'lien expiré', 'link expired'],
    ['withdrawn', null, 'réponse retirée', 'answer withdrawn'],
    ['answered', ANSWER, 'a répondu', 'answered'],
    ['answered', { ...ANSWER, setAside: SET_ASIDE }, 'a répondu, réponse écartée', 'answered, set aside'],
  ] as const)('status %s (answer %#) reads "%s" / "%s"', (status, answer, french, english) => {
    const shown = invitation({ status, answer });
    expect(statusLabel(shown, fr)).toBe(french);
    expect(statusLabel(shown, en)).toBe(english);
  });

  it.each([
    ['open', null, true, undefined],
    ['expired', null, true, undefined],
    ['withdrawn', null, false, undefined],
    ['answered', ANSWER, false, 'set-aside'],
    ['answered', { ...ANSWER, setAside: SET_ASIDE }, false, 'use-again'],
  ] as const)('status %s offers a reminder: %s, and on its answer: %s', (status, answer, remind, action) => {
    const shown = invitation({ status, answer });
    expect(canRemind(shown)).toBe(remind);
    expect(answerAction(shown)).toBe(action);
  });

  it('says how many reminders went and when the last did, or none', () => {
    expect(remindersText(invitation(), fr, 'fr')).toBe('aucune');
    expect(remindersText(invitation(), en, 'en')).toBe('none');
    const reminded = invitation({ remindersSent: 2, lastReminderAt: '2026-03-15T12:00:00.000Z' });
    expect(remindersText(reminded, fr, 'fr')).toMatch(/^2, la dernière le 15 mars 2026/);
    expect(remindersText(reminded, en, 'en')).toMatch(/^2, last on 15 Mar 2026/);
  });

  it('sums an answer up with its re-spend share to one decimal, role, date and source', () => {
    expect(answerText(invitation(), fr, 'fr')).toBeUndefined();
    const answered = invitation({ status: 'answered', answer: ANSWER });
    expect(answerText(answered, fr, 'fr')).toEqual({
      summary: `Redépense locale 62,5${NBSP}%${NBSP}; répondant${NBSP}: gérante${NBSP}; le 12 mars 2026 (formulaire)`,
      setAside: undefined,
    });
    const imported = invitation({
      status: 'answered',
      answer: { ...ANSWER, source: 'csv', localRespendPercent: 40 },
    });
    expect(answerText(imported, en, 'en')?.summary).toBe(
      'Local re-spend 40.0%; answered by: gérante; on 12 Mar 2026 (CSV import)',
    );
  });

  it('says who set an answer aside, when and why', () => {
    const doubted = invitation({ status: 'answered', answer: { ...ANSWER, setAside: SET_ASIDE } });
    const text = answerText(doubted, en, 'en')?.setAside ?? '';
    expect(text).toMatch(/^Set aside by agent@regie\.example on 20 Mar 2026.*: chiffres incohérents$/);
  });
});

describe('the upload of answers gathered elsewhere', () => {
  it.each(['fr', 'en'] as const)('names every column the API reads, in %s', (language) => {
    const intro = MESSAGES[language].surveys.answers.intro;
    for (const column of ANSWER_COLUMNS) expect(intro).toMatch(new RegExp(`\\b${column}\\b`));
  });
});

describe('the validity of the links, as typed', () => {
  it.each([
    ['30', 30],
    ['1', 1],
    ['90', 90],
    [' 7 ', 7],
    ['0', undefined],
    ['91', undefined],
    ['100', undefined],
    ['-5', undefined],
    ['2.5', undefined],
    ['1e1', undefined],
    ['', undefined],
    ['trente', undefined],
  ])('"%s" is %s', (typed, days) => {
    expect(parseValidDays(typed)).toBe(days);
  });

  it('accepts every whole number of days from 1 to 90 and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (days) => {
        expect(parseValidDays(String(days))).toBe(days >= 1 && days <= 90 ? days : undefined);
      }),
    );
  });
});

describe('the suppliers ticked', () => {
  it('keeps the ticks in the order made, each once, and unticks', () => {
    const selection = new CandidateSelection();
    expect(selection.set('b', true)).toBe(true);
    expect(selection.set('a', true)).toBe(true);
    expect(selection.set('b', true)).toBe(true);
    expect(selection.keys).toEqual(['b', 'a']);
    selection.set('b', false);
    expect([selection.keys, selection.has('b'), selection.size]).toEqual([['a'], false, 1]);
    selection.clear();
    expect(selection.size).toBe(0);
  });

  it('never holds more than the API takes, refusing the tick past it and keeping every other', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 260 }), fc.boolean()), { maxLength: 600 }),
        (ticks) => {
          const selection = new CandidateSelection();
          const model = new Set<string>();
          for (const [n, ticked] of ticks) {
            const key = `k${n}`;
            const kept = selection.set(key, ticked);
            if (!ticked) model.delete(key);
            else if (model.has(key) || model.size < SURVEY_LIMITS.maxSuppliersPerOpening) model.add(key);
            expect(kept).toBe(!ticked || model.has(key));
          }
          expect(selection.size).toBeLessThanOrEqual(SURVEY_LIMITS.maxSuppliersPerOpening);
          expect(selection.keys).toEqual([...model]);
        },
      ),
    );
  });
});
