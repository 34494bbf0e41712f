import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublicSurveyRouteKey } from '../../../shared/contracts/portal-api.ts';
import { SURVEY_ANSWER_FIELDS } from '../../../shared/domain/multiplier/survey-answer.ts';
import { isBodyOver } from '../../../shared/runtime/api/body-bound.ts';
import {
  MAX_FORM_BODY_BYTES,
  publicSurveyRequest,
} from '../../../shared/runtime/api/public-survey-request.ts';
import { formFields } from '../../../shared/runtime/api/survey-form-routes.ts';

describe('formFields', () => {
  it.each<[string, string | undefined, Record<string, string>]>([
    ['no body', undefined, {}],
    ['an empty body', '', {}],
    ['the fields', 'employees=12&localEmployees=9', { employees: '12', localEmployees: '9' }],
    ['a field sent twice, the first kept', 'employees=12&employees=9000', { employees: '12' }],
    [
      'percent-encoding',
      'localPurchasesSharePercent=45%2C5%C2%A0%25',
      { localPurchasesSharePercent: '45,5\u00a0%' },
    ],
    ['`+` as a space', 'respondentRole=finance+manager', { respondentRole: 'finance manager' }],
    ['an encoded `+` kept', 'respondentRole=a%2Bb', { respondentRole: 'a+b' }],
    ['an encoded `&` and `=` inside a value', 'respondentRole=R%26D%3Dme', { respondentRole: 'R&D=me' }],
    ['a bad escape left as typed', 'respondentRole=100%ZZ%', { respondentRole: '100%ZZ%' }],
    ['a broken UTF-8 sequence replaced', 'respondentRole=%C3', { respondentRole: '\ufffd' }],
    ['a field with no value', 'employees&localEmployees=', { employees: '', localEmployees: '' }],
    ['a field name encoded', 'employ%65es=7', { employees: '7' }],
    ['a field whose name differs in case', 'Employees=7', {}],
    ['fields not the form’s', 'answeredOn=2020-01-01&token=x&supplierKey=y', {}],
    ['`__proto__`', '__proto__=1&__proto__[polluted]=1&employees=3', { employees: '3' }],
    ['`constructor` and `prototype`', 'constructor=1&prototype=2&constructor[prototype][x]=3', {}],
  ])('reads %s', (_, body, fields) => {
    const read = formFields(body);
    expect(Object.fromEntries(read)).toEqual(fields);
    expect(read).toBeInstanceOf(Map);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws and keeps only the form’s fields, each once', () => {
    const known: ReadonlySet<string> = new Set(SURVEY_ANSWER_FIELDS);
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 200 }), { nil: undefined }), (body) => {
        for (const name of formFields(body).keys()) expect(known.has(name)).toBe(true);
      }),
    );
  });
});

const ROUTES: readonly PublicSurveyRouteKey[] = [
  'GET /survey/{token}',
  'POST /survey/{token}',
  'POST /survey/{token}/withdraw',
];

/** The shape of a real token: 43 base64url characters. */
const TOKEN = 'Ab9_-'.repeat(8).concat('xyz');

