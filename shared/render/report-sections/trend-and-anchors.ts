import { escapeHtml } from '../html-escape.ts';
import { figure, paragraph, renderTable, section, subheading } from '../html-table.ts';
import type { View } from '../report-view.ts';

/** The gap still to close, or that the target is met; nothing computed from an unmeasurable share. */
function gapText(view: View, gap: number | null): string {
  if (gap === null) return view.L.measurement.notMeasured;
  return gap > 0 ? view.points(gap) : view.L.headline.targetReached(view.points(-gap));
}

function renderTargets(view: View): string {
  const { report, L } = view;
  if (report.targets.length === 0) return paragraph(L.intros.noTarget);
  return renderTable(
    L.captions.targets,
    [
      { label: L.columns.target },
      { label: L.columns.targetStatus },
      { label: L.columns.value, numeric: true },
      { label: L.columns.targetYear, numeric: true },
      { label: L.columns.baseline, numeric: true },
      { label: L.columns.current, numeric: true },
      { label: L.columns.gap, numeric: true },
    ],
    report.targets.map((target) => [
      { text: target.label, rowHeader: true },
      { text: L.measurement.targetStatus[target.status] },
      { text: view.share(target.target), numeric: true },
      { text: String(target.year), numeric: true },
      {
        text: target.baseline
          ? `${view.share(target.baseline.value)} (${target.baseline.year})`
          : L.notStated,
        numeric: true,
      },
      {
        text: target.current === null ? L.measurement.notMeasured : view.share(target.current),
        numeric: true,
      },
      { text: gapText(view, target.gap), numeric: true },
    ]),
    L.noData,
  );
}

/** Trend and targets: the local share over time against the target, the targets' table, context. */
export function renderTrend(view: View, chart: string | undefined): string {
  const { report, L } = view;
  const trend = renderTable(
    L.captions.trend,
    [
      { label: L.columns.period },
      { label: L.columns.influenceable, numeric: true },
      { label: L.columns.localAmount, numeric: true },
      { label: L.columns.localShare, numeric: true },
    ],
    report.trend.points.map((point) => [
      { text: view.period(point.period), rowHeader: true },
      { text: view.money(point.influenceable), numeric: true },
      { text: view.money(point.localAmount), numeric: true },
      { text: view.share(point.localShare), numeric: true },
    ]),
    L.noData,
  );
  const references =
    `<p class="intro">${escapeHtml(L.referencePoints.intro)}</p>\n<ul class="rules">\n` +
    L.referencePoints.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n') +
    '\n</ul>';
  return section(
    's-trend',
    L.sections.trend,
    [
      paragraph(L.intros.trend, 'intro'),
      chart ? figure(chart) : '',
      trend,
      subheading('s-targets', L.sections.targets),
      renderTargets(view),
      subheading('s-reference-points', L.sections.referencePoints),
      references,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/** Each anchor's own figures, side by side; only for a report over several anchors. */
export function renderAnchors(view: View): string {
  const { report, L } = view;
  const table = renderTable(
    L.captions.anchors,
    [
      { label: L.columns.anchor },
      { label: L.columns.anchorType },
      { label: L.columns.influenceable, numeric: true },
      { label: L.columns.localAmount, numeric: true },
      { label: L.columns.localShare, numeric: true },
      { label: L.columns.suppliers, numeric: true },
    ],
    report.anchorComparison.map((anchor) => [
      { text: view.buyer(anchor), rowHeader: true },
      { text: view.anchorType(anchor.type) },
      { text: view.money(anchor.influenceable), numeric: true },
      { text: view.money(anchor.localAmount), numeric: true },
      { text: view.share(anchor.localShare), numeric: true },
      { text: view.int(anchor.suppliers), numeric: true },
    ]),
    L.noData,
  );
  return section('s-anchors', L.sections.anchors, `${paragraph(L.intros.anchors, 'intro')}\n${table}`);
}
