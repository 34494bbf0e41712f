import { foldForMatch } from '../../text.ts';
import type { CanonicalField } from '../canonical-fields.ts';
import type { FormatProfile } from '../format-profile.ts';
import { checkHeaderCells, type LocatedHeader } from '../header-match.ts';
import { bestAssignment } from './best-assignment.ts';
import { type CellEvidence, cellEvidence, cellFit } from './cell-evidence.ts';
import { INFERRED_ROLES, type InferredRole } from './column-roles.ts';
import { repairHeaderCell } from './header-repair.ts';
import {
  amountPreference,
  datePreference,
  headerLanguage,
  headerScore,
  headerTokens,
} from './header-words.ts';
import { INFERRED_FORMAT } from './inferred-format.ts';

/** How a close call between two columns for one role was settled. */
export type Settlement = 'net-of-vat' | 'payment-date' | 'higher-score';

/** One role's column, with its score and the columns that came next for it. */
export interface RoleChoice {
  readonly role: InferredRole;
  readonly column: number;
  readonly header: string;
  /** From 0 to 1: the header's words and the first cells together. */
  readonly score: number;
  readonly alternatives: readonly {
    readonly column: number;
    readonly header: string;
    readonly score: number;
  }[];
  /** Set when another column scored within `CLOSE` of this one for the role. */
  readonly settledBy?: Settlement;
}

export interface ColumnReading {
  readonly header: LocatedHeader;
  readonly choices: readonly RoleChoice[];
}

/** Why no reading is good enough, with the best one found: what a mapping form starts from. */
export interface NoReading {
  readonly missing: readonly InferredRole[];
  readonly guess: ColumnReading | undefined;
}

/** A role's column must score this much to be read without asking (docs/formats.md). */
export const REQUIRED_SCORE = 0.4;
/** Below this a column is not given a role at all: cells alone never give a text role or a date. */
const LEAST_SCORE = 0.3;
/** Two columns this close for one role are a close call, settled by preference. */
const CLOSE = 0.15;
/** Cells that fit a role this well lift a header penalised for a word like "id" (Gateshead's `Supplier id(T)` holds names). */
const CELLS_OVERRULE = 0.7;
/** How many rows below a header are looked at. */
const SAMPLE_ROWS = 50;
/**
 * Wider rows are not tried as a header, and longer cells are looked at by their start only: a hostile
 * file's 30 rows of 10 000 megabyte-long cells must not cost minutes (docs/security.md).
 */
const MAX_COLUMNS = 300;
const CELL_LOOKED_AT = 200;

/** Roles whose cells have a shape of their own (a number, a date, a code) that must confirm the header. */
const SHAPED: ReadonlySet<InferredRole> = new Set([
  'amount',
  'date',
  'supplierIdentifier',
  'supplierPostcode',
  'supplierLocalId',
  'reference',
  'categoryCode',
]);
/** What cells alone are worth, without a word of the header: amounts, identifiers and postcodes have telling shapes. */
const CELLS_ALONE: Readonly<Partial<Record<InferredRole, number>>> = {
  amount: 0.35,
  supplierIdentifier: 0.35,
  supplierPostcode: 0.35,
  supplierName: 0.3,
};

/** How well a column fits a role: its header's words, confirmed (or not) by its cells. */
function roleScore(tokens: readonly string[], evidence: CellEvidence, role: InferredRole): number {
  const fit = cellFit(evidence, role);
  const header = headerScore(tokens, role);
  const words =
    header.unpenalised > header.score && fit >= CELLS_OVERRULE ? header.unpenalised * 0.8 : header.score;
  let score: number;
  if (words === 0) score = (CELLS_ALONE[role] ?? 0) * fit;
  else score = SHAPED.has(role) ? words * (0.35 + 0.65 * fit) : words * (0.5 + 0.5 * fit);
  if (role === 'amount' && amountPreference(tokens) < 0) score *= 0.2;
  return score;
}

