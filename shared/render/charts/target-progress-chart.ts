import type { TopLevelSpec } from 'vega-lite';
import type { Report } from '../../domain/report/report-schema.ts';
import { formatShare, type Labels } from '../labels.ts';
import { CHART_WIDTH, COLOURS, chartConfig } from './chart-theme.ts';
import { estimateTextWidth } from './text-width.ts';
import { localShareTarget } from './trend-chart.ts';

const BAR = 30;
const FONT = 13;

/**
 * How a label written at a mark reads whole: starting at the mark when it fits before the end, else
 * ending at it when it fits after the start, else centred on the chart.
 */
function alignAt(value: number, textWidth: number, width: number): 'left' | 'right' | 'center' {
  if (value * width + textWidth <= width) return 'left';
  return value * width >= textWidth ? 'right' : 'center';
}

/**
 * The headline at a glance: the local share as a bar across 0–100 %, with the target's mark above it
 * and the baseline's below, when the territory set a local-share target.
 */
export function targetProgressChart(report: Report, labels: Labels, width = CHART_WIDTH): TopLevelSpec {
  const lang = report.language;
  const share = (value: number) => formatShare(value, lang);
  const current = Math.min(1, Math.max(0, report.headline.localShare));
  const target = localShareTarget(report);
  const marks = [
    ...(target
      ? [
          {
            value: target.target,
            text: labels.charts.targetLine(
              share(target.target),
              target.year,
              target.status === 'illustrative',
            ),
            above: true,
          },
        ]
      : []),
    ...(target?.baseline
      ? [
          {
            value: target.baseline.value,
            text: labels.charts.baselineLine(share(target.baseline.value), target.baseline.year),
            above: false,
          },
        ]
      : []),
  ];
  const x = { type: 'quantitative' as const, scale: { domain: [0, 1], nice: false }, axis: null };
  const description = [
    labels.pair(labels.charts.progressCurrent, share(current)),
    ...marks.map((mark) => mark.text),
  ].join(labels.listSeparator);
  return {
    title: { text: labels.charts.progressTitle, fontSize: 14, subtitle: '' },
    description: `${description}.`,
    width,
    height: BAR,
    // It sits on the headline's tinted box.
    config: { ...chartConfig(lang, report.currency), background: 'transparent' },
    layer: [
      {
        data: { values: [{ from: 0, to: 1 }] },
        mark: { type: 'bar', color: COLOURS.closer, stroke: COLOURS.closerStroke, strokeWidth: 1 },
        encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' }, y: { value: 0 }, y2: { value: BAR } },
      },
      {
        data: { values: [{ from: 0, to: current, text: share(current) }] },
        mark: { type: 'bar', color: COLOURS.local },
        encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' }, y: { value: 0 }, y2: { value: BAR } },
      },
      // The value at the start of the bar, where no marker can cross it: white on blue when the bar
      // is long enough to hold it, dark on the track otherwise.
      {
        data: { values: [{ at: 0, text: share(current) }] },
        mark: {
          type: 'text',
          align: 'left',
          dx: 8,
          baseline: 'middle',
          fontSize: FONT + 2,
          fontWeight: 'bold',
          color: current >= 0.1 ? 'white' : COLOURS.text,
        },
        encoding: { x: { ...x, field: 'at' }, y: { value: BAR / 2 }, text: { field: 'text' } },
      },
      ...marks.map((mark) => ({
        data: { values: [mark] },
        mark: {
          type: 'rule' as const,
          color: mark.above ? COLOURS.target : COLOURS.baseline,
          strokeWidth: 3,
        },
        encoding: {
          x: { ...x, field: 'value' },
          // The target crosses the bar; the baseline only ticks it from below.
          y: { value: mark.above ? -6 : BAR - 4 },
          y2: { value: mark.above ? BAR : BAR + 8 },
        },
      })),
      ...marks.map((mark) => ({
        data: { values: [mark] },
        mark: {
          type: 'text' as const,
          align: alignAt(mark.value, estimateTextWidth(mark.text, FONT, true), width),
          baseline: mark.above ? ('bottom' as const) : ('top' as const),
          fontSize: FONT,
          fontWeight: 'bold' as const,
          color: mark.above ? COLOURS.target : COLOURS.mutedText,
        },
        encoding: {
          x: { ...x, field: 'value' },
          y: { value: mark.above ? -8 : BAR + 10 },
          text: { field: 'text' },
        },
      })),
    ],
  };
}
