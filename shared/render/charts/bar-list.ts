import type { TopLevelSpec } from 'vega-lite';
import type { Currency } from '../../domain/dataset-kind.ts';
import type { Labels, Language } from '../labels.ts';
import { COLOURS, chartConfig, SUBTITLE_FONT, TITLE_FONT } from './chart-theme.ts';
import { estimateTextWidth, wrapText } from './text-width.ts';

/** One piece of a bar, from `from` to `to` on the value scale, coloured by its series. */
export interface Segment {
  readonly from: number;
  readonly to: number;
  readonly series: string;
}

/** One row: its label above the bar, the bar's segments, and the figures written after the bar. */
export interface BarRow {
  /** Unique: keeps the rows in order and two rows with the same label apart. */
  readonly key: string;
  readonly label: string;
  readonly segments: readonly Segment[];
  readonly valueText: string;
}

export interface Series {
  readonly name: string;
  readonly colour: string;
  /** Drawn with an outline: for light fills that need one to reach 3:1 against white. */
  readonly outline?: string;
}

export interface BarList {
  readonly language: Language;
  readonly currency: Currency;
  readonly title: string;
  readonly subtitle: string;
  readonly description: string;
  readonly rows: readonly BarRow[];
  /** Every series that can appear, in legend order; only those used are drawn in the legend. */
  readonly series: readonly Series[];
  /** Drawing width: the chart is laid out to fit it (a phone's is narrow). */
  readonly width: number;
}

const BAR = 18;
const LABEL_FONT = 13;
const LINE = 16;
/** Gap between a bar's end and its figures. */
const VALUE_GAP = 6;

const LEGEND_FONT = 12;
/** Symbol, gap to its label, and the padding between two entries of a horizontal legend. */
const LEGEND_ENTRY_EXTRA = 14 + 5 + 18;

/** One line of legend when it fits in the chart's width, else two columns, else one. */
function legendColumns(series: readonly Series[], chartWidth: number): number {
  const widths = series.map((entry) => estimateTextWidth(entry.name, LEGEND_FONT) + LEGEND_ENTRY_EXTRA);
  if (widths.reduce((total, width) => total + width, 0) <= chartWidth) return series.length;
  return 2 * Math.max(0, ...widths) <= chartWidth ? 2 : 1;
}

/**
 * Where a row's parts sit, from the top of its row: the label's lines, the bar, and the figures
 * after the bar, or under it when they would leave the bar less than half the width (on a phone).
 */
function rowLayout(labelLines: number, stacked: boolean) {
  const labelTop = 4;
  const barTop = labelTop + labelLines * LINE + 3;
  const valueTop = barTop + BAR + 3;
  // A stacked row ends with its figures: more air keeps them apart from the next row's label.
  const height = stacked ? valueTop + LINE + 10 : barTop + BAR + 5;
  return { labelTop, barTop, valueTop, height };
}

/**
 * The house bar chart: one row per entry, its label written above a horizontal bar (long sector and
 * supplier names stay readable, nothing is rotated), the figures just past the end of the bar. No
 * value axis: every bar says its own value, and the table under the chart has them all.
 */
export function barListSpec(chart: BarList): TopLevelSpec {
  const { width } = chart;
  const keys = chart.rows.map((row) => row.key);
  const wrapped = chart.rows.map((row) => wrapText(row.label, LABEL_FONT, width));
  const labelLines = Math.max(1, ...wrapped.map((lines) => lines.length));
  // Blank lines first: every label's last line then sits just above its bar.
  const labels = wrapped.map((lines) => [...Array<string>(labelLines - lines.length).fill(''), ...lines]);
  const ends = chart.rows.map((row) => Math.max(0, ...row.segments.map((segment) => segment.to)));
  const widestValue = Math.max(
    0,
    ...chart.rows.map((row) => estimateTextWidth(row.valueText, LABEL_FONT, true)),
  );
  const stacked = widestValue + VALUE_GAP + 2 > width / 2;
  const valueRoom = stacked ? 0 : Math.ceil(widestValue + VALUE_GAP + 2);
  const layout = rowLayout(labelLines, stacked);
  // Offsets from the middle of the row, where Vega places a mark on the row's band.
  const fromMiddle = (top: number) => top - layout.height / 2;
  const maxEnd = Math.max(Number.MIN_VALUE, ...ends);
  const used = new Set(chart.rows.flatMap((row) => row.segments.map((segment) => segment.series)));
  const series = chart.series.filter((entry) => used.has(entry.name));
  const outlineOf = new Map(series.map((entry) => [entry.name, entry.outline]));
  const segments = chart.rows.flatMap((row) =>
    row.segments
      .filter((segment) => segment.to > segment.from)
      .map((segment) => ({
        key: row.key,
        from: segment.from,
        to: segment.to,
        series: segment.series,
        outline: outlineOf.get(segment.series) ?? 'white',
      })),
  );
  const y = { field: 'key', type: 'nominal' as const, sort: keys, axis: null };
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, maxEnd], range: [0, width - valueRoom], nice: false, zero: true },
    axis: null,
  };
  return {
    title: {
      text: wrapText(chart.title, TITLE_FONT, width, true),
      subtitle: wrapText(chart.subtitle, SUBTITLE_FONT, width),
    },
    description: chart.description,
    width,
    height: { step: layout.height },
    config: chartConfig(chart.language, chart.currency),
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: BAR, yOffset: fromMiddle(layout.barTop + BAR / 2), strokeWidth: 1 },
        encoding: {
          y,
          x: { ...x, field: 'from' },
          x2: { field: 'to' },
          color: {
            field: 'series',
            type: 'nominal',
            scale: { domain: series.map((entry) => entry.name), range: series.map((entry) => entry.colour) },
            legend:
              series.length > 1
                ? {
                    orient: 'top',
                    columns: legendColumns(series, width),
                    labelLimit: width - LEGEND_ENTRY_EXTRA,
                  }
                : null,
          },
          // White edges keep adjacent segments apart; light fills get their darker outline.
          stroke: { field: 'outline', type: 'nominal', scale: null },
        },
      },
      {
        data: { values: chart.rows.map((row, i) => ({ key: row.key, label: labels[i] ?? [row.label] })) },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          yOffset: fromMiddle(layout.labelTop),
          fontSize: LABEL_FONT,
          lineHeight: LINE,
          limit: width,
          color: COLOURS.text,
        },
        encoding: { y, x: { ...x, datum: 0 }, text: { field: 'label' } },
      },
      {
        data: {
          values: chart.rows.map((row, i) => ({ key: row.key, end: ends[i] ?? 0, text: row.valueText })),
        },
        mark: {
          type: 'text',
          align: 'left',
          baseline: stacked ? 'top' : 'middle',
          dx: stacked ? 0 : VALUE_GAP,
          yOffset: fromMiddle(stacked ? layout.valueTop : layout.barTop + BAR / 2),
          fontSize: LABEL_FONT,
          fontWeight: 'bold',
          limit: width,
          color: COLOURS.text,
        },
        encoding: { y, x: stacked ? { ...x, datum: 0 } : { ...x, field: 'end' }, text: { field: 'text' } },
      },
    ],
  };
}

/** The text version of a chart, for screen readers: the intro, then `label: figures` for each row. */
export function describeRows(labels: Labels, intro: string, rows: readonly BarRow[]): string {
  return `${intro}. ${rows.map((row) => labels.pair(row.label, row.valueText)).join(labels.listSeparator)}.`;
}