/** The roles a file cannot be counted without: who was paid, and how much. */
const REQUIRED: readonly InferredRole[] = ['supplierName', 'amount'];
const weightOf = (role: InferredRole, score: number) =>
  score < LEAST_SCORE ? 0 : REQUIRED.includes(role) ? 2 * score : score;

interface Scored {
  readonly headers: readonly string[];
  readonly tokens: readonly string[][];
  readonly evidence: readonly CellEvidence[];
  /** score[role][column] */
  readonly scores: readonly number[][];
}

function scoreColumns(headers: readonly string[], sample: readonly (readonly string[])[]): Scored {
  const tokens = headers.map((header) => headerTokens(foldForMatch(header)));
  const evidence = headers.map((_, column) =>
    cellEvidence(sample.map((row) => (row[column] ?? '').slice(0, CELL_LOOKED_AT))),
  );
  const scores = INFERRED_ROLES.map((role) =>
    headers.map((header, column) =>
      header.trim() === '' ? 0 : roleScore(tokens[column] ?? [], evidence[column] as CellEvidence, role),
    ),
  );
  return { headers, tokens, evidence, scores };
}

const preferenceOf = (role: InferredRole, tokens: readonly string[]) =>
  role === 'amount' ? amountPreference(tokens) : role === 'date' ? datePreference(tokens) : 0;

/**
 * The amount and the date settle close calls by preference: net of VAT over gross, the payment date
 * over an invoice or accounting date. Returns the role's column after settling, and how.
 */
function settle(
  role: InferredRole,
  chosen: number,
  scored: Scored,
  taken: ReadonlySet<number>,
): { column: number; settledBy?: Settlement } {
  const scores = scored.scores[INFERRED_ROLES.indexOf(role)] ?? [];
  const top = scores[chosen] ?? 0;
  const close = scores
    .map((score, column) => ({ score, column }))
    .filter(
      ({ score, column }) =>
        score >= LEAST_SCORE && top - score <= CLOSE && (column === chosen || !taken.has(column)),
    );
  if (close.length < 2) return { column: chosen };
  const preference = (column: number) => preferenceOf(role, scored.tokens[column] ?? []);
  close.sort(
    (a, b) => preference(b.column) - preference(a.column) || b.score - a.score || a.column - b.column,
  );
  const winner = close[0]?.column ?? chosen;
  const byPreference = preference(winner) > Math.min(...close.map(({ column }) => preference(column)));
  if (!byPreference) return { column: chosen, settledBy: 'higher-score' };
  return { column: winner, settledBy: role === 'amount' ? 'net-of-vat' : 'payment-date' };
}

function choose(scored: Scored): { choices: RoleChoice[]; total: number } {
  const weights = INFERRED_ROLES.map((role, r) =>
    (scored.scores[r] ?? []).map((score) => weightOf(role, score)),
  );
  const assigned = bestAssignment(weights);
  const columnOf = new Map<InferredRole, number>();
  INFERRED_ROLES.forEach((role, r) => {
    const column = assigned[r] ?? -1;
    if (column >= 0) columnOf.set(role, column);
  });
  const settlements = new Map<InferredRole, Settlement>();
  for (const role of ['amount', 'date'] as const) {
    const chosen = columnOf.get(role);
    if (chosen === undefined) continue;
    const taken = new Set(
      [...columnOf].filter(([other]) => REQUIRED.includes(other) || other === role).map(([, c]) => c),
    );
    const settled = settle(role, chosen, scored, taken);
    if (settled.settledBy) settlements.set(role, settled.settledBy);
    if (settled.column === chosen) continue;
    // The preferred column leaves whatever lesser role it had.
    for (const [other, column] of columnOf) if (column === settled.column) columnOf.delete(other);
    columnOf.set(role, settled.column);
  }
  let total = 0;
  const choices = INFERRED_ROLES.flatMap((role, r): RoleChoice[] => {
    const column = columnOf.get(role);
    if (column === undefined) return [];
    const scores = scored.scores[r] ?? [];
    const score = scores[column] ?? 0;
    total += weightOf(role, score);
    const alternatives = scores
      .map((other, index) => ({ column: index, header: scored.headers[index] ?? '', score: other }))
      .filter((other) => other.column !== column && other.score >= LEAST_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, 2);
    const settledBy = settlements.get(role);
    return [
      {
        role,
        column,
        header: scored.headers[column] ?? '',
        score,
        alternatives,
        ...(settledBy ? { settledBy } : {}),
      },
    ];
  });
  return { choices, total };
}

