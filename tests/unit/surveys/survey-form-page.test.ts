import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/contracts/portal-api.ts';
import { escapeHtml } from '../../../shared/render/html-escape.ts';
import { renderSurveyFormPage, type SurveyPageView } from '../../../shared/render/survey-form-page.ts';

/** Stands for a hostile value in the page: nothing the page writes itself looks like it. */
const MARK = '\u0001VALUE\u0001';
const EXPIRES_AT = '2031-06-30T00:00:00.000Z';
const LANGUAGES: readonly Language[] = ['fr', 'en'];

const hostileArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' onfocus='alert(1)",
    '</title><style>*{}</style>',
    '&lt;already escaped&gt;',
    '<!--',
    ']]><![CDATA[',
  ),
);

const formView = (supplierName: string, institution = 'Métropole'): SurveyPageView => ({
  kind: 'form',
  facts: { institution, supplierName, expiresAt: EXPIRES_AT },
});

const count = (text: string, character: string) => text.split(character).length - 1;

describe('the survey form page', () => {
  it('shows the supplier’s name escaped, whatever it is', () => {
    fc.assert(
      fc.property(hostileArb, fc.constantFrom(...LANGUAGES), (name, language) => {
        const page = renderSurveyFormPage(formView(name), 'token', language);
        const template = renderSurveyFormPage(formView(MARK), 'token', language);
        expect(page).toBe(template.replaceAll(MARK, escapeHtml(name)));
        // No `<` nor `>` in the page but the page's own tags.
        expect(count(page, '<')).toBe(count(template, '<'));
        expect(count(page, '>')).toBe(count(template, '>'));
      }),
    );
  });

  it('escapes the institution, the values typed back, their errors and the token as well', () => {
    fc.assert(
      fc.property(
        hostileArb,
        hostileArb,
        hostileArb,
        fc.constantFrom(...LANGUAGES),
        (institution, value, token, language) => {
          const view = (typed: string, institutionName: string): SurveyPageView => ({
            kind: 'form',
            facts: { institution: institutionName, supplierName: 'Boulangerie', expiresAt: EXPIRES_AT },
            values: new Map([['respondentRole', typed]]),
            // An error is never empty: an empty one is no error.
            errors: new Map([['employees', `!${typed}`]]),
          });
          const page = renderSurveyFormPage(view(value, institution), token, language);
          const template = renderSurveyFormPage(view('x', 'x'), 'x', language);
          expect(count(page, '<')).toBe(count(template, '<'));
          expect(count(page, '>')).toBe(count(template, '>'));
          expect(count(page, '"')).toBe(count(template, '"'));
          expect(page).toContain(escapeHtml(institution));
          expect(page).toContain(`value="${escapeHtml(value)}"`);
          expect(page).toContain(
            `action="/survey/${escapeHtml(encodeURIComponent(token))}?lang=${language}"`,
          );
        },
      ),
    );
  });

  it('sums up what is wrong first, each problem a link to its field, in the form’s order', () => {
    const page = renderSurveyFormPage(
      {
        kind: 'form',
        facts: { institution: 'Métropole', supplierName: 'Boulangerie', expiresAt: EXPIRES_AT },
        errors: new Map([
          ['localEmployees', 'trop'],
          ['purchasesSharePercent', 'pas un nombre'],
        ]),
      },
      'x',
      'fr',
    );
    const summary = page.slice(page.indexOf('<div class="alert" role="alert">'), page.indexOf('<form'));
    expect([...summary.matchAll(/<a href="#(f-[A-Za-z]+)">/g)].map((match) => match[1])).toEqual([
      'f-purchasesSharePercent',
      'f-localEmployees',
    ]);
    expect(summary).toContain('— pas un nombre');
    for (const id of ['f-purchasesSharePercent', 'f-localEmployees'])
      expect(page).toContain(`<input id="${id}"`);
  });

  it.each<SurveyPageView['kind']>(['withdrawn-now', 'withdrawn', 'expired', 'unknown', 'tooLarge'])(
    'writes the page of a link that is %s in both languages, with the privacy notice',
    (kind) => {
      for (const language of LANGUAGES) {
        const page = renderSurveyFormPage({ kind } as SurveyPageView, '<token>', language);
        expect(page).toContain(`<html lang="${language}">`);
        expect(page).toContain('<section aria-labelledby="privacy">');
        expect(page).not.toContain('<token>');
        expect(page).not.toMatch(/<script/i);
      }
    },
  );
});
