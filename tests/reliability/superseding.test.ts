/**
 * DESIGN §8: identical content uploaded twice is recognised and not counted twice; a corrected
 * re-upload for the same anchor and period supersedes the earlier dataset explicitly, whatever order
 * the events come in (see docs/reliability.md, findings 1, 4 and 5).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { datasetIdOf } from '../../shared/use-cases/ingest-dataset.ts';
import { allDatasets, lineItems, rollupItems } from '../integration/helpers.ts';
import { nextSecond } from '../support/next-second.ts';
import { bytesOf, DECP_CONTRACTS, DECP_JSON, oxfordSlice } from './support/fixtures.ts';
import { reportTotals, suiteStack } from './support/suite-stack.ts';

// Oxford's spend is in pounds: the suite runs as an Oxford deployment, its contracts test as Grenoble's.
const { harness, upload, ingested, dataset, inTerritory } = suiteStack({ territoryId: 'oxford' });

/** January's payments of an anchor as the finance system exports them (a slice of Oxford's file). */
const JANUARY = oxfordSlice(0, 80);

describe('identical content under another key', () => {
  it('is recognised, whatever the key or a gzip wrapper, and counted once', async () => {
    const original = await ingested(await upload('uploads/anchor-a/janvier.csv', JANUARY, 'anchor-a'));
    expect(original.status).toBe('INGESTED');
    const before = await reportTotals('payments');
    // S3 keeps upload times to the second, and the earliest upload is the one that counts.
    await nextSecond();
    const copies = [
      await upload('uploads/anchor-a/janvier (1).csv', JANUARY, 'anchor-a'),
      await upload('uploads/anchor-a/export/janvier.csv', JANUARY, 'anchor-a'),
      await upload('uploads/anchor-a/janvier.csv.gz', gzipSync(JANUARY), 'anchor-a'),
    ];
    for (const copy of copies) {
      const duplicate = await ingested(copy);
      expect(duplicate).toMatchObject({
        status: 'REJECTED',
        duplicateOf: original.id,
        contentSha256: original.contentSha256,
      });
      expect(duplicate.message).toContain('not counted twice');
      expect(await rollupItems(harness(), duplicate.id)).toHaveLength(0);
    }
    expect(await reportTotals('payments')).toEqual(before);
    expect(before.grossCents).toBe(original.amountCents);
  });
});

describe('overlapping lines across datasets', () => {
  it('counts two files of one anchor with no line in common side by side (no false duplicate)', async () => {
    const before = await reportTotals('payments');
    const february = await ingested(
      await upload('uploads/anchor-a/fevrier.csv', oxfordSlice(80, 80), 'anchor-a'),
    );
    const march = await ingested(await upload('uploads/anchor-a/mars.csv', oxfordSlice(160, 80), 'anchor-a'));

    expect([february.status, march.status]).toEqual(['INGESTED', 'INGESTED']);
    const after = await reportTotals('payments');
    expect(after.grossCents).toBe(before.grossCents + february.amountCents + march.amountCents);
    expect(after.lines).toBe(before.lines + 160);
  });

  it('counts once the same contracts uploaded as DECP JSON and as its flattened CSV', async () => {
    await inTerritory('grenoble-alpes-metropole', async () => {
      const csv = await ingested(
        await upload('uploads/consortium/decp-2019.csv', bytesOf(DECP_CONTRACTS), 'consortium'),
      );
      const json = await ingested(
        await upload('uploads/consortium/decp-2019.json', bytesOf(DECP_JSON), 'consortium'),
      );
      expect(csv).toMatchObject({ status: 'INGESTED', lines: 191 });
      expect(json.amountCents).toBe(csv.amountCents);
      expect(await dataset(json.id)).toMatchObject({ status: 'SUPERSEDED', supersededBy: csv.id });

      expect((await reportTotals('contracts')).grossCents).toBe(csv.amountCents);
    });
  });
});

describe('a corrected re-upload for the same anchor and period', () => {
  it('supersedes the earlier dataset: the report counts the corrected file only', async () => {
    const original = oxfordSlice(400, 50);
    // The officer fixes one amount and deletes a line the finance system exported twice.
    const lines = original.split('\r\n');
    const corrected = [...lines.slice(0, 10), ...lines.slice(11)].join('\r\n');
    const key = 'uploads/anchor-c/avril.csv';

    const first = await ingested(await upload(key, original, 'anchor-c'));
    expect(await lineItems(harness(), first.id)).toHaveLength(first.lines);
    const before = await reportTotals('payments');
    const second = await ingested(await upload(key, corrected, 'anchor-c'));
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ status: 'INGESTED', periodFrom: first.periodFrom, anchorId: 'anchor-c' });

    const earlier = await dataset(first.id);
    expect(earlier.status).not.toBe('INGESTED');
    expect(earlier.message ?? '').toContain(second.id);
    const after = await reportTotals('payments');
    expect(after.datasets).not.toContain(first.id);
    // Its line files went with it: a query over every line file counts the corrected file only.
    expect(await lineItems(harness(), first.id)).toHaveLength(0);
    expect(await lineItems(harness(), second.id)).toHaveLength(second.lines);
    expect(after.grossCents).toBe(before.grossCents - first.amountCents + second.amountCents);
  });

  it('keeps the newest upload whatever order the events arrive in', async () => {
    const key = 'uploads/anchor-d/mai.csv';
    // The officer corrects the file and uploads it again before the first event was processed.
    const original = oxfordSlice(500, 30);
    const first = await upload(key, original, 'anchor-d');
    const second = await upload(key, oxfordSlice(500, 29), 'anchor-d');
    const corrected = await ingested(second);
    // The first upload's event arrives last and reads its own version of the object (the emulator
    // keeps no versions, so that version is put back and read under the first event's sequencer).
    const replay = await upload(key, original, 'anchor-d');
    const late = await ingested({ ...replay, sequencer: first.sequencer });
    expect(late).toMatchObject({ id: datasetIdOf(first), status: 'INGESTED' });

    const ids = [datasetIdOf(first), datasetIdOf(second)];
    const datasets = (await allDatasets(harness())).filter((entry) => ids.includes(entry.id));
    const statusOf = new Map(datasets.map((entry) => [entry.id, entry.status]));
    expect(statusOf.get(corrected.id)).toBe('INGESTED');
    expect(statusOf.get(datasetIdOf(first))).not.toBe('INGESTED');
    expect(await reportTotals('payments')).toMatchObject({
      datasets: expect.arrayContaining([corrected.id]),
    });
    expect((await reportTotals('payments')).datasets).not.toContain(datasetIdOf(first));
  });
});
