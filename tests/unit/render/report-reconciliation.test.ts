import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import { escapeHtml } from '../../../shared/render/html-escape.ts';
import { LABELS } from '../../../shared/render/labels.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { HOSTILE_FILE_NAME, QUOTED_FILE_NAME, reportFixture } from './report-fixture.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** An amount as the report writes it to the cent, from its English spelling: `10,878,269.18`. */
const money = (lang: 'fr' | 'en', english: string): string =>
  lang === 'fr' ? `${english.replaceAll(',', NNBSP).replace('.', ',')}${NBSP}€` : `€${english}`;
const count = (lang: 'fr' | 'en', english: string): string =>
  lang === 'fr' ? english.replaceAll(',', NNBSP) : english;

/** The table with this caption, as rows of cell texts (markup inside a cell left out, escapes kept). */
function tableRows(html: string, caption: string): string[][] {
  const text = escapeHtml(caption).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = html.search(new RegExp(`<caption id="[^"]+">${text}</caption>`));
  expect(at, caption).toBeGreaterThan(0);
  const table = html.slice(at, html.indexOf('</table>', at));
  const body = table.slice(table.indexOf('<tbody>'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      (cell[1] ?? '').replace(/<[^>]+>/g, ''),
    ),
  );
}

const html = {
  fr: await renderReportHtml(reportFixture('fr')),
  en: await renderReportHtml(reportFixture('en')),
};

describe.each(['fr', 'en'] as const)('the reconciliation in the HTML report (%s)', (lang) => {
  const L = LABELS[lang];
  const R = L.reconciliation;
  const page = html[lang];
  const report = reportFixture(lang);
  const flagLabel = (flag: string) =>
    report.dataQuality.reconciliation.flags.find((f) => f.flag === flag)?.label ?? '';
  const duplicateLabel = report.dataQuality.reconciliation.setAside[0]?.label ?? '';
  const e = escapeHtml;

  it('sits in the data-quality section, after its intro', () => {
    const coverage = page.slice(page.indexOf('<section aria-labelledby="s-coverage"'));
    const heading = coverage.indexOf(`<h3 id="s-reconciliation">${e(L.sections.reconciliation)}</h3>`);
    expect(heading).toBeGreaterThan(0);
    expect(heading).toBeLessThan(coverage.indexOf('</section>'));
    expect(coverage).toContain(`<p class="intro">${e(R.intro)}</p>`);
  });

  it('ties out all the files to the cent', () => {
    expect(tableRows(page, R.allFiles)).toEqual([
      [e(R.control), '', money(lang, '10,878,269.18')],
      [e(R.counted), count(lang, '12,300'), money(lang, '10,850,000.00')],
      [e(R.setAside(duplicateLabel)), '6', money(lang, '4,812.40')],
      [e(R.rejected('9')), '17', money(lang, '23,456.78')],
      [e(R.totalRows), '1', money(lang, '6,301,250.00')],
      [e(R.flagged(flagLabel('invalid-identifier'))), '31', money(lang, '84,210.55')],
      [e(R.flagged(flagLabel('undated'))), '5', money(lang, '4,350.25')],
      [e(R.flagged(flagLabel('re-decoded'))), '2', money(lang, '980.10')],
    ]);
  });

  it('ties out each file, with its own total and how far the lines counted are from it', () => {
    const metropole = tableRows(page, R.oneFile(L.quote(QUOTED_FILE_NAME)));
    expect(metropole.map((row) => row[2])).toEqual([
      money(lang, '6,328,269.18'),
      money(lang, '6,300,000.00'),
      money(lang, '4,812.40'),
      money(lang, '23,456.78'),
      money(lang, '6,301,250.00'),
      money(lang, '6,301,250.00'),
      money(lang, '1,250.00'),
      money(lang, '84,210.55'),
      money(lang, '3,150.25'),
      money(lang, '980.10'),
    ]);
    expect(metropole[5]?.[0]).toBe(e(R.statedTotal('8215')));
    expect(metropole[6]?.[0]).toBe(e(R.disagrees));
    expect(metropole[6]?.[0]).toContain(lang === 'fr' ? 'ne concorde pas' : 'does not agree');
    expect(tableRows(page, R.oneFile(L.quote('depenses-hcl-2024.csv')))).toEqual([
      [e(R.control), '', money(lang, '4,550,000.00')],
      [e(R.counted), count(lang, '4,100'), money(lang, '4,550,000.00')],
      [e(R.rejected('0')), '3', money(lang, '0.00')],
      [e(R.totalRows), '0', money(lang, '0.00')],
      [e(R.flagged(flagLabel('undated'))), '1', money(lang, '1,200.00')],
    ]);
  });

  it('names each file read but not counted, why, and the file that counts its spend', () => {
    expect(tableRows(page, R.notCounted)).toEqual([
      [
        e(HOSTILE_FILE_NAME),
        e(R.notCountedReasons.duplicate),
        e(QUOTED_FILE_NAME),
        money(lang, '6,300,000.00'),
      ],
      [
        'depenses-hcl-2024-semestre-1.csv',
        e(R.notCountedReasons.superseded),
        'depenses-hcl-2024.csv',
        money(lang, '2,210,430.15'),
      ],
    ]);
  });

  it('gives the spend counted without a readable date', () => {
    expect(tableRows(page, L.captions.dataQuality)).toContainEqual([
      e(L.dataQuality.undatedAmount),
      money(lang, '4,350.25'),
    ]);
  });
});

