import { fail, ok, type Result } from '../result.ts';
import { foldForMatch, PROTOTYPE_KEYS } from '../text.ts';
import type { CanonicalField } from './canonical-fields.ts';
import type { FormatProfile } from './format-profile.ts';

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

function checkHeaderCells(cells: readonly string[]): Result<void> {
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

/** Matches one header row against the given formats; the format that finds the most fields wins. */
export function matchHeader(
  cells: readonly string[],
  formats: readonly FormatProfile[],
): Result<HeaderMatch> {
  const cellsCheck = checkHeaderCells(cells);
  if (!cellsCheck.ok) return fail(cellsCheck.reason);
  const candidates = formats.map((format) => mapColumns(cells, format));
  const complete = candidates.filter((candidate) => candidate.missing.length === 0);
  const best = complete.sort((a, b) => b.columns.size - a.columns.size)[0];
  if (best) return ok({ format: best.format, columns: best.columns, headerCells: cells });
  const nearest = [...candidates].sort((a, b) => b.columns.size - a.columns.size)[0];
  if (!nearest || nearest.columns.size === 0) return fail('no known column names in this row');
  const missing = nearest.missing
    .map((field) => `${field} (one of: ${(nearest.format.aliases[field] ?? []).join(', ')})`)
    .join('; ');
  return fail(`looks like ${nearest.format.label} but a required column is missing: ${missing}`);
}

/** Rows scanned for the header: exports often start with report titles, query text or blank lines. */
export const HEADER_SEARCH_ROWS = 30;

export interface LocatedHeader extends HeaderMatch {
  /** Zero-based index of the header among the rows given. */
  readonly rowIndex: number;
}

/**
 * Finds the header within the first rows. A row that names columns but misses a required one is
 * remembered so the error says what is missing rather than "no header".
 */
export function locateHeader(
  rows: readonly (readonly string[])[],
  formats: readonly FormatProfile[],
): Result<LocatedHeader> {
  let closest: string | undefined;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const cells = rows[rowIndex] ?? [];
    const match = matchHeader(cells, formats);
    if (match.ok) return ok({ ...match.value, rowIndex });
    if (match.reason !== 'no known column names in this row') {
      closest ??= `line ${rowIndex + 1}: ${match.reason}`;
    }
  }
  if (closest) return fail(closest);
  const names = formats.map((format) => format.label).join('; ');
  return fail(
    `no header row found in the first ${HEADER_SEARCH_ROWS} lines: the file does not look like any known format (${names}). Use a mapping profile for other layouts.`,
  );
}
