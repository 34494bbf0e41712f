import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import type { ObjectStore } from '../../../shared/ports/object-store.ts';
import { listReports } from '../../../shared/use-cases/portal-reports.ts';
import { reportFixture } from '../render/report-fixture.ts';

const BUCKET = 'reports-bucket';

/** The reports bucket as a map of keys to texts: `listReports` only lists and reads. */
function reportsBucket(reports: ReadonlyMap<string, Report>): ObjectStore {
  const texts = new Map([...reports].map(([key, report]) => [key, JSON.stringify(report)]));
  return {
    open: () => Promise.reject(new Error('not read as a stream')),
    put: () => Promise.reject(new Error('read only')),
    readText: ({ key }) => Promise.resolve(texts.get(key)),
    list: (_bucket, prefix) => Promise.resolve([...texts.keys()].filter((key) => key.startsWith(prefix))),
  };
}

const settings = {
  uploadsBucket: 'uploads',
  reportsBucket: BUCKET,
  territoryId: 'lyon',
  reportsBaseUrl: '/reports/',
  maxUploadBytes: 1,
  uploadExpirySeconds: 60,
};

describe('the portal’s list of reports', () => {
  it('sends no local share for a report too little located to measure it, and its coverage instead', async () => {
    const measured = reportFixture('fr');
    const unmeasured: Report = {
      ...reportFixture('fr'),
      kind: 'contracts',
      headline: { ...measured.headline, localShare: 0, knownLocalityShare: 0.001, measurable: false },
    };
    const objects = reportsBucket(
      new Map([
        ['reports/lyon/consortium/payments/fr/report.json', measured],
        ['reports/lyon/consortium/contracts/fr/report.json', unmeasured],
      ]),
    );
    const entries = await listReports(
      { objects, settings },
      { anchorId: 'hcl', name: 'Officer', consortiumAdministrator: false },
    );
    expect(entries.map((entry) => [entry.kind, entry.localShare, entry.knownLocalityShare])).toEqual([
      ['contracts', null, 0.001],
      ['payments', 0.421, 0.94],
    ]);
  });
});
