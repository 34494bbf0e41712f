import type { ParquetParsers } from 'hyparquet';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `YYYY-MM-DD`, as the CSV writes a date. */
function isoDate(at: Date): string {
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

/**
 * `YYYY-MM-DDTHH:MM:SS`, as the CSV writes INSEE's processing times (local wall-clock time with no
 * zone: read in UTC so it comes back unshifted); milliseconds only when there are any.
 */
function isoDateTime(millis: number): string {
  const at = new Date(millis);
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  const fraction = at.getUTCMilliseconds() === 0 ? '' : `.${pad(at.getUTCMilliseconds(), 3)}`;
  return `${isoDate(at)}T${time}${fraction}`;
}

const MILLIS_PER_DAY = 86_400_000;
const decoder = new TextDecoder();

/** hyparquet's parsers, told to give dates and times as the CSV's text rather than `Date` objects. */
export const CSV_TEXT_PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days: number) => isoDate(new Date(days * MILLIS_PER_DAY)),
  timestampFromMilliseconds: (millis: bigint) => isoDateTime(Number(millis)),
  timestampFromMicroseconds: (micros: bigint) => isoDateTime(Number(micros / 1000n)),
  timestampFromNanoseconds: (nanos: bigint) => isoDateTime(Number(nanos / 1_000_000n)),
};

/** A Parquet value as the same cell of the CSV stock would read: booleans `true`/`false`, null ''. */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return isoDateTime(value.getTime());
  if (value instanceof Uint8Array) return decoder.decode(value);
  return JSON.stringify(value);
}
