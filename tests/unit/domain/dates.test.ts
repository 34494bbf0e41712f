import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DateOrder,
  monthOf,
  numericDate,
  parseAnyDate,
  parseDate,
} from '../../../shared/domain/dates.ts';

const unreadable = (raw: string): string =>
  `date "${raw}" is not a date we can read (expected dd/mm/yyyy or yyyy-mm-dd)`;

describe('parseDate', () => {
  it.each<[string, DateOrder | undefined, string]>([
    ['08/02/2019', undefined, '2019-02-08'],
    ['08-02-2019', undefined, '2019-02-08'],
    ['08.02.2019', undefined, '2019-02-08'],
    ['  08/02/2019 ', undefined, '2019-02-08'],
    ['8/2/2019', undefined, '2019-02-08'],
    ['08/02/2019', 'dmy', '2019-02-08'],
    ['02/08/2019', 'mdy', '2019-02-08'],
    ['2/8/2019', 'mdy', '2019-02-08'],
    ['2019-02-08', undefined, '2019-02-08'],
    ['2019/02/08', undefined, '2019-02-08'],
    ['2019-02-08', 'mdy', '2019-02-08'],
    ['2019-02-08T10:00:00Z', undefined, '2019-02-08'],
    ['2019-02-08T23:30:00.123+02:00', undefined, '2019-02-08'],
    ['2019-02-08 10:00:00', undefined, '2019-02-08'],
    ['2019-02-08 10:00', undefined, '2019-02-08'],
    ['2019-02-08+01:00', undefined, '2019-02-08'],
    ['2019-02-08Z', undefined, '2019-02-08'],
    ['05-JAN-18', undefined, '2018-01-05'],
    ['05-jan-18', undefined, '2018-01-05'],
    ['5-Jan-2018', undefined, '2018-01-05'],
    ['31-DEC-69', undefined, '2069-12-31'],
    ['01-MAR-70', undefined, '1970-03-01'],
    ['05-JAN-99', undefined, '1999-01-05'],
    ['29/02/2024', undefined, '2024-02-29'],
    ['29/02/2000', undefined, '2000-02-29'],
    ['01/01/1900', undefined, '1900-01-01'],
    ['31/12/2100', undefined, '2100-12-31'],
  ])('%j (order %j) is %s', (raw, order, iso) => {
    expect(parseDate(raw, order)).toEqual({ ok: true, value: iso });
  });

  it.each<[string, DateOrder | undefined, string]>([
    ['', undefined, 'date is empty'],
    ['   ', undefined, 'date is empty'],
    ['31/02/2024', undefined, 'date "31/02/2024" does not exist'],
    ['29/02/2023', undefined, 'date "29/02/2023" does not exist'],
    ['29/02/1900', undefined, 'date "29/02/1900" does not exist'],
    ['01/13/2024', undefined, 'date "01/13/2024" does not exist'],
    ['13/01/2024', 'mdy', 'date "13/01/2024" does not exist'],
    ['00/01/2024', undefined, 'date "00/01/2024" does not exist'],
    ['2024-00-10', undefined, 'date "2024-00-10" does not exist'],
    ['31-APR-18', undefined, 'date "31-APR-18" does not exist'],
    ['31/12/1899', undefined, 'date "31/12/1899" is outside the years 1900 to 2100'],
    ['2101-01-01', undefined, 'date "2101-01-01" is outside the years 1900 to 2100'],
    ['17/012014', undefined, unreadable('17/012014')],
    ['08/02-2019', undefined, unreadable('08/02-2019')],
    ['08/02/19', undefined, unreadable('08/02/19')],
    ['2019-02-08T', undefined, unreadable('2019-02-08T')],
    ['05-FOO-18', undefined, unreadable('05-FOO-18')],
    ['05-JAN-018', undefined, unreadable('05-JAN-018')],
    ['tomorrow', undefined, unreadable('tomorrow')],
    ['43500', undefined, unreadable('43500')],
  ])('%j (order %j) fails: %s', (raw, order, reason) => {
    expect(parseDate(raw, order)).toEqual({ ok: false, reason });
  });

  const calendarDate = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('round-trips any calendar date written dd/mm/yyyy, mm/dd/yyyy and yyyy-mm-dd', () => {
    fc.assert(
      fc.property(calendarDate, (iso) => {
        const [y, m, d] = iso.split('-');
        expect(parseDate(iso)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${d}/${m}/${y}`)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${m}/${d}/${y}`, 'mdy')).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('numericDate, the fast path of parseDate', () => {
  const twoDigit = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, '0'));
  const year = fc.constantFrom('2025', '2024', '1900', '2100', '1899', '2101', '2000', '1999', '0202');
  const separator = fc.constantFrom('/', '-', '.', ' ', ':');
  /** Ten-character dates, valid or nearly, both ways round, and now and then a stray character. */
  const dateText = fc.oneof(
    fc.tuple(twoDigit, separator, twoDigit, separator, year).map((parts) => parts.join('')),
    fc.tuple(year, separator, twoDigit, separator, twoDigit).map((parts) => parts.join('')),
    fc.string({
      unit: fc.constantFrom('0', '1', '2', '9', '/', '-', '.', 'x', ' '),
      minLength: 9,
      maxLength: 11,
    }),
  );

  it('reads a numeric date exactly as the general reading does, and leaves it every other one', () => {
    fc.assert(
      fc.property(dateText, fc.constantFrom<DateOrder>('dmy', 'mdy', 'ymd'), (text, order) => {
        const iso = numericDate(text, order);
        if (iso !== undefined) expect(parseAnyDate(text, order)).toEqual({ ok: true, value: iso });
        expect(parseDate(text, order)).toEqual(parseAnyDate(text, order));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each<[string, DateOrder, string | undefined]>([
    ['10/01/2025', 'dmy', '2025-01-10'],
    ['10/01/2025', 'mdy', '2025-10-01'],
    ['10.01.2025', 'ymd', '2025-01-10'],
    ['2025-01-10', 'dmy', '2025-01-10'],
    ['2025/01/10', 'mdy', '2025-01-10'],
    ['29/02/2024', 'dmy', '2024-02-29'],
    ['29/02/2025', 'dmy', undefined],
    ['10/01-2025', 'dmy', undefined],
    [' 1/01/2025', 'dmy', undefined],
  ])('%j (%s) is %j', (text, order, iso) => {
    expect(numericDate(text, order)).toBe(iso);
  });
});

describe('monthOf', () => {
  it.each([
    ['2019-02-08', '2019-02'],
    ['2024-12-31', '2024-12'],
  ])('%s is in %s', (iso, month) => {
    expect(monthOf(iso)).toBe(month);
  });
});