describe('the reconciliation in words', () => {
  it('says what each figure is, in French and in English', () => {
    expect(html.fr).toContain('Total de contrôle (chaque montant lu sur une ligne de dépense)');
    expect(html.fr).toContain('Lignes rejetées, dont 9 avec un montant lisible');
    expect(html.fr).toContain(`Total indiqué par le fichier (ligne 8215)`);
    expect(html.fr).toContain('même fichier déposé deux fois');
    expect(html.en).toContain('Control total (every amount read on a line of spend)');
    expect(html.en).toContain('Rejected lines, 9 of them with a readable amount');
    expect(html.en).toContain('Total stated by the file (line 8215)');
    expect(html.en).toContain('same file uploaded twice');
  });
});

describe('the reconciliation, other cases', () => {
  const base = reportFixture('en');
  const L = LABELS.en;
  const [metropole, hcl] = base.datasets;
  const reconciled = metropole?.reconciliation;
  if (!metropole || !reconciled || !hcl) throw new Error('the fixture has two reconciled datasets');

  it('says a stated total agrees, shows concessions when there are any, and every file counted', async () => {
    const report: Report = {
      ...base,
      datasets: [
        {
          ...metropole,
          reconciliation: {
            ...reconciled,
            concessions: 1_500_000.5,
            control: 7_828_269.68,
            statedTotal: { line: 12, amount: 6_300_000, agrees: true },
          },
        },
        hcl,
      ],
      dataQuality: { ...base.dataQuality, datasetsNotCounted: [] },
    };
    const page = await renderReportHtml(report);
    const rows = tableRows(page, L.reconciliation.oneFile(L.quote(QUOTED_FILE_NAME)));
    expect(rows).toContainEqual([escapeHtml(L.reconciliation.concessions), '', '€1,500,000.50']);
    expect(rows).toContainEqual([escapeHtml(L.reconciliation.agrees), '', '€0.00']);
    expect(L.reconciliation.agrees).toContain('agrees');
    // The sum of all files has no concessions: no row for them.
    expect(tableRows(page, L.reconciliation.allFiles).map((row) => row[0])).not.toContain(
      L.reconciliation.concessions,
    );
    expect(page).toContain(`<p>${L.reconciliation.allCounted}</p>`);
    expect(page).not.toContain(L.reconciliation.notCounted);
  });

  it('leaves out the table of a file read before reconciliations were kept', async () => {
    const { reconciliation: _kept, ...older } = hcl;
    const page = await renderReportHtml({ ...base, datasets: [metropole, older] });
    expect(page).toContain(escapeHtml(L.reconciliation.oneFile(L.quote(QUOTED_FILE_NAME))));
    expect(page).not.toContain(L.reconciliation.oneFile(L.quote('depenses-hcl-2024.csv')));
    expect(tableRows(page, L.reconciliation.allFiles)[0]?.[2]).toBe('€10,878,269.18');
  });
});
