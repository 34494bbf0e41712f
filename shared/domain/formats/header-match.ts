import { fail, ok, type Result } from '../result.ts';
import { foldForMatch, PROTOTYPE_KEYS } from '../text.ts';
import type { CanonicalField } from './canonical-fields.ts';
import type { FormatProfile } from './format-profile.ts';
import { repairHeaderCell } from './inference/header-repair.ts';

/** A header row recognised as a format: which column holds which canonical field. */
export interface HeaderMatch {
  readonly format: FormatProfile;
  readonly columns: ReadonlyMap<CanonicalField, number>;
  readonly headerCells: readonly string[];
}

/** How far a header row is from a format: the fields found, and the required ones missing. */
interface Candidate {
  readonly format: FormatProfile;
  readonly columns: Map<CanonicalField, number>;
  readonly missing: readonly CanonicalField[];
}

function mapColumns(cells: readonly string[], format: FormatProfile): Candidate {
  const folded = cells.map(foldForMatch);
  const columns = new Map<CanonicalField, number>();
  for (const [field, aliases] of Object.entries(format.aliases) as [CanonicalField, readonly string[]][]) {
    // The alias listed first wins when a file has several (e.g. "Montant" before "Montant HT").
    for (const alias of aliases) {
      const index = folded.indexOf(foldForMatch(alias));
      if (index >= 0) {
        columns.set(field, index);
        break;
      }
    }
  }
  const missing = format.required.filter((field) => !columns.has(field));
  return { format, columns, missing };
}

/** A header's names must be unique and never an object's own property name. */
export function checkHeaderCells(cells: readonly string[]): Result<void> {
  const seen = new Set<string>();
  for (const cell of cells) {
    const name = cell.trim();
    if (PROTOTYPE_KEYS.has(name))
      return fail(`the header has a column named "${name}", which is not allowed`);
    if (name === '') continue;
    const key = foldForMatch(name);
    if (seen.has(key))
      return fail(`the header has the column "${name}" twice: each column name must be unique`);
    seen.add(key);
  }
  return ok(undefined);
}

/** Why a row is not a header, and how many known columns it named (to report the nearest miss). */
interface HeaderMiss {
  readonly reason: string;
  readonly recognised: number;
}

const NO_KNOWN_COLUMNS = 'no known column names in this row';

function tryHeader(
  cells: readonly string[],
  formats: readonly FormatProfile[],
): { match: HeaderMatch } | { miss: HeaderMiss } {
  const candidates = formats.map((format) => mapColumns(cells, format));
  const bySize = (a: Candidate, b: Candidate) => b.columns.size - a.columns.size;
  const nearest = [...candidates].sort(bySize)[0];
  const recognised = nearest?.columns.size ?? 0;
  const cellsCheck = checkHeaderCells(cells);
  if (!cellsCheck.ok) return { miss: { reason: cellsCheck.reason, recognised } };
  const best = candidates.filter((candidate) => candidate.missing.length === 0).sort(bySize)[0];
  if (best) return { match: { format: best.format, columns: best.columns, headerCells: cells } };
  if (!nearest || recognised === 0) return { miss: { reason: NO_KNOWN_COLUMNS, recognised: 0 } };
  const missing = nearest.missing
    .map((field) => `${field} (one of: ${(nearest.format.aliases[field] ?? []).join(', ')})`)
    .join('; ');
  return {
    miss: {
      reason: `looks like ${nearest.format.label} but a required column is missing: ${missing}`,
      recognised,
    },
  };
}

/**
 * The header as written, then repaired (a byte-order mark or a name decoded twice): a mapping profile
 * saved with the garbled name still matches its file, and an alias matches the repaired one.
 */
function tryRepaired(
  cells: readonly string[],
  formats: readonly FormatProfile[],
): ReturnType<typeof tryHeader> {
  const asWritten = tryHeader(cells, formats);
  const repaired = cells.map(repairHeaderCell);
  if (repaired.every((cell, index) => cell === cells[index])) return asWritten;
  const tried = tryHeader(repaired, formats);
  // A match beats a miss; between two of a kind, the more columns found wins, the header as written on a tie.
  const [matched, written] = [tried, asWritten].map((outcome) =>
    'match' in outcome ? [1, outcome.match.columns.size] : [0, outcome.miss.recognised],
  ) as [[number, number], [number, number]];
  return matched[0] > written[0] || (matched[0] === written[0] && matched[1] > written[1])
    ? tried
    : asWritten;
}

/** Matches one header row against the given formats; the format that finds the most fields wins. */
export function matchHeader(
  cells: readonly string[],
  formats: readonly FormatProfile[],
): Result<HeaderMatch> {
  const tried = tryRepaired(cells, formats);
  return 'match' in tried ? ok(tried.match) : fail(tried.miss.reason);
}

/** Rows scanned for the header: exports often start with report titles, query text or blank lines. */
export const HEADER_SEARCH_ROWS = 30;

export interface LocatedHeader extends HeaderMatch {
  /** Zero-based index of the header among the rows given. */
  readonly rowIndex: number;
}

/**
 * Finds the header within the first rows. When none fits, the error describes the row that came
 * nearest (the most known columns), at its physical line, rather than just "no header".
 */
export function locateHeader(
  rows: readonly (readonly string[])[],
  formats: readonly FormatProfile[],
  lineNumbers?: readonly number[],
  searchRows: number = HEADER_SEARCH_ROWS,
): Result<LocatedHeader> {
  let nearest: { line: number; miss: HeaderMiss } | undefined;
  const limit = Math.min(rows.length, searchRows);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const tried = tryRepaired(rows[rowIndex] ?? [], formats);
    if ('match' in tried) return ok({ ...tried.match, rowIndex });
    if (tried.miss.recognised > (nearest?.miss.recognised ?? 0)) {
      nearest = { line: lineNumbers?.[rowIndex] ?? rowIndex + 1, miss: tried.miss };
    }
  }
  if (nearest) return fail(`line ${nearest.line}: ${nearest.miss.reason}`);
  const names = formats.map((format) => format.label).join('; ');
  return fail(
    `no header row found in the first ${searchRows} lines: the file does not look like any known format (${names}). Use a mapping profile for other layouts.`,
  );
}
