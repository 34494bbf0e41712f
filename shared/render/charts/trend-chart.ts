import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../../domain/report/report-schema.ts';
import { UNDATED_MONTH } from '../../domain/spend-line.ts';
import { formatPeriod, formatShare, type Labels } from '../labels.ts';
import { CHART_WIDTH, COLOURS, chartConfig, SUBTITLE_FONT, TITLE_FONT } from './chart-theme.ts';
import { wrapText } from './text-width.ts';

const HEIGHT = 260;
const LABEL_FONT = 13;
/** Room on the right for the target and baseline labels, written in line with their rules. */
const REFERENCE_ROOM = 190;
/** Room on the left for the share axis, its labels and title. */
const AXIS_ROOM = 58;
/** Narrower than this once the margin is taken, the plot keeps the width and the labels go inside it. */
const MIN_PLOT = 360;

/** The target a local-share trend is read against: the first local-share target, if any. */
export function localShareTarget(report: Report): Report['targets'][number] | undefined {
  return report.targets.find((target) => target.metric === 'local-share');
}

type TrendPoint = Report['trend']['points'][number];

/**
 * The trend's points in time, and the point of the lines with no readable date: that one belongs to
 * no period, so it is never joined to the others nor read as the latest.
 */
export function splitTrendPoints(report: Report): {
  readonly dated: readonly TrendPoint[];
  readonly undated: TrendPoint | undefined;
} {
  const points = report.trend.points;
  return {
    dated: points.filter((point) => point.period !== UNDATED_MONTH),
    undated: points.find((point) => point.period === UNDATED_MONTH),
  };
}

/**
 * The local share period by period, as a line from 0 %, with the target (dashed) and the baseline
 * it started from (dotted) when the territory has a local-share target. The first and last points
 * carry their value. Undated spend, when there is any, is a hollow point of its own after the line.
 */
export function trendChart(report: Report, labels: Labels, chartWidth = CHART_WIDTH): TopLevelSpec {
  const lang = report.language;
  const share = (value: number) => formatShare(value, lang);
  const target = localShareTarget(report);
  const { dated, undated } = splitTrendPoints(report);
  const points = dated.map((point, index, all) => ({
    period: formatPeriod(point.period, lang),
    share: point.localShare,
    text: index === 0 || index === all.length - 1 ? share(point.localShare) : '',
  }));
  // Its label names it: the axis may drop its tick label when months crowd it.
  const undatedPoints = undated
    ? [
        {
          period: formatPeriod(undated.period, lang),
          share: undated.localShare,
          text: labels.pair(formatPeriod(undated.period, lang), share(undated.localShare)),
        },
      ]
    : [];
  const periods = [...points, ...undatedPoints].map((point) => point.period);
  const references = target
    ? [
        {
          value: target.target,
          text: labels.charts.targetLine(share(target.target), target.year, target.status === 'illustrative'),
          kind: 'target',
        },
        ...(target.baseline
          ? [
              {
                value: target.baseline.value,
                text: labels.charts.baselineLine(share(target.baseline.value), target.baseline.year),
                kind: 'baseline',
              },
            ]
          : []),
      ]
    : [];
  const inMargin = chartWidth - AXIS_ROOM - REFERENCE_ROOM >= MIN_PLOT;
  const width = chartWidth - AXIS_ROOM - (references.length > 0 && inMargin ? REFERENCE_ROOM : 0);
  const highest = Math.max(
    0,
    ...[...points, ...undatedPoints].map((point) => point.share),
    ...references.map((r) => r.value),
  );
  const top = Math.min(1, Math.ceil((highest + 0.08) * 10) / 10);
  const y = {
    type: 'quantitative' as const,
    scale: { domain: [0, top], nice: false },
    axis: { format: '.0%', title: labels.charts.trendAxis, tickCount: 5, grid: true, labelFontSize: 12 },
  };
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    sort: periods,
    axis: { title: null, labelAngle: 0, labelFontSize: 12, labelOverlap: true },
  };
  const description = [
    labels.charts.trendDescription,
    report.trend.points
      .map((point) => labels.pair(formatPeriod(point.period, lang), share(point.localShare)))
      .join(labels.listSeparator),
    ...references.map((reference) => reference.text),
  ].join('. ');
  return {
    title: {
      text: wrapText(labels.charts.trendTitle, TITLE_FONT, chartWidth, true),
      subtitle: wrapText(labels.charts.trendSubtitle, SUBTITLE_FONT, chartWidth),
    },
    description: `${description}.`,
    width,
    height: HEIGHT,
    config: chartConfig(lang, report.currency),
    layer: [
      {
        data: { values: references },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y: { ...y, field: 'value' },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['target', 'baseline'], range: [COLOURS.target, COLOURS.baseline] },
            legend: null,
          },
          strokeDash: {
            field: 'kind',
            type: 'nominal',
            scale: {
              domain: ['target', 'baseline'],
              range: [
                [8, 4],
                [2, 3],
              ],
            },
            legend: null,
          },
        },
      },
      // Each label sits in the margin, level with its rule: the target's above it, the baseline's
      // below, so the two never overlap. On a phone there is no margin: they make a key under the plot.
      ...(inMargin ? [] : referenceKey(references, chartWidth)),
      ...(inMargin ? references : []).map((reference) => ({
        data: { values: [reference] },
        mark: {
          type: 'text' as const,
          align: 'left' as const,
          baseline: reference.kind === 'target' ? ('bottom' as const) : ('top' as const),
          dx: 8,
          fontSize: LABEL_FONT,
          fontWeight: 'bold' as const,
          color: reference.kind === 'target' ? COLOURS.target : COLOURS.mutedText,
        },
        encoding: { y: { ...y, field: 'value' }, x: { value: width }, text: { field: 'text' } },
      })),
      {
        data: { values: points },
        mark: {
          type: 'line',
          color: COLOURS.local,
          strokeWidth: 3,
          point: { filled: true, size: 70, color: COLOURS.local },
        },
        encoding: { x, y: { ...y, field: 'share' } },
      },
      {
        data: { values: points },
        mark: {
          type: 'text',
          baseline: 'bottom',
          dy: -8,
          fontSize: LABEL_FONT,
          fontWeight: 'bold',
          color: COLOURS.local,
        },
        encoding: { x, y: { ...y, field: 'share' }, text: { field: 'text' } },
      },
      ...undatedLayers(undatedPoints, x, y),
    ],
  };
}

