import { describe, expect, it } from 'vitest';
import {
  METHOD_VERSION,
  REPORT_SCHEMA_VERSION,
  type Report,
} from '../../../shared/domain/report/report-schema.ts';
import { escapeHtml } from '../../../shared/render/html-escape.ts';
import { LABELS } from '../../../shared/render/labels.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import {
  FULL_SHA256,
  HOSTILE_FILE_NAME,
  HOSTILE_LEAK_NAME,
  HOSTILE_SUPPLIER_NAME,
  QUOTED_FILE_NAME,
  reportFixture,
} from './report-fixture.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const SVG_NAMESPACE = 'xmlns="http://www.w3.org/2000/svg"';

const fr = await renderReportHtml(reportFixture('fr'));
const en = await renderReportHtml(reportFixture('en'));

const count = (html: string, needle: string | RegExp): number =>
  typeof needle === 'string' ? html.split(needle).length - 1 : [...html.matchAll(needle)].length;

const tables = (html: string): string[] => [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
/** Every table's scrolling box: whether its name is its table's caption. */
const tableBoxes = (html: string): boolean[] =>
  [
    ...html.matchAll(
      /<div class="table-wrap" role="region" tabindex="0" aria-labelledby="([^"]+)"><table>\n<caption id="([^"]+)">[^<]+</g,
    ),
  ].map((m) => m[1] === m[2]);
/** The charts drawn for a wide column; each is drawn again for a phone (`narrowSvgs`). */
const svgs = (html: string): string[] =>
  [...html.matchAll(/<svg\b[^>]*class="chart-svg chart-wide"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
const narrowSvgs = (html: string): string[] =>
  [...html.matchAll(/<svg\b[^>]*class="chart-svg chart-narrow"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
/** Every start tag, attributes included: text content (where escaped data lives) is left out. */
const startTags = (html: string): string[] => [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
/** The SVG text of a chart, as a reader sees it. */
const svgText = (svg: string): string =>
  [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '').join(' | ');
/** The section with this id, up to the next one. */
const sectionOf = (html: string, id: string): string => {
  const start = html.indexOf(`<section aria-labelledby="${id}"`);
  expect(start).toBeGreaterThan(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
};

describe.each([
  ['fr', fr],
  ['en', en],
] as const)('renderReportHtml (%s)', (lang, html) => {
  const L = LABELS[lang];

  it('is a complete page in the report language', () => {
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('@media print');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has one h1 with the title and territory', () => {
    expect(count(html, '<h1')).toBe(1);
    const territory = lang === 'fr' ? 'Métropole de Lyon' : 'Lyon Metropolis';
    expect(html).toContain(`<h1>${L.title} — ${territory}</h1>`);
  });

  it('shows kind, period, scope and both versions', () => {
    expect(html).toContain(escapeHtml(L.kind.payments));
    expect(html).toContain(
      lang === 'fr' ? 'du 1 janvier 2024 au 31 décembre 2024' : '1 January 2024 to 31 December 2024',
    );
    expect(html).toContain(
      lang === 'fr' ? 'consortium de 2 institutions d’ancrage' : 'consortium of 2 anchor institutions',
    );
    expect(html).toContain('Hospices Civils de Lyon');
    expect(html).toContain(`<dd>${METHOD_VERSION}</dd>`);
    expect(html).toContain(`<dd>${REPORT_SCHEMA_VERSION}</dd>`);
  });

  it('has every section heading, in the order a reader asks', () => {
    const headings = [
      L.headline.heading,
      L.sections.rings,
      L.sections.multiplier,
      L.multiplier.defaults.heading,
      L.multiplier.stated.heading,
      L.sections.types,
      L.sections.cooperatives,
      L.sections.sectors,
      L.sections.leakage,
      L.sections.leakageSectors,
      L.sections.opportunities,
      L.sections.trend,
      L.sections.targets,
      L.sections.referencePoints,
      L.sections.anchors,
      L.sections.topSuppliers,
      L.sections.concentration,
      L.sections.totals,
      L.sections.exclusions,
      L.sections.coverage,
      L.sections.largestLines,
      L.sections.reconciliation,
      L.sections.unmatched,
      L.sections.datasets,
      L.sections.method,
    ].map((h) => html.indexOf(`>${escapeHtml(h)}</h`));
    expect(headings.every((at) => at > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
  });

  it('links every section from the table of contents, inside the page only', () => {
    const hrefs = startTags(html)
      .map((tag) => /\shref="([^"]*)"/.exec(tag)?.[1])
      .filter((href) => href !== undefined);
    expect(hrefs.length).toBe(13);
    for (const href of hrefs) {
      expect(href).toMatch(/^#[a-z-]+$/);
      expect(html).toContain(`id="${href.slice(1)}"`);
    }
  });

  it('gives every table a caption and column headers', () => {
    const all = tables(html);
    // 23 (the multiplier's rounds, defaults and stated inputs among them), and the reconciliation's:
    // all files, each of the two files, the files not counted.
    expect(all).toHaveLength(27);
    for (const table of all) {
      expect(table).toMatch(/^<table>\n<caption id="[^"]+">[^<]+<\/caption>/);
      expect(table).toContain('<th scope="col"');
      expect(table).not.toMatch(/<th>/);
    }
    // Each in a box a keyboard can focus to scroll it, named after its own caption.
    expect(tableBoxes(html)).toEqual(all.map(() => true));
  });

  it('draws seven charts, each an image with an accessible name and a text description', () => {
    const charts = svgs(html);
    expect(charts).toHaveLength(7);
    for (const svg of charts) {
      const open = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
      expect(open).toContain('role="img"');
      expect(open).toMatch(/aria-label="[^"]{5,}"/);
      expect(svg).toMatch(/^<svg [^>]*><title>[^<]{5,}<\/title><desc>[^<]{20,}<\/desc>/);
      expect(open).toMatch(/viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
      // Drawn: bars (paths) and text, in the page's own fonts.
      expect(count(svg, '<path')).toBeGreaterThan(1);
      expect(svg).toContain('font-family="system-ui');
      // Vega's own (English) ARIA inside the image is gone: the image speaks the report's language.
      expect(count(svg, /\s(role|aria-[a-z]+)=/g)).toBe(2);
    }
  });

  it('draws each chart again for a phone: the same image, narrower, right after the wide one', () => {
    const wide = svgs(html);
    const narrow = narrowSvgs(html);
    expect(narrow).toHaveLength(wide.length);
    const widthOf = (svg: string) => Number(/^<svg [^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    narrow.forEach((svg, i) => {
      const name = /aria-label="([^"]+)"/.exec(svg)?.[1];
      expect(name).toBe(/aria-label="([^"]+)"/.exec(wide[i] ?? '')?.[1]);
      expect(html.indexOf(svg)).toBe(html.indexOf(wide[i] ?? '') + (wide[i] ?? '').length);
      // About a phone's column (366 px at 390 px): shown near its own size, its text stays legible.
      expect(widthOf(svg)).toBeLessThanOrEqual(360);
      expect(widthOf(wide[i] ?? '')).toBeGreaterThan(700);
    });
  });

  it('follows every section chart with its data table', () => {
    for (const id of ['s-rings', 's-multiplier', 's-types', 's-sectors', 's-leakage', 's-trend']) {
      const body = sectionOf(html, id);
      const chart = body.indexOf('</figure>');
      expect(chart).toBeGreaterThan(0);
      expect(body.slice(chart).trimStart()).toMatch(
        /^<\/figure>\n<div class="table-wrap" role="region" tabindex="0" aria-labelledby="[^"]+"><table>\n<caption id="[^"]+">/,
      );
    }
  });

  it('describes each chart with its figures', () => {
    const [progress, rings, multiplier, types, sectors, leakage, trend] = svgs(html);
    const share = lang === 'fr' ? `42,1${NBSP}%` : '42.1%';
    expect(progress).toContain(share);
    expect(rings).toMatch(new RegExp(`<desc>[^<]*${share}`));
    expect(svgText(rings ?? '')).toContain(lang === 'fr' ? `cumul 63,6${NBSP}%` : 'cumulative 63.6%');
    expect(multiplier).toMatch(
      lang === 'fr' ? /<desc>Montant de chaque tour\. Tour 1/ : /<desc>Each round’s amount\. Round 1/,
    );
    expect(svgText(multiplier ?? '')).toContain(
      lang === 'fr' ? `12${NNBSP}000${NNBSP}000${NBSP}€` : '€12,000,000',
    );
    expect(svgText(types ?? '')).toContain(
      lang === 'fr' ? `4,5${NBSP}% · 450${NNBSP}000${NBSP}€` : '4.5% · €450,000',
    );
    expect(svgText(sectors ?? '')).toContain(lang === 'fr' ? `47,9${NBSP}% local` : '47.9% local');
    expect(svgText(leakage ?? '')).toContain(
      lang === 'fr' ? `820${NNBSP}000${NBSP}€ · France` : '€820,000 · France',
    );
    // The trend's axis is formatted by Vega in the report's locale; the target is drawn.
    expect(svgText(trend ?? '')).toContain(lang === 'fr' ? `40${NBSP}%` : '40%');
    expect(svgText(trend ?? '')).toContain(
      lang === 'fr' ? `Objectif 2026${NBSP}: 45,0${NBSP}%` : 'Target 2026: 45.0%',
    );
  });

  it('escapes every report value, in tables and in charts', () => {
    for (const name of [HOSTILE_SUPPLIER_NAME, HOSTILE_LEAK_NAME]) {
      expect(html).not.toContain(name);
      expect(html).toContain(`<th scope="row">${escapeHtml(name)}</th>`);
    }
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Fils');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // The leaking supplier's name is drawn in the leakage chart, as text.
    expect(svgText(svgs(html)[5] ?? '')).toContain('&lt;img src=x onerror=alert(1)&gt; Mobilier &amp; "Cie"');
    expect(html).toContain('mandats &quot;quotes&quot; 2024.csv');
    expect(html).not.toContain(QUOTED_FILE_NAME);
    // A file read but not counted: its name in a row header, its id as the tooltip.
    expect(html).not.toContain(HOSTILE_FILE_NAME);
    expect(html).toContain(
      '<th scope="row"><span title="ds-metropole-2024-copie">&lt;img src=x onerror=alert(2)&gt;copie &amp; &quot;mandats&quot;.csv</span></th>',
    );
    const caption = escapeHtml(L.reconciliation.oneFile(L.quote(QUOTED_FILE_NAME)));
    expect(html).toMatch(
      new RegExp(`<caption id="[^"]+">${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</caption>`),
    );
  });

  it('fetches nothing: no URL but the SVG namespace, no src, no script or event handler', () => {
    expect(count(html, SVG_NAMESPACE)).toBe(14);
    expect(html.replaceAll(SVG_NAMESPACE, '')).not.toMatch(/https?:\/\//);
    for (const tag of startTags(html)) {
      expect(tag).not.toMatch(/\ssrc=|\son[a-z]+=|\sxlink:href=|\sstyle=/i);
      expect(tag).not.toMatch(/url\((?!#)/);
      const href = /\shref="([^"]*)"/.exec(tag)?.[1];
      if (href !== undefined) expect(href.startsWith('#')).toBe(true);
    }
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|image|use|foreignObject)\b/i);
    expect(html).not.toContain('@import');
    expect(html).not.toContain('@font-face');
  });

  it('abbreviates the dataset fingerprint and keeps it whole in a title', () => {
    expect(html).toContain(`<code title="${FULL_SHA256}">${FULL_SHA256.slice(0, 12)}</code>`);
  });

  it('lists the exclusion rules by their labels', () => {
    expect(html).toContain('<li>Transferts entre budgets publics — ');
    expect(html).not.toContain('<code>intra-public-transfers</code>');
  });

  it('explains the method in the footer', () => {
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain(lang === 'fr' ? 'dépense influençable' : 'influenceable spend');
    expect(footer).toContain(lang === 'fr' ? 'jamais devinée' : 'never guessed');
    expect(footer).toContain(lang === 'fr' ? 'jamais additionnés' : 'never added together');
  });
});

describe('renderReportHtml figures', () => {
  it('shows the headline share and amount in French', () => {
    expect(fr).toContain(`<span class="big">42,1${NBSP}%</span>`);
    expect(fr).toContain(`«${NBSP}Métropole de Lyon${NBSP}»`);
    expect(fr).toContain(`4${NNBSP}210${NNBSP}000${NBSP}€`);
    expect(fr).toContain(`94,0${NBSP}% de la dépense influençable`);
    expect(fr).toContain(`10${NNBSP}000${NNBSP}000${NBSP}€`);
  });

  it('shows the headline share and amount in English', () => {
    expect(en).toContain('<span class="big">42.1%</span>');
    expect(en).toContain('“Lyon Metropolis”');
    expect(en).toContain('that is €4,210,000.');
    expect(en).toContain('94.0% of influenceable spend');
  });

  it('puts the target, the trend, the leak and the opportunities in the headline', () => {
    const headline = fr.slice(fr.indexOf('<section class="headline"'), fr.indexOf('</section>'));
    expect(headline).toContain(`Objectif${NBSP}: 45,0${NBSP}% en 2026`);
    expect(headline).toContain(`encore 2,9${NBSP}points à gagner`);
    expect(headline).toContain(`point de départ 2022${NBSP}: 38,0${NBSP}%`);
    // The first quarter against the last, each pooled, with the months' range: never month against month.
    expect(headline).toContain(`de 39,3${NBSP}% à 44,8${NBSP}%`);
    expect(headline).toContain(
      'premier trimestre avec dépense (janv. 2024 – mars 2024) comparé au dernier (oct. 2024 – déc. 2024), chacun cumulé',
    );
    expect(headline).toContain(`d’un mois à l’autre, la part varie entre 38,6${NBSP}% et 46,1${NBSP}%`);
    expect(headline).toContain(`5${NNBSP}190${NNBSP}000${NBSP}€ · 51,9${NBSP}%`);
    expect(headline).toContain('606 — Achats non stockés');
    expect(headline).toContain(`6 secteurs · 4${NNBSP}370${NNBSP}000${NBSP}€`);
    const enHeadline = en.slice(en.indexOf('<section class="headline"'), en.indexOf('</section>'));
    expect(enHeadline).toContain('Target: 45.0% by 2026');
    expect(enHeadline).toContain('2.9 percentage points still to go');
  });

  it('shows sectors, leakage, opportunities, trend, targets, anchors and data quality', () => {
    const sectors = sectionOf(fr, 's-sectors');
    expect(sectors).toContain('les comptes par nature de la nomenclature M57');
    expect(sectors).toContain(
      `<th scope="row">611 — Contrats de prestations de services</th><td class="num">2${NNBSP}400${NNBSP}000${NBSP}€</td>`,
    );
    expect(sectors).toContain(`47,9${NBSP}%`);
    const leakage = sectionOf(fr, 's-leakage');
    expect(leakage).toContain('<th scope="row">Groupe Énergies Nationales SA</th>');
    expect(leakage).toContain(`23,1${NBSP}%`);
    expect(leakage).toContain('Énergies Citoyennes Rhodaniennes SCIC<br>Fournitures Bureau Croix-Rousse');
    expect(leakage).toContain('<td class="num">63</td>');
    const trend = sectionOf(fr, 's-trend');
    expect(trend).toContain('<th scope="row">déc. 2024</th>');
    // Undated spend is its own period, last, labelled in the report's language.
    expect(trend).toMatch(
      new RegExp(
        `<th scope="row">non daté</th><td class="num">4${NNBSP}350${NBSP}€</td><td class="num">1${NNBSP}250${NBSP}€</td><td class="num">28,7${NBSP}%</td></tr>\n</tbody>`,
      ),
    );
    expect(sectionOf(en, 's-trend')).toContain('<th scope="row">undated</th>');
    expect(fr).not.toContain('>undated<');
    expect(trend).toContain(`38,0${NBSP}% (2022)`);
    expect(trend).toContain(`4,0${NBSP}points`);
    expect(trend).toContain('Preston');
    const anchors = sectionOf(fr, 's-anchors');
    expect(anchors).toContain('<td>Intercommunalité</td>');
    expect(anchors).toContain(`45,7${NBSP}%`);
    const top = sectionOf(fr, 's-top-suppliers');
    expect(top).toContain(`44,8${NBSP}%`);
    expect(top).toContain('<dd>305</dd>');
    expect(top).toContain('peu concentrée');
    const coverage = sectionOf(fr, 's-coverage');
    expect(coverage).toContain(
      '<th scope="row">Lignes mises de côté (versions antérieures, doublons, lignes de total)</th><td class="num">7</td>',
    );
    expect(coverage).toContain('<th scope="row"><span title="registry">Répertoire SIRENE</span></th>');
    expect(coverage).toContain(`<td class="num">96${NNBSP}000${NBSP}€</td>`);
  });

  it('labels rings and types of top suppliers from the report, falling back to the dictionary', async () => {
    expect(fr).toContain('<td>Auvergne-Rhône-Alpes</td><td>Auvergne-Rhône-Alpes</td><td>Petites et moyennes');
    const report: Report = {
      ...reportFixture('en'),
      byRing: [],
      byRingHeadOffice: [],
      bySupplierType: [],
      topSuppliers: [
        {
          key: 'vat:DE123456789',
          name: 'Fournitures du Monde GmbH',
          amount: 120_000,
          share: 0.012,
          lines: 6,
          ring: 'abroad',
          headOfficeRing: 'unknown',
          type: 'large',
        },
      ],
    };
    const html = await renderReportHtml(report);
    expect(html).toContain('<td>Abroad</td><td>Unknown</td><td>Large companies</td>');
    expect(html).toContain('No data');
  });

  it('names a single anchor and an open period, without an anchors section', async () => {
    const report: Report = {
      ...reportFixture('fr'),
      scope: { type: 'anchor', anchorId: 'hcl' },
      period: { from: '2024-07-01', to: null },
      anchorComparison: reportFixture('fr').anchorComparison.slice(1),
    };
    const html = await renderReportHtml(report);
    expect(html).toContain(`institution d’ancrage${NBSP}: Hospices Civils de Lyon`);
    expect(html).toContain('à partir du 1 juillet 2024');
    expect(html).not.toContain('s-anchors');
    expect(html).not.toContain(LABELS.fr.sections.anchors);
  });

  it('draws the trend alone when no local-share target is set, and says so', async () => {
    const report: Report = {
      ...reportFixture('en'),
      targets: reportFixture('en').targets.filter((target) => target.metric !== 'local-share'),
    };
    const html = await renderReportHtml(report);
    const trend = svgs(html)[6] ?? '';
    expect(svgText(trend)).not.toContain('Target');
    expect(count(trend, '<path')).toBeGreaterThan(1);
    expect(html).not.toContain('still to go');
    const none = await renderReportHtml({ ...report, targets: [] });
    expect(none).toContain(LABELS.en.intros.noTarget);
  });

  it('leaves out the charts with nothing to draw, and their tables say so', async () => {
    const report: Report = {
      ...reportFixture('fr'),
      sectorScheme: 'none',
      bySector: [],
      leakage: { nonLocalAmount: 0, topSuppliers: [], topSectors: [] },
      opportunities: [],
      trend: { granularity: 'year', method: 'too-short', comparison: null, points: [] },
    };
    const html = await renderReportHtml(report);
    expect(svgs(html)).toHaveLength(4);
    expect(sectionOf(html, 's-sectors')).toContain('<td colspan="6">Aucune donnée</td>');
    expect(sectionOf(html, 's-leakage')).not.toContain('<figure');
    expect(sectionOf(html, 's-trend')).not.toContain('<figure');
    expect(html).not.toContain('Là où des fournisseurs locaux existent déjà');
  });

  it('draws a yearly trend with one label per year', async () => {
    const report: Report = {
      ...reportFixture('en'),
      trend: {
        granularity: 'year',
        method: 'first-last-twelve-months',
        comparison: {
          months: 36,
          from: { start: '2022-01', end: '2022-12', localShare: 0.38 },
          to: { start: '2024-01', end: '2024-12', localShare: 0.421 },
          monthlyRange: { min: 0.31, max: 0.5 },
        },
        points: [
          { period: '2022', influenceable: 9_000_000, localAmount: 3_420_000, localShare: 0.38 },
          { period: '2023', influenceable: 9_500_000, localAmount: 3_800_000, localShare: 0.4 },
          { period: '2024', influenceable: 10_000_000, localAmount: 4_210_000, localShare: 0.421 },
          { period: 'undated', influenceable: 50_000, localAmount: 5_000, localShare: 0.1 },
        ],
      },
    };
    const html = await renderReportHtml(report);
    const text = svgText(svgs(html)[6] ?? '');
    for (const year of ['2022', '2023', '2024']) expect(text).toContain(year);
    expect(text).toContain('undated: 10.0%');
    // The first twelve months against the last twelve, named as such; undated spend is in neither.
    expect(html).toContain('from 38.0% to 42.1%');
    expect(html).toContain(
      'first twelve months with spend (Jan 2022 – Dec 2022) against the last twelve (Jan 2024 – Dec 2024), each pooled',
    );
    expect(html).toContain('month to month, the share moves between 31.0% and 50.0%');
  });
});
