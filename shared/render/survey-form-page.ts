import { createHash } from 'node:crypto';
import type { Language } from '../contracts/portal-api.ts';
import { SURVEY_ANSWER_FIELDS, type SurveyAnswerField } from '../domain/multiplier/survey-answer.ts';
import { escapeHtml } from './html-escape.ts';
import { formatDate } from './labels.ts';
import { SURVEY_FORM_TEXT, type SurveyFormText } from './survey-form-text.ts';

type Field = SurveyAnswerField;
const FIELDS = SURVEY_ANSWER_FIELDS;

export interface FormFactsView {
  readonly institution: string;
  readonly supplierName: string;
  readonly expiresAt: string;
}

/** What the page shows: the form (again, with what was typed and what is wrong), or where the link stands. */
export type SurveyPageView =
  | {
      readonly kind: 'form';
      readonly facts: FormFactsView;
      readonly values?: ReadonlyMap<string, string>;
      readonly errors?: ReadonlyMap<string, string>;
    }
  | { readonly kind: 'saved' | 'answered'; readonly facts: FormFactsView }
  | { readonly kind: 'withdrawn-now' | 'withdrawn' | 'expired' | 'unknown' | 'tooLarge' };

const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}',
  'label{display:block;font-weight:600;margin-top:1rem}',
  'input{display:block;font:inherit;padding:.4rem;width:100%;max-width:20rem;box-sizing:border-box;border:1px solid #555}',
  '.hint{color:#444;font-size:.9rem;margin:0}',
  '.error{color:#a00000;font-weight:600;margin:0}',
  '[aria-invalid=true]{border:2px solid #a00000}',
  'button{font:inherit;margin-top:1.25rem;padding:.5rem 1rem;cursor:pointer}',
  '.alert{border:2px solid #a00000;padding:.5rem 1rem}',
  'nav{text-align:right}',
  'section{margin-top:2rem;border-top:1px solid #ccc}',
].join('');

/** The hash the page's content-security policy allows its one inline style by. */
export const SURVEY_FORM_STYLE_SHA256 = createHash('sha256').update(STYLE, 'utf8').digest('base64');

function field(name: Field, text: SurveyFormText, view: Extract<SurveyPageView, { kind: 'form' }>): string {
  const id = `f-${name}`;
  const error = view.errors?.get(name);
  const value = view.values?.get(name) ?? '';
  const numeric =
    name === 'respondentRole' ? '' : ` inputmode="${name.endsWith('Percent') ? 'decimal' : 'numeric'}"`;
  const describedBy = [`${id}-hint`, ...(error ? [`${id}-error`] : [])].join(' ');
  return [
    `<label for="${id}">${escapeHtml(text.fields[name].label)}</label>`,
    `<p class="hint" id="${id}-hint">${escapeHtml(text.fields[name].hint)}</p>`,
    error ? `<p class="error" id="${id}-error">${escapeHtml(error)}</p>` : '',
    `<input id="${id}" name="${name}" type="text"${numeric} required maxlength="${name === 'respondentRole' ? 100 : 12}"`,
    ` autocomplete="off" value="${escapeHtml(value)}" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>`,
  ].join('');
}

/** What is wrong, each line a link to its field: read first by a screen reader, and one tap away. */
function errorSummary(view: Extract<SurveyPageView, { kind: 'form' }>, text: SurveyFormText): string {
  const items = FIELDS.flatMap((name) => {
    const error = view.errors?.get(name);
    return error
      ? [`<li><a href="#f-${name}">${escapeHtml(text.fields[name].label)}</a> — ${escapeHtml(error)}</li>`]
      : [];
  });
  return `<div class="alert" role="alert"><p>${escapeHtml(text.errorsTitle)}</p><ul>${items.join('')}</ul></div>`;
}

function withdrawForm(action: string, text: SurveyFormText, language: Language): string {
  return [
    `<p>${escapeHtml(text.withdrawIntro)}</p>`,
    `<form method="post" action="${escapeHtml(action)}/withdraw?lang=${language}">`,
    `<button type="submit">${escapeHtml(text.withdraw)}</button></form>`,
  ].join('');
}

function main(view: SurveyPageView, text: SurveyFormText, action: string, language: Language): string {
  switch (view.kind) {
    case 'form': {
      const errors = view.errors && view.errors.size > 0;
      return [
        `<p>${escapeHtml(text.asks(view.facts.institution, view.facts.supplierName))}</p>`,
        `<p>${escapeHtml(text.why)} ${escapeHtml(text.validUntil(formatDate(view.facts.expiresAt.slice(0, 10), language)))}</p>`,
        errors ? errorSummary(view, text) : '',
        `<form method="post" action="${escapeHtml(action)}?lang=${language}" novalidate>`,
        ...FIELDS.map((name) => field(name, text, view)),
        `<button type="submit">${escapeHtml(text.submit)}</button></form>`,
        withdrawForm(action, text, language),
      ].join('');
    }
    case 'saved':
      return `<h2>${escapeHtml(text.thanks)}</h2><p role="status">${escapeHtml(text.saved)}</p>${withdrawForm(action, text, language)}`;
    case 'answered':
      return `<p role="alert">${escapeHtml(text.answeredAlready)}</p>${withdrawForm(action, text, language)}`;
    case 'withdrawn-now':
      return `<p role="status">${escapeHtml(text.withdrawnNow)}</p>`;
    default:
      return `<p role="alert">${escapeHtml(text[view.kind])}</p>`;
  }
}

/**
 * The survey's page, in one language with a link to the other, every value escaped, no script. The
 * privacy notice is on every page a link can lead to.
 */
export function renderSurveyFormPage(view: SurveyPageView, token: string, language: Language): string {
  const text = SURVEY_FORM_TEXT[language];
  const other = language === 'fr' ? 'en' : 'fr';
  const action = `/survey/${encodeURIComponent(token)}`;
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(text.title)}</title><style>${STYLE}</style></head><body>`,
    `<nav><a href="?lang=${other}" hreflang="${other}" lang="${other}">${escapeHtml(text.otherLanguage)}</a></nav>`,
    `<main><h1>${escapeHtml(text.title)}</h1>`,
    main(view, text, action, language),
    `<section aria-labelledby="privacy"><h2 id="privacy">${escapeHtml(text.privacyTitle)}</h2>`,
    ...text.privacy.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    '</section></main></body></html>',
  ].join('\n');
}
