import { describe, expect, it } from 'vitest';
import { renderBarChartSvg } from '../../../shared/render/bar-chart-svg.ts';

const chart = renderBarChartSvg({
  id: 'chart-rings',
  title: 'Spend by area',
  description: 'One bar per area',
  bars: [
    { label: 'Local <b>', value: 0.5, display: '50.0% · €5,000' },
    { label: 'Abroad', value: 0.25, display: '25.0% · €2,500' },
    { label: 'Nothing', value: Number.NaN, display: '—' },
  ],
});

describe('renderBarChartSvg', () => {
  it('is an accessible image labelled by its title and description', () => {
    expect(chart).toMatch(/^<svg [^>]*role="img"/);
    expect(chart).toContain('aria-labelledby="chart-rings-title chart-rings-desc"');
    expect(chart).toContain('<title id="chart-rings-title">Spend by area</title>');
    expect(chart).toContain('<desc id="chart-rings-desc">One bar per area</desc>');
    expect(chart).toContain('viewBox="0 0 800 ');
    expect(chart).not.toContain('http');
  });

  it('draws bars proportional to their value and writes the value after them', () => {
    const widths = [...chart.matchAll(/<rect class="bar" [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([160, 80, 0]);
    expect(chart).toContain('>50.0% · €5,000</text>');
  });

  it('escapes labels', () => {
    expect(chart).toContain('Local &lt;b&gt;');
    expect(chart).not.toContain('<b>');
  });

  it('shortens long labels but keeps the whole one in a tooltip', () => {
    const long = 'A'.repeat(40);
    const svg = renderBarChartSvg({
      id: 'c',
      title: 't',
      description: 'd',
      bars: [{ label: long, value: 1, display: 'x' }],
    });
    expect(svg).toContain(`>${'A'.repeat(29)}…</text>`);
    expect(svg).toContain(`<title>${long} — x</title>`);
  });
});
