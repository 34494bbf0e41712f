import type { TopLevelSpec } from 'vega-lite';
import type { Currency } from '../../domain/dataset-kind.ts';
import type { Labels, Language } from '../labels.ts';
import { CHART_WIDTH, COLOURS, chartConfig } from './chart-theme.ts';
import { estimateTextWidth } from './text-width.ts';

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
}

/** Row height: the label line, then the bar. */
const ROW = 46;
const BAR = 18;
const LABEL_FONT = 13;
/** Gap between a bar's end and its figures. */
const VALUE_GAP = 6;

const LEGEND_FONT = 12;
/** Symbol, gap to its label, and the padding between two entries of a horizontal legend. */
const LEGEND_ENTRY_EXTRA = 14 + 5 + 18;

/** One line of legend when it fits in the chart's width, else two columns. */
function legendColumns(series: readonly Series[]): number {
  const width = series.reduce(
    (total, entry) => total + estimateTextWidth(entry.name, LEGEND_FONT) + LEGEND_ENTRY_EXTRA,
    0,
  );
  return width <= CHART_WIDTH ? series.length : 2;
}

/**
 * The house bar chart: one row per entry, its label written above a horizontal bar (long sector and
 * supplier names stay readable, nothing is rotated), the figures just past the end of the bar. No
 * value axis: every bar says its own value, and the table under the chart has them all.
 */
export function barListSpec(chart: BarList): TopLevelSpec {
  const keys = chart.rows.map((row) => row.key);
  const ends = chart.rows.map((row) => Math.max(0, ...row.segments.map((segment) => segment.to)));
  const widestValue = Math.max(
    0,
    ...chart.rows.map((row) => estimateTextWidth(row.valueText, LABEL_FONT, true)),
  );
  const valueRoom = Math.ceil(Math.min(CHART_WIDTH / 2, widestValue + VALUE_GAP + 2));
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
    scale: { domain: [0, maxEnd], range: [0, CHART_WIDTH - valueRoom], nice: false, zero: true },
    axis: null,
  };
  return {
    title: { text: chart.title, subtitle: chart.subtitle },
    description: chart.description,
    width: CHART_WIDTH,
    height: { step: ROW },
    config: chartConfig(chart.language, chart.currency),
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: BAR, yOffset: BAR / 2, strokeWidth: 1 },
        encoding: {
          y,
          x: { ...x, field: 'from' },
          x2: { field: 'to' },
          color: {
            field: 'series',
            type: 'nominal',
            scale: { domain: series.map((entry) => entry.name), range: series.map((entry) => entry.colour) },
            legend: series.length > 1 ? { orient: 'top', columns: legendColumns(series) } : null,
          },
          // White edges keep adjacent segments apart; light fills get their darker outline.
          stroke: { field: 'outline', type: 'nominal', scale: null },
        },
      },
      {
        data: { values: chart.rows.map((row) => ({ key: row.key, label: row.label })) },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          yOffset: -3,
          fontSize: LABEL_FONT,
          limit: CHART_WIDTH,
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
          baseline: 'middle',
          dx: VALUE_GAP,
          yOffset: BAR / 2,
          fontSize: LABEL_FONT,
          fontWeight: 'bold',
          color: COLOURS.text,
        },
        encoding: { y, x: { ...x, field: 'end' }, text: { field: 'text' } },
      },
    ],
  };
}

/** The text version of a chart, for screen readers: the intro, then `label: figures` for each row. */
export function describeRows(labels: Labels, intro: string, rows: readonly BarRow[]): string {
  return `${intro}. ${rows.map((row) => labels.pair(row.label, row.valueText)).join(labels.listSeparator)}.`;
}