describe('publicSurveyRequest', () => {
  const post = (body: string | undefined, isBase64Encoded?: boolean) =>
    publicSurveyRequest({
      routeKey: 'POST /survey/{token}',
      pathParameters: { token: 't' },
      body,
      isBase64Encoded,
    });

  it('reads the token and the language, French unless English is asked', () => {
    const request = (query?: Record<string, string>) =>
      publicSurveyRequest({
        routeKey: 'GET /survey/{token}',
        pathParameters: { token: TOKEN },
        queryStringParameters: query,
      });
    expect(request()).toEqual({
      routeKey: 'GET /survey/{token}',
      token: TOKEN,
      language: 'fr',
      body: undefined,
      tooLarge: false,
    });
    expect(request({ lang: 'en' }).language).toBe('en');
    expect(request({ lang: 'EN' }).language).toBe('fr');
    expect(request(JSON.parse('{"lang":"de","__proto__":"en"}')).language).toBe('fr');
    expect(publicSurveyRequest({ routeKey: 'GET /survey/{token}' }).token).toBe('');
  });

  it('takes no token that is not one: a lone surrogate or a short, long or foreign-lettered one reads as none', () => {
    const tokenOf = (token: string) =>
      publicSurveyRequest({ routeKey: 'GET /survey/{token}', pathParameters: { token } }).token;
    for (const forged of [
      `${TOKEN.slice(1)}\ud800`,
      TOKEN.slice(1),
      `${TOKEN}A`,
      `${TOKEN.slice(1)}é`,
      'abc',
    ]) {
      expect(tokenOf(forged)).toBe('');
    }
    expect(tokenOf(TOKEN)).toBe(TOKEN);
  });

  it('hands the body over as sent, or decoded from base64', () => {
    expect(post('employees=12').body).toBe('employees=12');
    expect(post(Buffer.from('respondentRole=g%C3%A9rante').toString('base64'), true).body).toBe(
      'respondentRole=g%C3%A9rante',
    );
    expect(post('').body).toBeUndefined();
  });

  it.each<[string, string, boolean | undefined, boolean]>([
    ['a body at the bound', 'a'.repeat(MAX_FORM_BODY_BYTES), false, false],
    ['a body one byte past it', 'a'.repeat(MAX_FORM_BODY_BYTES + 1), false, true],
    ['characters of several bytes past it', '€'.repeat(Math.floor(MAX_FORM_BODY_BYTES / 3) + 1), false, true],
    ['characters of several bytes within it', '€'.repeat(MAX_FORM_BODY_BYTES / 4), false, false],
    ['base64 at the bound', Buffer.alloc(MAX_FORM_BODY_BYTES, 'a').toString('base64'), true, false],
    ['base64 one byte past it', Buffer.alloc(MAX_FORM_BODY_BYTES + 1, 'a').toString('base64'), true, true],
    ['base64 far past it', 'QUFB'.repeat(MAX_FORM_BODY_BYTES), true, true],
    ['text far past it', 'a'.repeat(MAX_FORM_BODY_BYTES * 4 + 1), undefined, true],
  ])('bounds %s', (_, body, isBase64Encoded, tooLarge) => {
    const request = post(body, isBase64Encoded);
    expect(request.tooLarge).toBe(tooLarge);
    if (tooLarge && body.length > MAX_FORM_BODY_BYTES * 4) expect(request.body).toBeUndefined();
  });

  it('never throws, whatever the event holds', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            routeKey: fc.constantFrom(...ROUTES),
            pathParameters: fc.dictionary(fc.string(), fc.string({ unit: 'binary' })),
            queryStringParameters: fc.dictionary(fc.string(), fc.string()),
            body: fc.string({ unit: 'binary', maxLength: 300 }),
            isBase64Encoded: fc.boolean(),
          },
          { requiredKeys: ['routeKey'] },
        ),
        (http) => {
          const request = publicSurveyRequest(http);
          expect(['fr', 'en']).toContain(request.language);
          expect(typeof request.token).toBe('string');
          if (request.body !== undefined) formFields(request.body);
        },
      ),
    );
  });
});

describe('isBodyOver: a body measured without decoding it', () => {
  it.each<[string, boolean, number, boolean]>([
    ['é'.repeat(5), false, 10, false],
    ['é'.repeat(6), false, 10, true],
    ['a'.repeat(11), false, 10, true],
    ['😀'.repeat(3), false, 12, false],
    [Buffer.from('x'.repeat(10)).toString('base64'), true, 10, false],
    [Buffer.from('x'.repeat(11)).toString('base64'), true, 10, true],
  ])('%s (base64 %s) against %i bytes: over %s', (body, isBase64Encoded, maxBytes, over) => {
    expect(isBodyOver({ body, isBase64Encoded }, maxBytes)).toBe(over);
    const bytes = isBase64Encoded ? Buffer.from(body, 'base64').length : Buffer.byteLength(body, 'utf8');
    expect(bytes > maxBytes).toBe(over);
  });
});
