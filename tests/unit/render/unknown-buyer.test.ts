import { describe, expect, it } from 'vitest';
import { buyerName, isUnknownBuyer } from '../../../shared/domain/report/buyer-name.ts';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import { CONSORTIUM_UPLOADER } from '../../../shared/domain/territory/consortium.ts';
import { renderCsvExports } from '../../../shared/render/csv-exports.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { scopeText, viewOf } from '../../../shared/render/report-view.ts';
import { reportFixture } from './report-fixture.ts';

const NBSP = '\u00A0';
type Buyer = { id: string; name: string };

/** The lines of a file naming no buyer, uploaded by the consortium administrators (no --anchor). */
const UNKNOWN: Buyer = {
  id: CONSORTIUM_UPLOADER,
  name: buyerName(CONSORTIUM_UPLOADER, undefined, undefined),
};
/** The same, the file giving the buyer's name only (the UK files' "Body Name"). */
const NAMED_BY_FILE: Buyer = {
  id: CONSORTIUM_UPLOADER,
  name: buyerName(CONSORTIUM_UPLOADER, undefined, 'OCC'),
};
/** `--anchor 21380185500015` with no territory name for it. */
const NAMED_BY_OPTION: Buyer = {
  id: '21380185500015',
  name: buyerName('21380185500015', undefined, undefined),
};
const HCL: Buyer = { id: 'hcl', name: buyerName('hcl', 'Hospices Civils de Lyon', 'HCL') };

function reportOf(language: 'fr' | 'en', buyers: readonly Buyer[]): Report {
  const fixture = reportFixture(language);
  const figures = { type: 'unknown', influenceable: 10, localAmount: 1, localShare: 0.1, suppliers: 2 };
  return {
    ...fixture,
    anchors: buyers.map((buyer) => ({ ...buyer, type: 'unknown', amount: 10, lines: 1 })),
    anchorComparison: buyers.map((buyer) => ({ ...buyer, ...figures })),
  };
}

describe('buyerName and isUnknownBuyer', () => {
  it.each<[string, Buyer, boolean]>([
    ['a file naming no buyer, uploaded by the consortium', UNKNOWN, true],
    ['a file naming its buyer by name only', NAMED_BY_FILE, false],
    ['--anchor with an id the territory does not name', NAMED_BY_OPTION, false],
    ['an anchor of the territory', HCL, false],
  ])('%s', (_label, buyer, unknown) => {
    expect(isUnknownBuyer(buyer)).toBe(unknown);
  });

  it('names a buyer by the territory first, then the file, then its id', () => {
    expect(HCL.name).toBe('Hospices Civils de Lyon');
    expect(NAMED_BY_FILE.name).toBe('OCC');
    expect(NAMED_BY_OPTION.name).toBe('21380185500015');
  });
});

describe('the scope of a consortium report', () => {
  it.each<['fr' | 'en', readonly Buyer[], string]>([
    ['fr', [UNKNOWN], `institution d’ancrage non connue${NBSP}: le fichier ne nomme pas son acheteur`],
    ['en', [UNKNOWN], 'anchor institution not known: the file does not name its buyer'],
    ['fr', [NAMED_BY_FILE], 'consortium de 1 institution d’ancrage (OCC)'],
    ['en', [NAMED_BY_OPTION], 'consortium of 1 anchor institution (21380185500015)'],
    [
      'fr',
      [HCL, UNKNOWN],
      'consortium de 1 institution d’ancrage (Hospices Civils de Lyon, acheteur non nommé dans le fichier)',
    ],
    [
      'en',
      [HCL, UNKNOWN],
      'consortium of 1 anchor institution (Hospices Civils de Lyon, buyer not named in the file)',
    ],
  ])('%s, %j → %s', (language, buyers, scope) => {
    expect(scopeText(viewOf(reportOf(language, buyers)))).toBe(scope);
  });

  it('never calls the consortium a buyer in the anchors table or its CSV', async () => {
    const report = reportOf('en', [HCL, UNKNOWN]);
    const html = await renderReportHtml(report);
    expect(html).toContain('<th scope="row">buyer not named in the file</th>');
    const csv = renderCsvExports(report, []).get('anchors.csv') ?? '';
    expect(csv).toContain('consortium,buyer not named in the file,unknown');
    expect(html).not.toMatch(/>consortium</);
  });
});
