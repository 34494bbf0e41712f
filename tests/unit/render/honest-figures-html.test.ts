import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { reportFixture } from './report-fixture.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

const headlineOf = (html: string): string =>
  html.slice(
    html.indexOf('<section class="headline"'),
    html.indexOf('</section>', html.indexOf('class="headline"')),
  );
const sectionOf = (html: string, id: string): string => {
  const start = html.indexOf(`<section aria-labelledby="${id}"`);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
};

/** The fixture as the real Isère DECP reads without a registry: 0,1 % located, no head office known. */
function unmeasurable(language: 'fr' | 'en'): Report {
  const report = reportFixture(language);
  return {
    ...report,
    headline: {
      ...report.headline,
      localAmount: 10_000,
      localShare: 0.001,
      knownLocalityShare: 0.001,
      measurable: false,
      headOffice: {
        ...report.headline.headOffice,
        localShare: 0,
        localAmount: 0,
        knownLocalityShare: 0,
        measurable: false,
      },
    },
    targets: report.targets.map((target) => ({ ...target, current: null, gap: null })),
    trend: { ...report.trend, method: 'not-measurable', comparison: null },
  };
}

describe('a headline too little located to measure', () => {
  it('says the share cannot be measured yet, with the coverage and what would fix it', async () => {
    const headline = headlineOf(await renderReportHtml(unmeasurable('fr')));
    expect(headline).toContain('<span class="big">Non mesurable pour l’instant</span>');
    expect(headline).toContain(
      `le lieu des fournisseurs n’est connu que pour 0,1${NBSP}% de cette dépense (il en faut au moins 50,0${NBSP}%)`,
    );
    expect(headline).toContain('--registry');
    expect(headline).toContain('--directory');
    expect(headline).not.toContain(`<span class="big">0,1${NBSP}%`);
    // The located local spend is a minimum, said as such.
    expect(headline).toContain('Dépense déjà localisée dans le territoire (un minimum)');
    expect(headline).toContain(`non mesurable (siège connu pour 0,0${NBSP}% de la dépense)`);
  });

  it('computes no points to go, no target reached and no trend from it', async () => {
    const html = await renderReportHtml(unmeasurable('fr'));
    const headline = headlineOf(html);
    expect(headline).not.toContain('à gagner');
    expect(headline).not.toContain('objectif atteint');
    expect(headline).toContain('non mesurable\u00A0: trop peu de dépense localisée');
    expect(headline).not.toContain('Évolution sur la période');
    // No progress bar drawn from an unknown.
    expect(headline).not.toContain('<svg');
    expect(sectionOf(html, 's-trend')).toContain('<td class="num">non mesurable</td>');
  });

  it('says it in English too', async () => {
    const headline = headlineOf(await renderReportHtml(unmeasurable('en')));
    expect(headline).toContain('<span class="big">Not measurable yet</span>');
    expect(headline).toContain('is known for only 0.1% of that spend (at least 50.0% is needed)');
  });

  it('replaces the head-office table of zeros by one sentence when no head office is known', async () => {
    const rings = sectionOf(await renderReportHtml(unmeasurable('fr')), 's-rings');
    expect(rings).toContain(
      '<p class="head-office-unknown">Le siège d’aucun fournisseur n’est connu\u00A0: la part locale selon le siège ne peut pas être mesurée.',
    );
    expect(rings).not.toMatch(/<caption[^>]*>Dépense influençable par territoire, selon le siège/);
    expect(rings.match(/<table>/g)).toHaveLength(1);
  });

  it('still headlines a measurable share', async () => {
    const headline = headlineOf(await renderReportHtml(reportFixture('fr')));
    expect(headline).toContain(`<span class="big">42,1${NBSP}%</span>`);
    expect(headline).not.toContain('Non mesurable');
    expect(sectionOf(await renderReportHtml(reportFixture('fr')), 's-rings').match(/<table>/g)).toHaveLength(
      2,
    );
  });
});

describe('an illustrative target', () => {
  const illustrative = (language: 'fr' | 'en'): Report => {
    const report = reportFixture(language);
    return { ...report, targets: report.targets.map((target) => ({ ...target, status: 'illustrative' })) };
  };

  it('is labelled as such in the headline, the chart and the targets table', async () => {
    const html = await renderReportHtml(illustrative('fr'));
    expect(headlineOf(html)).toContain(`Objectif indicatif${NBSP}: 45,0${NBSP}% en 2026`);
    expect(html).toContain(`Objectif indicatif 2026${NBSP}: 45,0${NBSP}%`);
    const targets = sectionOf(html, 's-trend');
    expect(targets).toContain(
      '<th scope="row">Part locale de la dépense influençable</th><td>objectif indicatif</td>',
    );
    expect(targets).toContain(
      '<th scope="row">Part de l’économie sociale et solidaire</th><td>objectif indicatif</td>',
    );
    expect(headlineOf(await renderReportHtml(illustrative('en')))).toContain(
      'Illustrative target: 45.0% by 2026',
    );
  });

  it('an adopted target is not', async () => {
    const html = await renderReportHtml(reportFixture('fr'));
    expect(headlineOf(html)).toContain(`<dt>Objectif${NBSP}: 45,0${NBSP}% en 2026</dt>`);
    expect(sectionOf(html, 's-trend')).toContain(
      '<th scope="row">Part locale de la dépense influençable</th><td>adopté</td>',
    );
  });
});

describe('to whom', () => {
  it('leads with one social-economy total and the SME share, size unknown beside it', async () => {
    const types = sectionOf(await renderReportHtml(reportFixture('fr')), 's-types');
    expect(types).toContain(
      `<dt>Économie sociale et solidaire (ESS)</dt><dd>8,0${NBSP}% · 800${NNBSP}000${NBSP}€</dd>`,
    );
    expect(types).toContain(
      `<dt>PME et micro-entreprises</dt><dd>37,0${NBSP}% · 3${NNBSP}700${NNBSP}000${NBSP}€</dd>`,
    );
    expect(types).toContain(`taille inconnue${NBSP}: 600${NNBSP}000${NBSP}€ (6,0${NBSP}%)`);
  });

  it('says an SME share is not measurable rather than 0 % when no size is known', async () => {
    const report = reportFixture('en');
    const types = sectionOf(
      await renderReportHtml({
        ...report,
        smallBusinesses: { ...report.smallBusinesses, amount: 0, share: null },
      }),
      's-types',
    );
    expect(types).toContain(
      '<dt>SMEs and micro-enterprises</dt><dd>not measurable: no business’s size is known</dd>',
    );
  });
});

describe('the suppliers to identify first', () => {
  it('captions what is actually unknown about them', async () => {
    const report = reportFixture('fr');
    const mixed = sectionOf(await renderReportHtml(report), 's-unmatched');
    expect(mixed).toContain('leur type, leur localisation ou les deux restent à établir');
    expect(mixed).toContain('<td>type</td>');
    expect(mixed).toContain('<td>localisation</td>');
    const located = sectionOf(
      await renderReportHtml({
        ...report,
        unmatchedSuppliers: report.unmatchedSuppliers.map((s) => ({
          ...s,
          typeKnown: false,
          locationKnown: true,
        })),
      }),
      's-unmatched',
    );
    expect(located).toContain('leur type reste à établir (leur localisation est connue)');
    expect(located).not.toContain('leur localisation restent');
  });
});
