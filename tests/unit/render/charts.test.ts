import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import { COLOURS } from '../../../shared/render/charts/chart-theme.ts';
import { leakageChart } from '../../../shared/render/charts/leakage-chart.ts';
import { renderChartSvg } from '../../../shared/render/charts/render-chart-svg.ts';
import { ringBandsChart } from '../../../shared/render/charts/ring-bands-chart.ts';
import { SECTORS_DRAWN, sectorsChart } from '../../../shared/render/charts/sectors-chart.ts';
import { supplierTypesChart } from '../../../shared/render/charts/supplier-types-chart.ts';
import { targetProgressChart } from '../../../shared/render/charts/target-progress-chart.ts';
import { estimateTextWidth } from '../../../shared/render/charts/text-width.ts';
import { trendChart } from '../../../shared/render/charts/trend-chart.ts';
import { LABELS } from '../../../shared/render/labels.ts';
import { HOSTILE_LEAK_NAME, reportFixture } from './report-fixture.ts';

const NBSP = '\u00A0';
const CHARTS = [
  targetProgressChart,
  ringBandsChart,
  supplierTypesChart,
  sectorsChart,
  leakageChart,
  trendChart,
] as const;

/** The text of every `<text>` element, unescaped as a browser would show it. */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
  );

describe('renderChartSvg', () => {
  it.each(['fr', 'en'] as const)(
    'renders every chart as a labelled, self-contained image (%s)',
    async (lang) => {
      const report = reportFixture(lang);
      for (const chart of CHARTS) {
        const spec = chart(report, LABELS[lang]);
        const svg = await renderChartSvg(spec);
        const title =
          typeof spec.title === 'object' && !Array.isArray(spec.title) ? spec.title.text : spec.title;
        expect(svg).toMatch(
          /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart-svg" role="img" aria-label="[^"]+" width="\d+(\.\d+)?" height="\d+(\.\d+)?" viewBox="[^"]+"><title>[^<]+<\/title><desc>[^<]+<\/desc>/,
        );
        expect(svg).toContain(`<title>${String(title)}</title>`);
        expect(svg.endsWith('</svg>')).toBe(true);
        const tags = svg.match(/<[a-zA-Z][^>]*>/g) ?? [];
        expect(tags.filter((tag) => /xlink|href=|src=/.test(tag))).toEqual([]);
      }
    },
  );

  it('gives the same bytes for the same report (published reports are reproducible)', async () => {
    const report = reportFixture('fr');
    for (const chart of CHARTS) {
      const spec = chart(report, LABELS.fr);
      expect(await renderChartSvg(spec)).toBe(await renderChartSvg(chart(report, LABELS.fr)));
    }
  });

  it('refuses a chart that would fetch something', async () => {
    await expect(
      renderChartSvg({
        title: 'image',
        data: { values: [{ u: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }] },
        mark: { type: 'image', width: 10, height: 10 },
        encoding: { url: { field: 'u', type: 'nominal' } },
      }),
    ).rejects.toThrow('must not reference anything outside the page');
  });

  it('writes data as escaped text, whatever it holds', async () => {
    const svg = await renderChartSvg(leakageChart(reportFixture('en'), LABELS.en));
    expect(svg).not.toContain('<img');
    expect(texts(svg)).toContain(HOSTILE_LEAK_NAME);
  });

  it('keeps a markup-like text intact when stripping Vega’s inner ARIA', async () => {
    const report = reportFixture('en');
    const name = 'Acme role="x" aria-label="y"';
    const svg = await renderChartSvg(
      leakageChart(
        {
          ...report,
          leakage: {
            ...report.leakage,
            topSuppliers: [{ ...report.leakage.topSuppliers[0], name } as never],
          },
        },
        LABELS.en,
      ),
    );
    expect(texts(svg)).toContain(name);
  });
});

