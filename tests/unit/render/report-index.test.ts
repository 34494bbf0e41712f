import { describe, expect, it } from 'vitest';
import { type ReportIndexEntry, renderReportIndex, reportHref } from '../../../shared/render/report-index.ts';

const NBSP = '\u00A0';

type Overrides = Partial<Omit<ReportIndexEntry, 'localShare'>> & { localShare?: number };

const entry = (overrides: Overrides = {}): ReportIndexEntry => ({
  prefix: 'reports/grenoble-alpes-metropole/consortium/payments/fr/',
  territory: 'Grenoble-Alpes Métropole',
  scope: 'consortium',
  kind: 'payments',
  language: 'fr',
  period: { from: '2024-01-01', to: '2024-12-31' },
  generatedAt: '2025-03-01T10:15:00Z',
  localShare: 0.421,
  ...overrides,
});

const ENTRIES: ReportIndexEntry[] = [
  entry({
    prefix: 'reports/grenoble-alpes-metropole/anchor-21380185500015/payments/fr/',
    scope: 'Ville de Grenoble',
    localShare: 0.38,
  }),
  entry({ period: { from: '2023-01-01', to: '2023-12-31' }, localShare: 0.395 }),
  entry(),
  entry({ prefix: 'reports/grenoble-alpes-metropole/consortium/payments/en/', language: 'en' }),
  entry({
    prefix: 'reports/oxford/consortium/payments/en/',
    territory: 'Oxford',
    language: 'en',
    kind: 'contracts',
    period: { from: null, to: null },
    localShare: 0.46,
  }),
];

const links = (html: string): string[] => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('renderReportIndex', () => {
  const fr = renderReportIndex(ENTRIES, 'fr');

  it('is a self-contained page in the chosen language', () => {
    expect(fr.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(fr).toContain('<h1>Rapports de dépense locale</h1>');
    expect(fr).not.toMatch(/https?:\/\//);
    expect(fr).not.toMatch(/<(script|img|link|iframe)\b/);
    expect(renderReportIndex(ENTRIES, 'en')).toContain('<html lang="en">');
  });

  it('links every report relatively, consortium first and the latest period first', () => {
    expect(links(fr)).toEqual([
      'reports/grenoble-alpes-metropole/consortium/payments/en/report.html',
      'reports/grenoble-alpes-metropole/consortium/payments/fr/report.html',
      'reports/grenoble-alpes-metropole/consortium/payments/fr/report.html',
      'reports/grenoble-alpes-metropole/anchor-21380185500015/payments/fr/report.html',
      'reports/oxford/consortium/payments/en/report.html',
    ]);
    const grenoble = fr.indexOf('du 1 janvier 2024 au 31 décembre 2024');
    expect(grenoble).toBeGreaterThan(0);
    expect(grenoble).toBeLessThan(fr.indexOf('du 1 janvier 2023 au 31 décembre 2023'));
  });

  it('groups reports by territory, one captioned table each', () => {
    expect(fr.indexOf('<h2 id="territory-1">Grenoble-Alpes Métropole</h2>')).toBeLessThan(
      fr.indexOf('<h2 id="territory-2">Oxford</h2>'),
    );
    expect(fr).toMatch(/<caption id="[^"]+">Rapports publiés pour Oxford<\/caption>/);
    expect([...fr.matchAll(/<th scope="col"/g)]).toHaveLength(12);
  });

  it('writes scope, kind, period, language, local share and date in the page’s language', () => {
    expect(fr).toContain('Consortium (toutes les institutions)');
    expect(fr).toContain('>Ville de Grenoble<');
    expect(fr).toContain('<td>Paiements (mandats)</td>');
    expect(fr).toContain('<td>Marchés notifiés</td>');
    expect(fr).toContain('<td>non précisée</td>');
    expect(fr).toContain('<td>Anglais</td>');
    expect(fr).toContain(`<td class="num">42,1${NBSP}%</td>`);
    expect(fr).toContain('1 mars 2025 à 10:15 UTC');
  });

  it('gives each link a name that says which report it opens', () => {
    expect(fr).toContain(
      `hreflang="en">Consortium (toutes les institutions)<span class="visually-hidden"> — Paiements (mandats), du 1 janvier 2024 au 31 décembre 2024, Anglais</span></a>`,
    );
  });

  it('escapes every value and encodes the link path', () => {
    const html = renderReportIndex(
      [
        entry({
          territory: '<script>x</script>',
          scope: 'A & "B"',
          prefix: 'reports/t/anchor-a b#1?/payments/fr/',
        }),
      ],
      'en',
    );
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('A &amp; &quot;B&quot;');
    expect(links(html)).toEqual(['reports/t/anchor-a%20b%231%3F/payments/fr/report.html']);
  });

  it('says a share too little located to measure is not measurable, with its coverage, never 0 %', () => {
    const unmeasurable: ReportIndexEntry = { ...entry(), localShare: null, knownLocalityShare: 0.001 };
    const frHtml = renderReportIndex([unmeasurable], 'fr');
    expect(frHtml).toContain(`<td class="num">non mesurable (localisation connue pour 0,1${NBSP}%)</td>`);
    expect(frHtml).not.toContain(`0,0${NBSP}%`);
    expect(renderReportIndex([unmeasurable], 'en')).toContain(
      '<td class="num">not measurable (location known for 0.1%)</td>',
    );
  });

  it('says when nothing is published', () => {
    expect(renderReportIndex([], 'en')).toContain('<p>No report published yet.</p>');
  });
});

describe('reportHref', () => {
  it.each([
    'https://evil.example/',
    'javascript:alert(1)//',
    '//evil.example/',
    '/reports/x/',
    'reports/../../etc/',
    'reports\\x\\',
  ])('refuses %s', (prefix) => {
    expect(() => reportHref(prefix)).toThrow('relative path inside the bucket');
  });

  it('links a prefix to its report', () => {
    expect(reportHref('reports/lyon/consortium/payments/fr/')).toBe(
      'reports/lyon/consortium/payments/fr/report.html',
    );
    expect(reportHref('')).toBe('report.html');
  });
});
