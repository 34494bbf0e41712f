import { localShareTarget } from '../charts/trend-chart.ts';
import { escapeHtml } from '../html-escape.ts';
import { type Fact, figure, renderFacts } from '../html-table.ts';
import type { View } from '../report-view.ts';

function targetFact(view: View): Fact | undefined {
  const { L } = view;
  const target = localShareTarget(view.report);
  if (!target) return undefined;
  const gap =
    target.gap === null
      ? L.measurement.targetNotMeasurable
      : target.gap > 0
        ? L.headline.gapToGo(view.points(target.gap))
        : L.headline.targetReached(view.points(-target.gap));
  return {
    term: L.headline.target(view.share(target.target), target.year, target.status === 'illustrative'),
    value: gap,
    notes: target.baseline
      ? [L.headline.baseline(view.share(target.baseline.value), target.baseline.year)]
      : [],
    tone: 'target',
  };
}

/**
 * The trend as the report computed it: pooled windows at the start and the end, named, with the
 * months' range beside them; nothing from a series too short or a share not measurable.
 */
function trendFact(view: View): Fact | undefined {
  const { method, comparison } = view.report.trend;
  if (method === 'too-short' || method === 'not-measurable' || !comparison) return undefined;
  const window = ({ start, end }: { start: string; end: string }) =>
    start === end ? view.period(start) : `${view.period(start)} – ${view.period(end)}`;
  const { L } = view;
  return {
    term: L.headline.trend,
    value: L.headline.trendFromTo(
      view.share(comparison.from.localShare),
      view.share(comparison.to.localShare),
    ),
    notes: [
      L.measurement.trendMethods[method](window(comparison.from), window(comparison.to)),
      L.measurement.monthlyRange(
        view.share(comparison.monthlyRange.min),
        view.share(comparison.monthlyRange.max),
      ),
    ],
  };
}

/** The figure itself, or, when too little spend is located, why it cannot be given and what would fix it. */
function lead(view: View): string {
  const { report, L } = view;
  const { headline } = report;
  const ring = L.quote(view.ringLabel(headline.localRing));
  if (headline.measurable) {
    return (
      `<p class="lead"><span class="big">${escapeHtml(view.share(headline.localShare))}</span> ` +
      `${escapeHtml(L.headline.localShareLead(ring))}, ` +
      `${escapeHtml(L.headline.localAmount(view.money(headline.localAmount)))}</p>`
    );
  }
  const known = view.share(headline.knownLocalityShare);
  return (
    `<p class="lead not-measurable"><span class="big">${escapeHtml(L.measurement.notMeasurable)}</span> ` +
    `${escapeHtml(L.measurement.notMeasurableLead(ring, known, view.share(headline.minimumKnownShare)))}</p>\n` +
    `<p class="how-to-fix">${escapeHtml(L.measurement.howToFix)}</p>`
  );
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
  const key = [targetFact(view), trendFact(view), leakageFact(view), opportunitiesFact(view)].filter(
    (fact): fact is Fact => fact !== undefined,
  );
  const context: Fact[] = [
    { term: L.headline.influenceable, value: view.money(totals.influenceable) },
    {
      term: L.headline.knownLocality,
      value: L.headline.ofInfluenceable(view.share(headline.knownLocalityShare)),
    },
    ...(headline.measurable
      ? []
      : [{ term: L.measurement.locatedLocal, value: view.money(headline.localAmount) }]),
    {
      term: L.headline.headOffice,
      value: headline.headOffice.measurable
        ? `${view.share(headline.headOffice.localShare)} · ${view.money(headline.headOffice.localAmount)}`
        : L.measurement.headOfficeNotMeasurable(view.share(headline.headOffice.knownLocalityShare)),
    },
  ];
  return (
    '<section class="headline" aria-labelledby="s-headline">\n' +
    `<h2 id="s-headline">${escapeHtml(L.headline.heading)}</h2>\n` +
    `${lead(view)}\n` +
    (progressChart ? `${figure(progressChart)}\n` : '') +
    `${renderFacts(key, 'key')}\n` +
    `${renderFacts(context)}\n` +
    '</section>'
  );
}