describe('charts', () => {
  it('colours the rings: local blue, leaking orange, unknown grey, closer rings light', async () => {
    const svg = await renderChartSvg(ringBandsChart(reportFixture('fr'), LABELS.fr));
    for (const colour of [COLOURS.local, COLOURS.nonLocal, COLOURS.unknown, COLOURS.closer]) {
      expect(svg).toContain(`fill="${colour}"`);
    }
    expect(texts(svg)).toContain(`21,5${NBSP}% · 2${'\u202F'}150${'\u202F'}000${NBSP}€ · cumul 63,6${NBSP}%`);
    expect(texts(svg)).toContain(`Territoire local («${NBSP}Métropole de Lyon${NBSP}»)`);
  });

  it('shows the social economy in green', async () => {
    const svg = await renderChartSvg(supplierTypesChart(reportFixture('en'), LABELS.en));
    expect(svg).toContain(`fill="${COLOURS.socialEconomy}"`);
    const labels = texts(svg);
    // Largest first, unknown last.
    expect(labels.indexOf('Small and medium-sized enterprises (SMEs)')).toBeLessThan(
      labels.indexOf('Large companies'),
    );
    expect(labels.indexOf('Unknown')).toBeGreaterThan(labels.indexOf('Sole traders'));
  });

  it('writes long sector names whole, and groups the smallest sectors beyond ten', async () => {
    const report = reportFixture('fr');
    const svg = await renderChartSvg(sectorsChart(report, LABELS.fr));
    expect(texts(svg)).toContain(
      '606 — Achats non stockés de matières et fournitures (énergie, fournitures)',
    );
    expect(texts(svg).some((text) => text.includes('…'))).toBe(false);
    const many: Report = {
      ...report,
      bySector: [
        ...report.bySector,
        { ...report.bySector[9], sector: '618', label: '618 — Divers' } as Report['bySector'][number],
        { ...report.bySector[9], sector: '626', label: '626 — Frais postaux' } as Report['bySector'][number],
      ],
    };
    const spec = sectorsChart(many, LABELS.fr);
    const grouped = await renderChartSvg(spec);
    expect(texts(grouped)).toContain('Autres secteurs (3)');
    expect(String(spec.description).split(`${NBSP}; `)).toHaveLength(SECTORS_DRAWN);
  });

  it('formats the trend axis in the report’s locale and draws the target only when there is one', async () => {
    const fr = await renderChartSvg(trendChart(reportFixture('fr'), LABELS.fr));
    expect(texts(fr)).toContain(`40${NBSP}%`);
    expect(texts(fr)).toContain(`Objectif 2026${NBSP}: 45,0${NBSP}%`);
    expect(texts(fr)).toContain(`Départ 2022${NBSP}: 38,0${NBSP}%`);
    expect(texts(fr)).toContain('janv. 2024');
    const report = reportFixture('en');
    const en = await renderChartSvg(trendChart({ ...report, targets: [] }, LABELS.en));
    expect(texts(en)).toContain('40%');
    expect(texts(en).some((text) => text.startsWith('Target'))).toBe(false);
    expect(texts(en)).toContain('46.1%');
  });

  it('draws undated spend as a point of its own after the months, never joined to the line', async () => {
    const fr = await renderChartSvg(trendChart(reportFixture('fr'), LABELS.fr));
    expect(texts(fr)).toContain(`non daté${NBSP}: 28,7${NBSP}%`);
    expect(texts(fr)).toContain('non daté');
    // The line still ends in December, with its value.
    expect(texts(fr)).toContain(`46,1${NBSP}%`);
    expect(fr).not.toContain('undated');
    const en = await renderChartSvg(trendChart(reportFixture('en'), LABELS.en));
    expect(texts(en)).toContain('undated: 28.7%');
    expect(en).toMatch(/<desc>[^<]*Dec 2024: 46\.1%; undated: 28\.7%\. Target/);

    const spec = JSON.parse(JSON.stringify(trendChart(reportFixture('en'), LABELS.en))) as {
      layer: { mark: { type: string }; data: { values: { period?: string }[] } }[];
    };
    const line = spec.layer.find((layer) => layer.mark.type === 'line');
    expect(line?.data.values.map((value) => value.period)).toHaveLength(12);
    expect(line?.data.values.map((value) => value.period)).not.toContain('undated');
    const undated = spec.layer.find((layer) => layer.mark.type === 'point');
    expect(undated?.data.values).toEqual([{ period: 'undated', share: 0.2874, text: 'undated: 28.7%' }]);
  });

  it('draws a trend of undated spend alone', async () => {
    const report = reportFixture('fr');
    const svg = await renderChartSvg(
      trendChart(
        {
          ...report,
          trend: {
            granularity: 'month',
            method: 'too-short',
            comparison: null,
            points: [{ period: 'undated', influenceable: 100, localAmount: 50, localShare: 0.5 }],
          },
        },
        LABELS.fr,
      ),
    );
    expect(texts(svg)).toContain(`non daté${NBSP}: 50,0${NBSP}%`);
  });

  it('marks the target and the baseline on the headline bar', async () => {
    const svg = await renderChartSvg(targetProgressChart(reportFixture('en'), LABELS.en));
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['42.1%', 'Target 2026: 45.0%', 'Baseline 2022: 38.0%']),
    );
  });
});

describe('estimateTextWidth', () => {
  it('measures like a wide system font: wider for capitals and bold, accents free', () => {
    expect(estimateTextWidth('', 13)).toBe(0);
    expect(estimateTextWidth('MMM', 13)).toBeGreaterThan(estimateTextWidth('iii', 13));
    expect(estimateTextWidth('abc', 13, true)).toBeGreaterThan(estimateTextWidth('abc', 13));
    expect(estimateTextWidth('Élève', 13)).toBeCloseTo(estimateTextWidth('Eleve', 13));
    // DejaVu Sans sets "Hello world" at 13 px in 72.9 px; never under, never far over.
    expect(estimateTextWidth('Hello world', 13)).toBeGreaterThanOrEqual(72.9);
    expect(estimateTextWidth('Hello world', 13)).toBeLessThan(80);
  });
});
