import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import { escapeHtml } from '../../../shared/render/html-escape.ts';
import { LABELS } from '../../../shared/render/labels.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { HOSTILE_SOURCE, HOSTILE_SUPPLIER_NAME, reportFixture } from './report-fixture.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** The body of one section, from its opening tag to its end. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe.each(['fr', 'en'] as const)('the local multiplier section (%s)', (lang) => {
  const L = LABELS[lang];

  it('comes right after where the money goes, in the table of contents too', async () => {
    const html = await renderReportHtml(reportFixture(lang));
    const heading = `<h2 id="s-multiplier">${escapeHtml(L.multiplier.heading)}</h2>`;
    expect(html).toContain(heading);
    expect(L.multiplier.heading).toBe(
      lang === 'fr' ? 'Effet multiplicateur local (LM3)' : 'Local multiplier (LM3)',
    );
    const rings = html.indexOf('<section aria-labelledby="s-rings">');
    const multiplier = html.indexOf('<section aria-labelledby="s-multiplier">');
    const types = html.indexOf('<section aria-labelledby="s-types">');
    expect(rings).toBeLessThan(multiplier);
    expect(multiplier).toBeLessThan(types);
    expect(html).toContain(`<a href="#s-multiplier">${escapeHtml(L.multiplier.heading)}</a>`);
  });

  it('states LM3 with its range, the coverage, per unit local and outside, the scenario’s arithmetic', async () => {
    const body = sectionOf(await renderReportHtml(reportFixture(lang)), 's-multiplier');
    const fr = lang === 'fr';
    expect(body).toContain(`<dd>${fr ? '1,80' : '1.80'}</dd>`);
    expect(body).toContain(
      fr ? 'de 1,71 à 1,90 selon les valeurs par défaut' : '1.71 to 1.90 depending on the defaults',
    );
    expect(body).toContain(
      fr ? `23,8${NBSP}% du tour 2 (fournisseurs) couvert par 12 réponses` : '23.8% of round 2',
    );
    expect(body).toContain(fr ? `vaut 1,72${NBSP}€ pour le territoire` : 'is worth €1.72 to the area');
    expect(body).toContain(fr ? `vaut 0,36${NBSP}€` : 'is worth €0.36');
    const steps = fr
      ? [
          `10,0${NBSP}% × 5${NNBSP}190${NNBSP}000,00${NBSP}€ (dépense hors territoire) = 519${NNBSP}000,00${NBSP}€`,
          `1,722 − 0,36 = 1,362`,
          `519${NNBSP}000,00${NBSP}€ × 1,362 = 706${NNBSP}878,00${NBSP}€`,
        ]
      : [
          '10.0% × €5,190,000.00 (spend outside the area) = €519,000.00',
          '1.722 − 0.36 = 1.362',
          '€519,000.00 × 1.362 = €706,878.00',
        ];
    for (const step of steps) expect(body).toContain(escapeHtml(step));
    // The rounds as a chart (wide and narrow), then the same figures in a table.
    expect(body.match(/<svg /g)).toHaveLength(2);
    expect(body).toContain(escapeHtml(L.multiplier.rounds.caption));
    expect(body).toContain(fr ? 'LM3 = (12' : 'LM3 = (€12,000,000');
  });

  it('names the defaults’ sources and says which figures are assumptions', async () => {
    const body = sectionOf(await renderReportHtml(reportFixture(lang)), 's-multiplier');
    expect(body).toContain(escapeHtml(L.multiplier.defaults.sources['nef-northumberland-2005'] ?? ''));
    expect(body).toContain(escapeHtml(L.multiplier.defaults.sources['method-assumption'] ?? ''));
    expect(body).toContain(escapeHtml(L.multiplier.defaults.bases.assumption));
    expect(body).toContain(escapeHtml(L.multiplier.defaults.nefNote(true)));
    expect(body).toContain(escapeHtml(L.multiplier.defaults.nefNote(false)));
    // Each source cited in full once, under the table; the rows name it short.
    const nef = L.multiplier.defaults.sources['nef-northumberland-2005'] ?? '';
    expect(body.split(escapeHtml(nef))).toHaveLength(2);
    expect(
      body.split(`<td>${escapeHtml(L.multiplier.defaults.sourceShort['nef-northumberland-2005'] ?? '')}</td>`)
        .length,
    ).toBeGreaterThan(2);
  });

  it('says where each anchor’s stated inputs come from, by the anchor’s name, under their table', async () => {
    const report = reportFixture(lang);
    const body = sectionOf(await renderReportHtml(report), 's-multiplier');
    for (const stated of report.localMultiplier.stated) {
      const name = report.anchors.find((anchor) => anchor.id === stated.anchorId)?.name ?? '';
      expect(name).not.toBe('');
      expect(body).toContain(`<th scope="row">${escapeHtml(name)}</th>`);
      expect(body).toContain(escapeHtml(stated.source));
    }
  });

  it('says how many answers wait for enough others, and why, only when some do', async () => {
    const fixture = reportFixture(lang);
    const waiting = {
      ...fixture,
      localMultiplier: { ...fixture.localMultiplier, answersWithheld: { local: 2, nonLocal: 0 } },
    };
    const text = escapeHtml(L.multiplier.answersWithheld(2, 3));
    expect(sectionOf(await renderReportHtml(waiting), 's-multiplier')).toContain(text);
    expect(sectionOf(await renderReportHtml(fixture), 's-multiplier')).not.toContain(text);
    expect(L.multiplier.answersWithheld(2, 3)).toMatch(
      lang === 'fr' ? /^2 réponses .* moins de 3 / : /^2 survey answers .* fewer than 3 /,
    );
  });

  it('escapes what a territory file or a supplier brings', async () => {
    const html = await renderReportHtml(reportFixture(lang));
    const body = sectionOf(html, 's-multiplier');
    expect(html).not.toContain(HOSTILE_SOURCE);
    expect(body).toContain(escapeHtml(HOSTILE_SOURCE));
    expect(html).not.toContain(HOSTILE_SUPPLIER_NAME);
    expect(body).not.toMatch(/<(script|b|img)\b/i);
    const territorySource = {
      ...reportFixture(lang).localMultiplier.defaults[0],
      source: '<img src=x onerror=alert(4)>',
    } as Report['localMultiplier']['defaults'][number];
    const report: Report = {
      ...reportFixture(lang),
      localMultiplier: { ...reportFixture(lang).localMultiplier, defaults: [territorySource] },
    };
    const hostile = sectionOf(await renderReportHtml(report), 's-multiplier');
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain(
      escapeHtml(L.multiplier.defaults.territorySource('<img src=x onerror=alert(4)>')),
    );
  });

  it('says why instead of a number when LM3 is not measurable', async () => {
    const fixture = reportFixture(lang);
    const report: Report = {
      ...fixture,
      localMultiplier: {
        ...fixture.localMultiplier,
        reason: 'locality-not-measurable',
        lm3: null,
        scenario: null,
      },
    };
    const body = sectionOf(await renderReportHtml(report), 's-multiplier');
    expect(body).toContain(escapeHtml(L.multiplier.notMeasurable['locality-not-measurable']));
    expect(body).not.toContain('<svg');
    expect(body).not.toContain(`<dt>${escapeHtml(L.multiplier.lm3)}</dt>`);
    expect(body).not.toContain(lang === 'fr' ? '1,80' : '1.80');
    // The assumptions it would rest on are still shown.
    expect(body).toContain(escapeHtml(L.multiplier.defaults.caption));
  });
});
