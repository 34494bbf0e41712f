import {
  type Column,
  type Fact,
  figure,
  paragraph,
  renderFacts,
  renderTable,
  section,
  subheading,
} from '../html-table.ts';
import type { View } from '../report-view.ts';

type RingBands = View['report']['byRing'];

function ringTable(view: View, caption: string, bands: RingBands): string {
  const { L } = view;
  const columns: Column[] = [
    { label: L.columns.ring },
    { label: L.columns.amount, numeric: true },
    { label: L.columns.share, numeric: true },
    { label: L.columns.cumulativeShare, numeric: true },
    { label: L.columns.suppliers, numeric: true },
  ];
  return renderTable(
    caption,
    columns,
    bands.map((entry) => [
      { text: view.ringLabel(entry.ring), rowHeader: true },
      { text: view.money(entry.amount), numeric: true },
      { text: view.share(entry.share), numeric: true },
      { text: view.share(entry.cumulativeShare), numeric: true },
      { text: view.int(entry.suppliers), numeric: true },
    ]),
    L.noData,
  );
}

/** Where the money goes: rings by the delivering establishment (chart + table), then by head office. */
export function renderRings(view: View, chart: string | undefined): string {
  const { report, L } = view;
  const unknown = L.headline.unknownAndAmbiguous(
    view.money(report.headline.unknownAmount),
    view.money(report.headline.ambiguousAmount),
  );
  return section(
    's-rings',
    L.sections.rings,
    [
      paragraph(L.intros.rings, 'intro'),
      chart ? figure(chart) : '',
      ringTable(view, L.captions.rings, report.byRing),
      paragraph(unknown),
      paragraph(L.intros.headOffice, 'intro'),
      // A table of zeros would read as "nothing local"; no head office known is said in words.
      report.headline.headOffice.knownLocalityShare > 0
        ? ringTable(view, L.captions.ringsHeadOffice, report.byRingHeadOffice)
        : paragraph(L.measurement.headOfficeUnknown, 'head-office-unknown'),
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

/**
 * The two figures a community-wealth-building reader leads with: one social-economy total, and the
 * small-business share with the spend of unknown size beside it (never counted as not small).
 */
function toWhomFacts(view: View): string {
  const { report, L } = view;
  const { socialEconomy, smallBusinesses } = report;
  const typeUnknown = report.coverage.supplierType.knownShare < 1;
  const facts: Fact[] = [
    {
      term: L.toWhom.socialEconomy,
      value: `${view.share(socialEconomy.share)} · ${view.money(socialEconomy.amount)}`,
      notes: [
        L.toWhom.socialEconomyNote(socialEconomy.suppliers),
        ...(typeUnknown
          ? [L.toWhom.typeUnknown(view.share(1 - report.coverage.supplierType.knownShare))]
          : []),
      ],
    },
    {
      term: L.toWhom.smallBusinesses,
      value:
        smallBusinesses.share === null
          ? L.toWhom.sizeNotKnown
          : `${view.share(smallBusinesses.share)} · ${view.money(smallBusinesses.amount)}`,
      notes: [
        L.toWhom.smallBusinessesNote,
        L.toWhom.sizeUnknown(
          view.money(smallBusinesses.sizeUnknownAmount),
          view.share(smallBusinesses.sizeUnknownShare),
        ),
      ],
    },
  ];
  return renderFacts(facts, 'key');
}

/** To whom: the ESS and small-business figures, supplier types (chart + table), then every cooperative paid. */
export function renderTypes(view: View, chart: string | undefined): string {
  const { report, L } = view;
  const types = renderTable(
    L.captions.types,
    [
      { label: L.columns.supplierType },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.suppliers, numeric: true },
    ],
    report.bySupplierType.map((entry) => [
      { text: view.typeLabel(entry.type), rowHeader: true },
      { text: view.money(entry.amount), numeric: true },
      { text: view.share(entry.share), numeric: true },
      { text: view.int(entry.suppliers), numeric: true },
    ]),
    L.noData,
  );
  const cooperatives = renderTable(
    L.captions.cooperatives,
    [
      { label: L.columns.name },
      { label: L.columns.detail },
      { label: L.columns.amount, numeric: true },
      { label: L.columns.share, numeric: true },
      { label: L.columns.ring },
    ],
    report.cooperatives.map((cooperative) => [
      { text: cooperative.name, rowHeader: true },
      { text: (cooperative.detail ?? '').toUpperCase() },
      { text: view.money(cooperative.amount), numeric: true },
      { text: view.share(cooperative.share), numeric: true },
      { text: view.ringLabel(cooperative.ring) },
    ]),
    L.noData,
  );
  return section(
    's-types',
    L.sections.types,
    [
      paragraph(L.intros.types, 'intro'),
      toWhomFacts(view),
      chart ? figure(chart) : '',
      types,
      subheading('s-cooperatives', L.sections.cooperatives),
      cooperatives,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