/**
 * A row that may be a header: several cells, mostly words, none of them an amount with decimals,
 * and names a header may have (unique, none a property name).
 */
function mayBeHeader(cells: readonly string[]): boolean {
  if (cells.length > MAX_COLUMNS || !checkHeaderCells(cells).ok) return false;
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (filled.length < 2) return false;
  const words = filled.filter((cell) => /\p{Letter}/u.test(cell)).length;
  return words / filled.length >= 0.6 && !filled.some((cell) => /^-?\d[\d\s]*[.,]\d{2}$/.test(cell));
}

function formatOf(scored: Scored, choices: readonly RoleChoice[]): FormatProfile {
  const columnOf = (role: InferredRole) => choices.find((choice) => choice.role === role)?.column;
  const amount = scored.evidence[columnOf('amount') ?? -1];
  const date = scored.evidence[columnOf('date') ?? -1];
  const signInHeaders = scored.headers.some((header) => /£|\bGBP\b/i.test(header))
    ? 'GBP'
    : scored.headers.some((header) => /€|\bEUR\b/i.test(header))
      ? 'EUR'
      : undefined;
  const language = headerLanguage(scored.tokens);
  const currency = amount?.currencySign ?? signInHeaders ?? (language === 'fr' ? 'EUR' : 'GBP');
  const aliases: Partial<Record<CanonicalField, readonly string[]>> = {};
  for (const choice of choices) aliases[choice.role] = [choice.header];
  return {
    ...INFERRED_FORMAT,
    kind: 'payments',
    currency,
    decimal: amount?.decimal ?? (currency === 'EUR' ? ',' : '.'),
    dateOrder: date?.dateOrder ?? 'dmy',
    aliases,
    required: ['supplierName', 'amount'],
    ...(currency === 'GBP' && columnOf('supplierIdentifier') !== undefined
      ? { defaultIdentifierType: 'company-number' }
      : {}),
  };
}

/**
 * Reads a file's columns when no known format and no mapping profile fits: each column gets the role
 * its header's words and its first cells fit best, one column per role, the best total winning
 * (docs/formats.md, "Columns recognised by inference"). The header is the row, among the first
 * `searchRows`, whose reading scores highest.
 */
export function inferColumns(
  rows: readonly (readonly string[])[],
  searchRows: number,
): { reading: ColumnReading } | { noReading: NoReading } {
  let best: { reading: ColumnReading; total: number } | undefined;
  const limit = Math.min(rows.length, searchRows);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const cells = rows[rowIndex] ?? [];
    if (!mayBeHeader(cells)) continue;
    const headers = cells.map((cell) => repairHeaderCell(cell.slice(0, CELL_LOOKED_AT)));
    const sample = rows.slice(rowIndex + 1, rowIndex + 1 + SAMPLE_ROWS);
    const scored = scoreColumns(headers, sample);
    const { choices, total } = choose(scored);
    if (best && total <= best.total) continue;
    const columns = new Map<CanonicalField, number>(choices.map((choice) => [choice.role, choice.column]));
    const header: LocatedHeader = {
      format: formatOf(scored, choices),
      columns,
      headerCells: headers,
      rowIndex,
    };
    best = { reading: { header, choices }, total };
  }
  const guess = best?.reading;
  const missing = REQUIRED.filter(
    (role) => (guess?.choices.find((choice) => choice.role === role)?.score ?? 0) < REQUIRED_SCORE,
  );
  return guess && missing.length === 0 ? { reading: guess } : { noReading: { missing, guess } };
}
