import { describe, expect, it } from 'vitest';
import { parseLookupIdentifier } from '../../../../shared/adapters/company-lookup/lookup-identifier.ts';
import { retryAfterMs } from '../../../../shared/adapters/retry-after.ts';

describe('parseLookupIdentifier', () => {
  it.each([
    ['800007015', { kind: 'siren', siren: '800007015' }],
    ['80000701500020', { kind: 'siret', siren: '800007015', siret: '80000701500020' }],
  ])('reads %s', (identifier, expected) => {
    expect(parseLookupIdentifier(identifier)).toEqual(expected);
  });

  it.each([
    [''],
    ['80000701'],
    ['8000070150'],
    ['800 007 015'],
    [' 800007015'],
    ['80000701500020 '],
    ['800007015000200'],
    ['FR800007015'],
    ['８００００７０１５'],
    ['8,00E+13'],
  ])('refuses %j before any request', (identifier) => {
    expect(parseLookupIdentifier(identifier)).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-03-15T09:00:00Z');
  it.each([
    ['2', 2000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Sun, 15 Mar 2026 09:00:05 GMT', 5000],
    ['Sun, 15 Mar 2026 08:59:00 GMT', 0],
    ['soon', undefined],
    ['-3', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j ms', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});
