import * as vega from 'vega';

/**
 * Advance widths in em of DejaVu Sans, the widest of the usual system sans-serif fonts (Debian's
 * `system-ui`): Segoe UI, Roboto, Helvetica and San Francisco are narrower, so text measured here
 * always fits, with a little air on those.
 */
const WIDTHS: readonly (readonly [string, number])[] = [
  ["iIjlJ|!.,:;'’`·\u202F", 0.3],
  [' \u00A0', 0.32],
  ['ftr()[]{}/\\-', 0.39],
  ['sczx«»', 0.55],
  ['kvyLFPTZ', 0.6],
  ['0123456789€£$#+=<>?_"', 0.64],
  ['ESYABKVXR', 0.69],
  ['&CDGHNOQU', 0.77],
  ['wM', 0.86],
  ['%m—…W@', 0.98],
];
const DEFAULT_WIDTH = 0.63;
const BOLD = 1.08;

const WIDTH_OF = new Map<string, number>(
  WIDTHS.flatMap(([chars, width]) => Array.from(chars, (ch) => [ch, width] as const)),
);

/** The width in pixels of one line of text, from per-character widths (accents do not widen a letter). */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    em += WIDTH_OF.get(ch) ?? DEFAULT_WIDTH;
  }
  return em * fontSize * (bold ? BOLD : 1);
}

/**
 * Breaks a text into lines no wider than `width` at its spaces (a word longer than the line keeps a
 * line of its own): labels on a narrow chart are wrapped, never cut.
 */
export function wrapText(text: string, fontSize: number, width: number, bold = false): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && estimateTextWidth(`${last} ${word}`, fontSize, bold) <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
  estimateWidth: unknown;
}

function isTextMetrics(value: unknown): value is TextMetrics {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<TextMetrics>).width === 'function' &&
    'estimateWidth' in value
  );
}

let installed = false;

/**
 * Without a canvas (on a server), Vega guesses every character at 0.8 em: layouts come out far too
 * wide and long labels get cut short. Vega lets a renderer supply its own `textMetrics.width` (as
 * vl-convert does); this one measures with the table above. A real canvas, when there is one, is
 * left alone. Vega truncates text to `limit` through this same function, so a text longer than its
 * limit measures as the limit (it will be shortened to fit).
 */
export function useEstimatedTextWidths(): void {
  if (installed) return;
  const metrics: unknown = (vega as unknown as { textMetrics?: unknown }).textMetrics;
  if (!isTextMetrics(metrics)) throw new Error('this Vega version has no textMetrics to measure text with');
  installed = true;
  if (metrics.width !== metrics.estimateWidth) return;
  metrics.width = (item, text) => {
    const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    const width = estimateTextWidth(
      text === null || text === undefined ? '' : String(text).trim(),
      size,
      bold,
    );
    const limit = Number(item.limit);
    return limit > 0 ? Math.min(width, limit) : width;
  };
}
