import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../../shared/cli/analyze.ts';
import { summarise } from '../../../shared/cli/summary.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { reportFixture } from './report-fixture.ts';

describe('report.html words', () => {
  it('explains its words right below the headline, in the report’s language', async () => {
    const fr = await renderReportHtml(reportFixture('fr'));
    const glossary = fr.indexOf('data-testid="glossary"');
    expect(glossary).toBeGreaterThan(fr.indexOf('</main>') === -1 ? 0 : fr.indexOf('<main>'));
    // Before the metadata, the contents and every section.
    expect(glossary).toBeLessThan(fr.indexOf('id="s-rings"'));
    const text = fr.slice(glossary, fr.indexOf('</details>', glossary));
    for (const term of ['Influençable', 'Anneaux', 'M57', 'CPV', 'HHI', 'ESS']) expect(text).toContain(term);
    const en = await renderReportHtml(reportFixture('en'));
    expect(en.slice(en.indexOf('data-testid="glossary"'))).toContain('Influenceable');
  });

  it('names exclusion rules by their labels, not their raw ids', async () => {
    const report = reportFixture('fr');
    const html = await renderReportHtml(report);
    for (const rule of report.exclusionRules) {
      expect(html).toContain(rule.label);
      expect(html).not.toContain(`<code>${rule.id}</code>`);
      expect(html).not.toContain(`(${rule.id})`);
    }
  });

  it('writes every amount of its summary tables in whole units', async () => {
    const html = await renderReportHtml({
      ...reportFixture('fr'),
      totals: { ...reportFixture('fr').totals, grants: 0 },
    });
    const totals = html.slice(html.indexOf('id="s-totals"'), html.indexOf('id="s-exclusions"'));
    expect(totals).not.toMatch(/,00\s€/);
  });
});

describe('the CLI summary', () => {
  it('writes pounds as English writes them, never £GB', () => {
    const report = { ...reportFixture('en'), currency: 'GBP' as const };
    const result = {
      facts: [],
      report,
      datasets: [],
      files: [],
      outDir: '/tmp/out',
    } as unknown as AnalyzeResult;
    const printed = summarise(result);
    expect(printed).not.toContain('£GB');
    expect(printed).toMatch(/total £[0-9,]+, influenceable £[0-9,]+,/);
  });
});
