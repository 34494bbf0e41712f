import { localShareTarget, splitTrendPoints } from '../charts/trend-chart.ts';
import { escapeHtml } from '../html-escape.ts';
import { type Fact, figure, renderFacts } from '../html-table.ts';
import type { View } from '../report-view.ts';

function targetFact(view: View): Fact | undefined {
  const { L } = view;
  const target = localShareTarget(view.report);
  if (!target) return undefined;
  const gap =
    target.gap > 0
      ? L.headline.gapToGo(view.points(target.gap))
      : L.headline.targetReached(view.points(-target.gap));
  return {
    term: L.headline.target(view.share(target.target), target.year),
    value: gap,
    notes: target.baseline
      ? [L.headline.baseline(view.share(target.baseline.value), target.baseline.year)]
      : [],
    tone: 'target',
  };
}

/** From the first period to the last: undated spend is no period, so it is neither. */
function trendFact(view: View): Fact | undefined {
  const points = splitTrendPoints(view.report).dated;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return undefined;
  return {
    term: view.L.headline.trend,
    value: view.L.headline.trendFromTo(view.share(first.localShare), view.share(last.localShare)),
    notes: [view.L.headline.trendPeriods(view.period(first.period), view.period(last.period))],
  };
}

function leakageFact(view: View): Fact {
  const { report, L } = view;
  const { nonLocalAmount, topSectors } = report.leakage;
  const influenceable = report.totals.influenceable;
  const biggest = topSectors[0];
  return {
    term: L.headline.leakage,
    value: L.headline.leakageValue(
      view.money(nonLocalAmount),
      view.share(influenceable > 0 ? nonLocalAmount / influenceable : 0),
    ),
    notes: [
      L.headline.leakageNote,
      ...(biggest
        ? [L.headline.biggestLeak(biggest.label || biggest.sector, view.money(biggest.nonLocalAmount))]
        : []),
    ],
    tone: 'leak',
  };
}

function opportunitiesFact(view: View): Fact | undefined {
  const { opportunities } = view.report;
  if (opportunities.length === 0) return undefined;
  const amount = opportunities.reduce((sum, opportunity) => sum + opportunity.nonLocalAmount, 0);
  return {
    term: view.L.headline.opportunities,
    value: view.L.headline.opportunitiesValue(opportunities.length, view.money(amount)),
    notes: [view.L.headline.opportunitiesNote],
    tone: 'opportunity',
  };
}

/**
 * What a reader must see first: the local share in % and €, where it stands against the target and
 * how it moved, how much leaks and where local suppliers already exist.
 */
export function renderHeadline(view: View, progressChart: string | undefined): string {
  const { report, L } = view;
  const { headline, totals } = report;
  const ring = L.quote(view.ringLabel(headline.localRing));
  const key = [targetFact(view), trendFact(view), leakageFact(view), opportunitiesFact(view)].filter(
    (fact): fact is Fact => fact !== undefined,
  );
  const context: Fact[] = [
    { term: L.headline.influenceable, value: view.money(totals.influenceable) },
    {
      term: L.headline.knownLocality,
      value: L.headline.ofInfluenceable(view.share(headline.knownLocalityShare)),
    },
    {
      term: L.headline.headOffice,
      value: `${view.share(headline.headOffice.localShare)} · ${view.money(headline.headOffice.localAmount)}`,
    },
  ];
  return (
    '<section class="headline" aria-labelledby="s-headline">\n' +
    `<h2 id="s-headline">${escapeHtml(L.headline.heading)}</h2>\n` +
    `<p class="lead"><span class="big">${escapeHtml(view.share(headline.localShare))}</span> ` +
    `${escapeHtml(L.headline.localShareLead(ring))}, ` +
    `${escapeHtml(L.headline.localAmount(view.money(headline.localAmount)))}</p>\n` +
    (progressChart ? `${figure(progressChart)}\n` : '') +
    `${renderFacts(key, 'key')}\n` +
    `${renderFacts(context)}\n` +
    '</section>'
  );
}
