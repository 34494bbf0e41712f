import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../shared/domain/report/report-schema.ts';
import { DEFAULT_TERRITORY_ID } from '../../shared/domain/territory/bundled-territories.ts';
import {
  DECP_CONTRACTS,
  type Harness,
  ingestOne,
  invokeReport,
  lineItems,
  paymentsExcerpt,
  publishedReport,
  putUpload,
  readBytes,
  SYNTHETIC_PAYMENTS,
  startHarness,
  sumCents,
} from './helpers.ts';

let harness: Harness;
let paymentsId: string;

beforeAll(async () => {
  harness = await startHarness();
  const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: '21380185500015' });
  const outcome = await ingestOne(location);
  if (outcome.outcome !== 'ingested') throw new Error(`the payments sample was ${outcome.outcome}`);
  paymentsId = outcome.dataset.id;
});

afterAll(async () => {
  await harness?.stop();
});

const cents = (amount: number) => Math.round(amount * 100);

async function listReportFiles(prefix: string): Promise<string[]> {
  const listed = await harness.s3.send(
    new ListObjectsV2Command({ Bucket: harness.stack.buckets.reports, Prefix: prefix }),
  );
  return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key.slice(prefix.length)] : []));
}

const decodeUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The report's figures without the time it was generated, to compare two builds. */
const figures = ({ generatedAt: _generatedAt, ...rest }: Report) => rest;

describe('report handler', () => {
  let payments: Report;

  it('publishes report.json, report.html and the CSV exports to the reports bucket', async () => {
    const outcome = await publishedReport({ kind: 'payments' });
    payments = outcome.report;

    expect(outcome.prefix).toBe(`reports/${DEFAULT_TERRITORY_ID}/consortium/payments/fr/`);
    const stored = await listReportFiles(outcome.prefix);
    expect(stored).toEqual(
      expect.arrayContaining(['report.json', 'report.html', 'suppliers.csv', 'by-ring.csv']),
    );
    expect([...outcome.files].sort()).toEqual([...stored].sort());

    const bucket = harness.stack.buckets.reports;
    const json = ReportSchema.parse(
      JSON.parse(decodeUtf8(await readBytes(harness, bucket, `${outcome.prefix}report.json`))),
    );
    expect(json).toEqual(payments);
    expect(json).toMatchObject({
      kind: 'payments',
      currency: 'EUR',
      territory: { id: DEFAULT_TERRITORY_ID },
    });
    expect(json.datasets.map((entry) => entry.id)).toEqual([paymentsId]);

    const html = decodeUtf8(await readBytes(harness, bucket, `${outcome.prefix}report.html`));
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Grenoble-Alpes Métropole');

    const suppliersCsv = decodeUtf8(await readBytes(harness, bucket, `${outcome.prefix}suppliers.csv`));
    expect(suppliersCsv.startsWith('\uFEFF')).toBe(true);
    const supplierRows = suppliersCsv.split('\r\n').filter((row) => row !== '');
    expect(supplierRows.length).toBeGreaterThanOrEqual(json.totals.suppliers + 1);

    const byRingCsv = decodeUtf8(await readBytes(harness, bucket, `${outcome.prefix}by-ring.csv`));
    expect(byRingCsv.startsWith('\uFEFF')).toBe(true);
    const ringRows = byRingCsv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((row) => row !== '')
      .slice(1);
    expect(ringRows.map((row) => row.split(';')[0])).toEqual(json.byRing.map((band) => band.ring));
  });

  it('totals exactly the cents of the LINE items, and splits the influenceable total by ring', async () => {
    const lines = await lineItems(harness, paymentsId);
    expect(lines).toHaveLength(2401);

    expect(cents(payments.totals.gross)).toBe(sumCents(lines));
    expect(payments.totals.gross).toBeCloseTo(sumCents(lines) / 100, 2);
    expect(payments.totals).toMatchObject({ lines: 2401, rejectedLines: 1 });
    expect(cents(payments.totals.gross)).toBe(
      cents(payments.totals.influenceable) + cents(payments.totals.excluded) + cents(payments.totals.grants),
    );

    const byRing = payments.byRing.reduce((total, band) => total + band.amount, 0);
    expect(Math.abs(byRing - payments.totals.influenceable)).toBeLessThanOrEqual(
      0.01 * payments.byRing.length,
    );
    expect(payments.byRing.reduce((total, band) => total + cents(band.amount), 0)).toBe(
      cents(payments.totals.influenceable),
    );
    expect(payments.byRing.at(-1)?.cumulativeShare).toBeCloseTo(1, 4);
  });

  it('answers a request for an unknown territory with published: false and a reason, writing nothing', async () => {
    const outcome = await invokeReport({ kind: 'payments', territoryId: 'atlantis' });

    expect(outcome.published).toBe(false);
    expect(outcome).toEqual({ published: false, reason: expect.stringContaining('atlantis') });
    expect(await listReportFiles('reports/atlantis/')).toEqual([]);
  });

  it('never mixes kinds: a contracts file ingested too leaves the payments report unchanged', async () => {
    const location = await harness.pipeline.upload({ path: DECP_CONTRACTS, anchorId: 'consortium' });
    const contracts = await ingestOne(location);
    expect(contracts.outcome).toBe('ingested');
    expect(contracts.dataset.kind).toBe('contracts');

    const after = await publishedReport({ kind: 'payments' });

    expect(figures(after.report)).toEqual(figures(payments));
    expect(after.report.datasets.map((entry) => entry.id)).toEqual([paymentsId]);

    const contractsReport = await publishedReport({ kind: 'contracts' });
    expect(contractsReport.prefix).toBe(`reports/${DEFAULT_TERRITORY_ID}/consortium/contracts/fr/`);
    expect(contractsReport.report.kind).toBe('contracts');
    expect(contractsReport.report.datasets.map((entry) => entry.id)).toEqual([contracts.dataset.id]);
    expect(cents(contractsReport.report.totals.gross)).toBe(contracts.dataset.amountCents);
    expect(cents(contractsReport.report.totals.gross)).toBe(
      sumCents(await lineItems(harness, contracts.dataset.id)),
    );
  });

  it('counts a payments file of fewer than 30 lines in the payments report', async () => {
    const before = await publishedReport({ kind: 'payments' });
    const excerpt = paymentsExcerpt('small anchor', 20, 500);
    const location = await putUpload(harness, 'uploads/21380185500015/small.csv', excerpt.text);
    expect((await ingestOne(location)).outcome).toBe('ingested');

    const after = await publishedReport({ kind: 'payments' });

    expect(cents(after.report.totals.gross)).toBe(cents(before.report.totals.gross) + excerpt.cents);
  });
});
