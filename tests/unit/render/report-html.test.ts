import { describe, expect, it } from 'vitest';
import { METHOD_VERSION, type Report } from '../../../shared/domain/report/report-schema.ts';
import { escapeHtml } from '../../../shared/render/html-escape.ts';
import { LABELS } from '../../../shared/render/labels.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { FULL_SHA256, HOSTILE_SUPPLIER_NAME, QUOTED_FILE_NAME, reportFixture } from './report-fixture.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

const fr = renderReportHtml(reportFixture('fr'));
const en = renderReportHtml(reportFixture('en'));

const count = (html: string, needle: string | RegExp): number =>
  typeof needle === 'string' ? html.split(needle).length - 1 : [...html.matchAll(needle)].length;

const tables = (html: string): string[] => [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);

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
    expect(html).toContain('<dd>1.0.0</dd>');
  });

  it('has every section heading, in order', () => {
    const headings = [
      L.headline.heading,
      L.sections.rings,
      L.sections.types,
      L.sections.topSuppliers,
      L.sections.totals,
      L.sections.exclusions,
      L.sections.coverage,
      L.sections.datasets,
      L.sections.method,
    ].map((h) => html.indexOf(`>${escapeHtml(h)}</h`));
    expect(headings.every((at) => at > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
  });

  it('gives every table a caption and column headers', () => {
    const all = tables(html);
    expect(all).toHaveLength(10);
    for (const table of all) {
      expect(table).toMatch(/^<table>\n<caption>[^<]+<\/caption>/);
      expect(table).toContain('<th scope="col"');
      expect(table).not.toMatch(/<th>/);
    }
  });

  it('draws two accessible charts', () => {
    expect(
      count(html, /<svg [^>]*role="img" aria-labelledby="chart-(rings|types)-title chart-\1-desc"/g),
    ).toBe(2);
    expect(html).toContain('<title id="chart-rings-title">');
    expect(html).toContain('<desc id="chart-types-desc">');
  });

  it('escapes every report value', () => {
    expect(html).toContain(escapeHtml(HOSTILE_SUPPLIER_NAME));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Fils');
    expect(html).not.toContain('<script');
    expect(html).not.toContain(HOSTILE_SUPPLIER_NAME);
    expect(html).toContain('mandats &quot;quotes&quot; 2024.csv');
    expect(html).not.toContain(QUOTED_FILE_NAME);
  });

  it('fetches nothing', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toContain('src=');
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/);
    expect(html).not.toContain('url(');
    expect(html).not.toContain('@import');
  });

  it('abbreviates the dataset fingerprint and keeps it whole in a title', () => {
    expect(html).toContain(`<code title="${FULL_SHA256}">${FULL_SHA256.slice(0, 12)}</code>`);
  });

  it('lists the exclusion rules', () => {
    expect(html).toContain('Transferts entre budgets publics (<code>intra-public-transfers</code>)');
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

  it('labels rings and types of top suppliers from the report, falling back to the dictionary', () => {
    expect(fr).toContain('<td>Étranger</td><td>Grandes entreprises</td>');
    const report: Report = {
      ...reportFixture('en'),
      byRing: [],
      bySupplierType: [],
    };
    const html = renderReportHtml(report);
    expect(html).toContain('<td>Abroad</td><td>Large companies</td>');
    expect(html).toContain('<td>Unknown</td><td>Unknown</td>');
    expect(html).toContain('No data');
  });

  it('names a single anchor and an open period', () => {
    const report: Report = {
      ...reportFixture('fr'),
      scope: { type: 'anchor', anchorId: 'hcl' },
      period: { from: '2024-07-01', to: null },
    };
    const html = renderReportHtml(report);
    expect(html).toContain(`institution d’ancrage${NBSP}: Hospices Civils de Lyon`);
    expect(html).toContain('à partir du 1 juillet 2024');
  });
});
