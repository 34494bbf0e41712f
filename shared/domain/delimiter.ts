import type { FormatProfile } from './formats/format-profile.ts';
import { namesARole } from './formats/inference/header-words.ts';
import { foldForMatch } from './text.ts';

export const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Chooses the delimiter from the header line rather than by counting characters: a French file
 * separated by ";" with decimal commas has more commas than semicolons. The delimiter whose split
 * names the most known columns wins; without known columns, the one splitting lines most evenly.
 */
export function chooseDelimiter(firstLines: readonly string[], formats: readonly FormatProfile[]): string {
  const aliases = new Set(
    formats.flatMap((format) =>
      Object.values(format.aliases).flatMap((list) => (list ?? []).map(foldForMatch)),
    ),
  );
  const lines = firstLines.filter((line) => line.trim() !== '');
  let best: { delimiter: string; known: number; width: number } = { delimiter: ',', known: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const known = Math.max(
      0,
      ...lines.map((line) => line.split(delimiter).filter((cell) => aliases.has(foldForMatch(cell))).length),
    );
    const widths = lines.map((line) => line.split(delimiter).length);
    const width = Math.min(...widths) === Math.max(...widths) ? (widths[0] ?? 0) : 0;
    if (known > best.known || (known === best.known && best.known === 0 && width > best.width)) {
      best = { delimiter, known, width };
    }
  }
  return best.known > 0 ? best.delimiter : (byRoleWords(lines) ?? best.delimiter);
}

/**
 * Without a known column name, the delimiter whose split gives the most cells naming a role in
 * words (`Payee`, `£ (net)`, `Inv Date`): a quoted `"1,800"` makes a comma-separated file's lines
 * uneven, so evenness alone would pick a delimiter the file does not use. Undefined when no split
 * names a role.
 */
function byRoleWords(lines: readonly string[]): string | undefined {
  let best: { delimiter: string; named: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const named = Math.max(0, ...lines.map((line) => line.split(delimiter).filter(namesARole).length));
    if (named > 1 && named > (best?.named ?? 0)) best = { delimiter, named };
  }
  return best?.delimiter;
}
