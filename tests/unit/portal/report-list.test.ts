import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import type { Territory } from '../../../shared/domain/territory/territory.ts';
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

/** The territory the reports are of, and the datasets the caller uploaded (whose buyers may be named). */
function naming(territory: Territory | undefined, uploaded: readonly Pick<DatasetRecord, 'anchors'>[] = []) {
  return {
    territories: { get: () => Promise.resolve(territory) },
    datasets: { listDatasets: () => Promise.resolve(uploaded as DatasetRecord[]) },
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
      { objects, settings, ...naming(undefined) },
      { anchorId: 'hcl', name: 'Officer', consortiumAdministrator: false },
    );
    expect(entries.map((entry) => [entry.kind, entry.localShare, entry.knownLocalityShare])).toEqual([
      ['contracts', null, 0.001],
      ['payments', 0.421, 0.94],
    ]);
  });
});

describe('the name of the caller’s institution in the list of reports', () => {
  const CITY = '21380185500015';
  const grenoble = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
  const caller = { anchorId: CITY, name: 'Agent', consortiumAdministrator: false };
  const ownFolder = `reports/lyon/anchor-${CITY}/payments/fr/`;
  /** The city's report as ingest of its annexe's extract builds it: its one anchor is the annexe's SIRET. */
  const annexeReport: Report = {
    ...reportFixture('fr'),
    scope: { type: 'anchor', anchorId: CITY },
    anchors: [{ id: '21380185500999', name: '21380185500999', type: 'commune', amount: 1_545.6, lines: 2 }],
  };
  /** The anchor name the list gives the caller's own report. */
  const ownReportName = async (objects: ObjectStore, names: ReturnType<typeof naming>) => {
    const entries = await listReports({ objects, settings, ...names }, caller);
    const own = entries.find((entry) => entry.scope.type === 'anchor')?.scope;
    return own?.type === 'anchor' ? { anchorId: own.anchorId, anchorName: own.anchorName } : undefined;
  };

  it('is the territory’s name, whatever buyer id the report’s files gave', async () => {
    const objects = reportsBucket(new Map([[`${ownFolder}report.json`, annexeReport]]));
    expect(await ownReportName(objects, naming(grenoble))).toEqual({
      anchorId: CITY,
      anchorName: 'Ville de Grenoble',
    });
  });

  it('names a report never published, whose build failed, too', async () => {
    const status = {
      ok: false,
      code: 'several-currencies',
      reason: 'x',
      at: '2025-03-01T10:00:00Z',
      methodVersion: '1',
    };
    const objects: ObjectStore = {
      ...reportsBucket(new Map()),
      readText: ({ key }) =>
        Promise.resolve(key === `${ownFolder}status.json` ? JSON.stringify(status) : undefined),
      list: () => Promise.resolve([`${ownFolder}status.json`]),
    };
    expect((await ownReportName(objects, naming(grenoble)))?.anchorName).toBe('Ville de Grenoble');
  });

  it('is the name its own files give as buyer when the territory lists none, and null when only ids are known', async () => {
    const objects = reportsBucket(new Map([[`${ownFolder}report.json`, annexeReport]]));
    const named = naming(undefined, [{ anchors: [{ id: CITY, name: 'VILLE DE GRENOBLE' }] }]);
    expect((await ownReportName(objects, named))?.anchorName).toBe('VILLE DE GRENOBLE');
    expect((await ownReportName(objects, naming(undefined)))?.anchorName).toBeNull();
  });
});