/** Where a reference's key starts: under the share axis, whose labels stop above the plot's foot. */
const KEY_LEFT = 8 - AXIS_ROOM;
const KEY_SAMPLE = 28;
const KEY_LINE = 16;

/**
 * The target and baseline as a key under the plot, for a chart too narrow for them in a margin:
 * a sample of each rule's dash, then its label, wrapped to the chart's width.
 */
function referenceKey(references: readonly { kind: string; text: string }[], chartWidth: number) {
  const textLeft = KEY_LEFT + KEY_SAMPLE + 8;
  let top = HEIGHT + 36;
  return references.flatMap((reference) => {
    const lines = wrapText(reference.text, LABEL_FONT, chartWidth - KEY_SAMPLE - 16, true);
    const lineTop = top;
    top += lines.length * KEY_LINE + 4;
    const target = reference.kind === 'target';
    const colour = target ? COLOURS.target : COLOURS.baseline;
    return [
      {
        data: { values: [reference] },
        mark: { type: 'rule' as const, strokeWidth: 2, color: colour, strokeDash: target ? [8, 4] : [2, 3] },
        encoding: {
          x: { value: KEY_LEFT },
          x2: { value: KEY_LEFT + KEY_SAMPLE },
          y: { value: lineTop + KEY_LINE / 2 },
        },
      },
      {
        data: { values: [{ lines }] },
        mark: {
          type: 'text' as const,
          align: 'left' as const,
          baseline: 'top' as const,
          dy: (KEY_LINE - LABEL_FONT) / 2,
          fontSize: LABEL_FONT,
          lineHeight: KEY_LINE,
          fontWeight: 'bold' as const,
          color: target ? COLOURS.target : COLOURS.mutedText,
        },
        encoding: { x: { value: textLeft }, y: { value: lineTop }, text: { field: 'lines' } },
      },
    ];
  });
}

/**
 * The undated point, grey and hollow, its label under it and ending at it (the last dated value
 * sits above its own point, the target's and baseline's labels in the margin to the right).
 */
function undatedLayers<X, Y>(values: readonly { period: string; share: number; text: string }[], x: X, y: Y) {
  if (values.length === 0) return [];
  return [
    {
      data: { values: [...values] },
      mark: { type: 'point' as const, filled: false, size: 70, strokeWidth: 2, color: COLOURS.unknown },
      encoding: { x, y: { ...y, field: 'share' } },
    },
    {
      data: { values: [...values] },
      mark: {
        type: 'text' as const,
        align: 'right' as const,
        baseline: 'top' as const,
        dx: 6,
        dy: 10,
        fontSize: LABEL_FONT,
        fontWeight: 'bold' as const,
        color: COLOURS.mutedText,
      },
      encoding: { x, y: { ...y, field: 'share' }, text: { field: 'text' } },
    },
  ];
}
