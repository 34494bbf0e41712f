import { escapeHtml } from './html-escape.ts';

export interface Bar {
  readonly label: string;
  /** Usually a 0–1 share: the bar area stands for max(1, largest value). */
  readonly value: number;
  /** Text written at the end of the bar, e.g. `42,1 % · 4 210 000 €`. */
  readonly display: string;
}

export interface BarChart {
  /** Prefix for the ids of the chart's `<title>` and `<desc>`; unique in the page. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly bars: readonly Bar[];
}

const WIDTH = 800;
const LABEL_RIGHT = 250;
const BAR_X = 260;
const BAR_MAX = 320;
const ROW = 32;
const BAR_HEIGHT = 20;
const PADDING = 8;
const MAX_LABEL_CHARS = 30;

/** Dark blue on white (8.6:1), a light track showing 100 %, near-black text. */
const BAR_FILL = '#1d4f91';
const TRACK_FILL = '#e4eaf1';
const TEXT_FILL = '#1a1a1a';

const round1 = (n: number): string => String(Math.round(n * 10) / 10);

function truncate(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A horizontal bar chart as inline SVG (no xmlns needed inside HTML, no external reference):
 * labels on the left, one bar per entry with its length proportional to its value, the display
 * text just past the end of the bar. Every piece of text is escaped.
 */
export function renderBarChartSvg({ id, title, description, bars }: BarChart): string {
  const values = bars.map((bar) => (Number.isFinite(bar.value) ? Math.max(0, bar.value) : 0));
  const scale = Math.max(1, ...values);
  const height = PADDING * 2 + Math.max(1, bars.length) * ROW;
  const titleId = escapeHtml(`${id}-title`);
  const descId = escapeHtml(`${id}-desc`);

  const rows = bars.map((bar, i) => {
    const top = PADDING + i * ROW;
    const barY = top + (ROW - BAR_HEIGHT) / 2;
    const textY = top + ROW / 2 + 5;
    const width = ((values[i] ?? 0) / scale) * BAR_MAX;
    const label = escapeHtml(bar.label);
    return (
      `<g><title>${label} — ${escapeHtml(bar.display)}</title>` +
      `<text x="${LABEL_RIGHT}" y="${round1(textY)}" text-anchor="end" fill="${TEXT_FILL}">` +
      `${escapeHtml(truncate(bar.label, MAX_LABEL_CHARS))}</text>` +
      `<rect x="${BAR_X}" y="${round1(barY)}" width="${BAR_MAX}" height="${BAR_HEIGHT}" fill="${TRACK_FILL}"/>` +
      `<rect class="bar" x="${BAR_X}" y="${round1(barY)}" width="${round1(width)}" height="${BAR_HEIGHT}" fill="${BAR_FILL}"/>` +
      `<text x="${round1(BAR_X + width + 6)}" y="${round1(textY)}" fill="${TEXT_FILL}">` +
      `${escapeHtml(bar.display)}</text></g>`
    );
  });

  return (
    `<svg class="bar-chart" role="img" aria-labelledby="${titleId} ${descId}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" ` +
    `font-family="system-ui, sans-serif" font-size="14">` +
    `<title id="${titleId}">${escapeHtml(title)}</title>` +
    `<desc id="${descId}">${escapeHtml(description)}</desc>` +
    rows.join('') +
    '</svg>'
  );
}
