/**
 * Helpers of the end-to-end format tests: run `analyze()` in-process on files written to a temporary
 * folder, and read what it wrote. The expected sums are computed by the tests themselves, with the
 * small string code below and never with Ancrage's own parsing code.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnalyzeResult, analyze } from '../../../shared/cli/analyze.ts';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import type { DatasetKind } from '../../../shared/domain/dataset-kind.ts';
import type { MappingProfile } from '../../../shared/domain/formats/mapping-profile.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { CONSORTIUM_UPLOADER } from '../../../shared/domain/territory/consortium.ts';

/** A bundled territory: Grenoble's (EUR) unless a test names another, Oxford's for a £ file. */
function territoryOf(id = 'grenoble-alpes-metropole') {
  const found = BUNDLED_TERRITORIES.get(id);
  if (!found) throw new Error(`the bundled territory ${id} is missing`);
  return found;
}

export const workDir = (): string => mkdtempSync(join(tmpdir(), 'ancrage-formats-'));

/** Writes a built fixture into `dir` and returns its path. */
export function writeInput(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export interface AnalyzeOptions {
  readonly mapping?: MappingProfile | undefined;
  readonly kind?: DatasetKind | undefined;
  /** A bundled territory's id; a report counts in its territory's currency only. */
  readonly territoryId?: 'grenoble-alpes-metropole' | 'oxford' | undefined;
}

/** `ancrage analyze` in-process (embedded emulators + the real Lambda handlers), report in French. */
export function analyzeFiles(files: readonly string[], options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  return analyze({
    files,
    outDir: join(workDir(), 'out'),
    territory: territoryOf(options.territoryId),
    customTerritory: false,
    kind: options.kind,
    anchorId: CONSORTIUM_UPLOADER,
    language: 'fr',
    mapping: options.mapping,
  });
}

/** Runs analyze where it must fail, and returns the error with the rejects it wrote. */
export async function analyzeFailure(
  files: readonly string[],
  options: AnalyzeOptions = {},
): Promise<{ error: Error; outDir: string }> {
  const outDir = join(workDir(), 'out');
  try {
    await analyze({
      files,
      outDir,
      territory: territoryOf(options.territoryId),
      customTerritory: false,
      kind: options.kind,
      anchorId: CONSORTIUM_UPLOADER,
      language: 'fr',
      mapping: options.mapping,
    });
  } catch (error) {
    if (error instanceof Error) return { error, outDir };
    throw error;
  }
  throw new Error(`analyze was expected to fail on ${files.join(', ')}`);
}

/** Report amounts are currency units rounded to the cent. */
export const toCents = (units: number): number => Math.round(units * 100);

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * A minimal RFC 4180 reader (quotes, doubled quotes, newlines inside quotes; CRLF, LF or CR),
 * independent of papaparse and of Ancrage. A leading BOM is dropped.
 */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface RejectRow {
  readonly line: number;
  /** `rejected`, or `set aside` (an older version, a repeat, a total row). */
  readonly status: string;
  readonly reason: string;
  /** The amount the line states, `.` as decimal separator; empty when none reads. */
  readonly amount: string;
  readonly content: string;
}

/** `<out>/rejects/<file>.rejects.csv`: `line;status;reason;amount;content;code;params`, UTF-8 with BOM. */
export function readRejects(outDir: string, fileName: string): RejectRow[] {
  const raw = readFileSync(join(outDir, 'rejects', `${fileName}.rejects.csv`), 'utf8');
  if (!raw.startsWith('\uFEFF')) throw new Error('the rejects file has no BOM');
  const [header, ...rows] = parseDelimited(raw, ';');
  if (header?.join(';') !== 'line;status;reason;amount;content;code;params')
    throw new Error(`unexpected header ${header?.join(';')}`);
  return rows.map(([line = '', status = '', reason = '', amount = '', content = '']) => ({
    line: Number(line),
    status,
    reason,
    amount,
    content,
  }));
}

export interface SupplierRow {
  readonly key: string;
  readonly name: string;
  readonly cents: number;
}

/** suppliers.csv (French: `;`, decimal comma): key, name and amount in cents of every supplier. */
export function readSuppliers(outDir: string): SupplierRow[] {
  const rows = parseDelimited(readFileSync(join(outDir, 'suppliers.csv'), 'utf8'), ';');
  const [header, ...data] = rows;
  const amountAt = header?.findIndex((name) => name.startsWith('Montant (')) ?? -1;
  if (header?.[0] !== 'Clé' || header[1] !== 'Nom' || amountAt < 0) {
    throw new Error(`unexpected suppliers.csv header: ${header?.join(';')}`);
  }
  return data.map((row) => ({
    key: row[0] ?? '',
    name: row[1] ?? '',
    cents: frenchCents(row[amountAt] ?? ''),
  }));
}

/** suppliers.csv: supplier key → amount in cents. */
export function readSupplierAmounts(outDir: string): Map<string, number> {
  return new Map(readSuppliers(outDir).map((row) => [row.key, row.cents]));
}

/**
 * Cents of an amount written with a decimal comma, by plain string handling: everything but digits,
 * the comma and a minus sign is dropped (spaces, `€`), brackets mean a credit.
 */
export function frenchCents(text: string): number {
  const negative = text.includes('-') || /^\s*\(.*\)\s*$/.test(text);
  const [units = '0', fraction = ''] = text.replace(/[^0-9,]/g, '').split(',');
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** Cents of an amount written with a decimal point (`1,234.56`, `£512.00`, `-45.10`, `42980.1`). */
export function dotCents(text: string): number {
  const negative = text.includes('-') || /^\s*\(.*\)\s*$/.test(text);
  const [units = '0', fraction = ''] = text.replace(/[^0-9.]/g, '').split('.');
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** dd/mm/yyyy is a real day (checked with the calendar of `Date`, not Ancrage's). */
export function isRealDmyDate(text: string): boolean {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Nothing reached `Object.prototype` (a `__proto__` key or name in a file must stay data). */
export function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    Object.getOwnPropertyNames(Object.prototype).every((name) => PROTOTYPE_NAMES.has(name)) &&
    probe.polluted === undefined &&
    probe.montant === undefined
  );
}
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** How many counted lines of a dataset carry a flag (its reconciliation says so, with their amount). */
export function flaggedLines(dataset: DatasetRecord | undefined, flag: string): number | undefined {
  return dataset?.reconciliation?.flags.find((entry) => entry.flag === flag)?.lines;
}
