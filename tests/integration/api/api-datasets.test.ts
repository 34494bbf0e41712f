import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbProfileStore } from '../../../shared/adapters/dynamodb-profile-store.ts';
import { dataset, putMeta, SYNTHETIC_PAYMENTS, syntheticSampleCents } from '../helpers.ts';
import {
  type ApiWorld,
  call,
  datasetIds,
  expectProblem,
  FOREIGN,
  OWN,
  startApiWorld,
  uploadThroughApi,
} from './support.ts';

let world: ApiWorld;
let ids: { own: string; foreign: string };

beforeAll(async () => {
  world = await startApiWorld();
  ids = await datasetIds();
});

afterAll(async () => {
  await world.stop();
});

const BAD_IDS = [
  ['not hex', 'zzzzzzzzzzzzzzzzzzzzzzzz'],
  ['too short', 'abc'],
  ['a path', '..%2Fx'],
  ['empty', ''],
];
const UNKNOWN_ID = 'f'.repeat(24);

describe('GET /datasets', () => {
  it('lists the caller’s datasets only, as summaries of the contract', async () => {
    const answer = await call('GET /datasets');
    expect(answer.status).toBe(200);
    expect(answer.body.datasets).toHaveLength(1);
    expect(answer.body.datasets[0]).toMatchObject({
      id: ids.own,
      status: 'INGESTED',
      kind: 'payments',
      acceptedLines: 2401,
      rejectedLines: 1,
      hasRejects: true,
      format: 'fr-payments-csv',
      setAsideLines: 0,
      countedIn: null,
      overlaps: [],
    });
    expect(answer.body.datasets[0].id).not.toBe(ids.foreign);
  });

  it('refuses a user bound to no institution', async () => {
    expectProblem(await call('GET /datasets', { anchor: null }), 403);
  });

  it('pages the list, newest first: the pages put end to end are the whole list, once each', async () => {
    // A second file of the caller's (a copy: read, not counted), so that there is a page to turn.
    const folder = mkdtempSync(join(tmpdir(), 'ancrage-api-'));
    try {
      const copy = join(folder, 'mandats-2025-bis.csv');
      copyFileSync(SYNTHETIC_PAYMENTS, copy);
      await world.harness.pipeline.ingest(await world.harness.pipeline.upload({ path: copy, anchorId: OWN }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const whole = (await call('GET /datasets', { query: { limit: '100' } })).body;
    expect(whole.total).toBeGreaterThanOrEqual(2);
    expect(whole.datasets).toHaveLength(whole.total);
    expect(whole.nextCursor).toBeNull();
    const received = whole.datasets.map((entry: { receivedAt: string }) => entry.receivedAt);
    expect(received).toEqual([...received].sort().reverse());

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '1', ...(cursor ? { cursor } : {}) };
      const { status, body } = await call('GET /datasets', { query });
      expect(status).toBe(200);
      expect(body.datasets).toHaveLength(1);
      expect(body.total).toBe(whole.total);
      seen.push(body.datasets[0].id);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(whole.datasets.map((entry: { id: string }) => entry.id));
    // Another institution's files are in none of the pages.
    expect(seen).not.toContain(ids.foreign);
  });

  it.each([
    ['a limit of 0', { limit: '0' }],
    ['a limit over 100', { limit: '101' }],
    ['a limit that is not a number', { limit: 'all' }],
    ['a cursor that is not an offset', { cursor: 'abc' }],
    ['a cursor too far to be one', { cursor: '1234567' }],
  ])('refuses %s with a 400', async (_label, query) => {
    expectProblem(await call('GET /datasets', { query }), 400);
  });
});

describe('GET /datasets/{id}', () => {
  it('gives the status, the counts and both ways to the rejects', async () => {
    const answer = await call('GET /datasets/{id}', { path: { id: ids.own } });
    expect(answer.status).toBe(200);
    expect(answer.body.dataset).toMatchObject({ status: 'INGESTED', acceptedLines: 2401, rejectedLines: 1 });
    expect(answer.body.rejectsUrl).toContain('X-Amz-Signature');
    expect(answer.body.rejectsPath).toBe(`/datasets/${ids.own}/rejects`);
    expect(answer.body.countedElsewhere).toBeNull();
  });

  it('gives how the file’s money ties out, to the cent, with the counted spend that carries a flag', async () => {
    const { body } = await call('GET /datasets/{id}', { path: { id: ids.own } });
    // The sample's undated line (704) is counted and flagged; the one with no amount (1504) rejected.
    expect(body.reconciliation).toEqual({
      controlCents: body.dataset.amountCents,
      countedCents: body.dataset.amountCents,
      concessionCents: 0,
      setAside: [],
      totalRows: { lines: 0, cents: 0 },
      rejected: { lines: 1, withAmount: 0, cents: 0 },
      flags: [{ flag: 'undated', lines: 1, cents: 12000 }],
      statedTotal: null,
    });
    expect(body.dataset.amountCents).toBe(syntheticSampleCents());
  });

  it('answers 404 for another anchor’s dataset, exactly as for one that does not exist', async () => {
    const foreign = await call('GET /datasets/{id}', { path: { id: ids.foreign } });
    const unknown = await call('GET /datasets/{id}', { path: { id: UNKNOWN_ID } });
    expectProblem(foreign, 404);
    expect(foreign.body).toEqual(unknown.body);
  });

  it.each(BAD_IDS)('refuses an id that is %s with a 400', async (_label, id) => {
    expectProblem(await call('GET /datasets/{id}', { path: { id } }), 400);
  });
});

describe('GET /datasets/{id}/rejects', () => {
  it('downloads the rejects CSV: each line number with its reason', async () => {
    const answer = await call('GET /datasets/{id}/rejects', { path: { id: ids.own } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toContain('.rejects.csv');
    const rows = answer.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(rows[0]).toBe('line;status;reason;amount;content;code;params');
    expect(rows.slice(1).map((row) => row.split(';').slice(0, 4))).toEqual([
      ['1504', 'rejected', 'amount is empty', ''],
    ]);
  });

  it('sends rejects whose answer would pass a function’s 6 MB through the signed link', async () => {
    // 4.2 MB of quoted CSV, as a file of long quoted lines makes it: twice that once JSON-escaped.
    const row = `2;rejected;amount is empty;;"${'""'.repeat(200)}"\r\n`;
    const csv = `line;status;reason;amount;content\r\n${row.repeat(Math.ceil(4.2e6 / row.length))}`;
    const { harness } = world;
    const rejectsKey = (await dataset(harness, ids.own)).rejectsKey ?? '';
    const location = { Bucket: harness.stack.buckets.uploads, Key: rejectsKey };
    const original = await harness.s3.send(new GetObjectCommand(location));
    const originalBody = await original.Body?.transformToByteArray();
    await harness.s3.send(new PutObjectCommand({ ...location, Body: csv }));
    try {
      const answer = await call('GET /datasets/{id}/rejects', { path: { id: ids.own } });
      expect(answer.status).toBe(303);
      expect(answer.headers.location).toContain('X-Amz-Signature');
    } finally {
      await harness.s3.send(new PutObjectCommand({ ...location, Body: originalBody }));
    }
  });

  it('refuses another anchor’s rejects, and bad ids', async () => {
    expectProblem(await call('GET /datasets/{id}/rejects', { path: { id: ids.foreign } }), 404);
    expectProblem(await call('GET /datasets/{id}/rejects', { path: { id: 'nope' } }), 400);
  });
});

describe('GET /datasets/{id}/unmatched-suppliers', () => {
  it('lists the suppliers no registry describes, with their spend, and leaves out the matched ones', async () => {
    const before = await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: ids.own } });
    expect(before.status).toBe(200);
    const { body } = before;
    const dataset = (await call('GET /datasets/{id}', { path: { id: ids.own } })).body.dataset;
    // No registry is loaded: every supplier is unmatched, and their spend is the dataset's.
    expect(body.total).toBe(dataset.suppliers);
    expect(body.amountCents).toBe(dataset.amountCents);
    expect(body.datasetAmountCents).toBe(dataset.amountCents);
    const amounts = body.suppliers.map((supplier: { amountCents: number }) => supplier.amountCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    for (const amount of amounts) expect(Number.isInteger(amount)).toBe(true);

    const [largest] = body.suppliers;
    const profiles = createDynamoDbProfileStore(world.harness.documents, world.harness.stack.tableName);
    await profiles.putFacts([
      {
        kind: 'directory',
        supplierKey: largest.key,
        anchorId: 'anchor-a',
        name: largest.name,
        asOf: '2025-01-01',
      },
    ]);
    const after = (await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: ids.own } })).body;
    expect(after.total).toBe(body.total - 1);
    expect(after.amountCents).toBe(body.amountCents - largest.amountCents);
    expect(after.suppliers.map((supplier: { key: string }) => supplier.key)).not.toContain(largest.key);
  });

  it('pages them largest spend first, equal amounts by name, with the count and amount of them all', async () => {
    const path = { id: ids.own };
    const first = (await call('GET /datasets/{id}/unmatched-suppliers', { path })).body;
    expect(first.total).toBeGreaterThan(25);
    expect(first.suppliers).toHaveLength(25);
    expect(first.nextCursor).toBe('25');

    const listed: { key: string; name: string; amountCents: number }[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '10', ...(cursor ? { cursor } : {}) };
      const { status, body } = await call('GET /datasets/{id}/unmatched-suppliers', { path, query });
      expect(status).toBe(200);
      expect(body.suppliers.length).toBeLessThanOrEqual(10);
      // Every page says the same of them all: how many, and how much.
      expect([body.total, body.amountCents]).toEqual([first.total, first.amountCents]);
      listed.push(...body.suppliers);
      cursor = body.nextCursor;
    } while (cursor);
    expect(listed).toHaveLength(first.total);
    expect(new Set(listed.map((supplier) => supplier.key)).size).toBe(first.total);
    expect(listed.reduce((sum, supplier) => sum + supplier.amountCents, 0)).toBe(first.amountCents);
    expect(listed.slice(0, 25)).toEqual(first.suppliers);
    for (const [before, after] of listed.slice(1).map((supplier, index) => [listed[index], supplier])) {
      if (!before || !after) continue;
      expect(before.amountCents).toBeGreaterThanOrEqual(after.amountCents);
      if (before.amountCents === after.amountCents)
        expect(before.name.localeCompare(after.name, 'fr')).toBeLessThanOrEqual(0);
    }
  });

  it('orders equal amounts by name, whatever their keys', async () => {
    // SYNTHETIC suppliers: SIRETs (their keys) in the reverse order of their names, amounts equal.
    const header =
      'N° mandat;Date mandat;Tiers;SIRET;Code postal;Ville;Pays;Nature;Libellé nature;Montant TTC';
    const row = (number: number, name: string, siret: string, amount: string) =>
      `2025-${number};15/03/2025;${name};${siret};38000;Grenoble;France;611;Contrats de prestations de services;${amount}`;
    const text = `${[
      header,
      row(1, 'Zinguerie Synthétique', '11111111100006', '500,00'),
      row(2, 'Menuiserie Synthétique', '55555555500005', '500,00'),
      row(3, 'Atelier Synthétique', '99999999900009', '500,00'),
      row(4, 'Bureau Synthétique', '', '900,00'),
    ].join('\r\n')}\r\n`;
    const dataset = await uploadThroughApi(
      world.harness,
      { anchor: OWN },
      { fileName: 'egalites.csv', text },
    );
    expect(dataset.status).toBe('INGESTED');
    const { body } = await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: dataset.id } });
    expect(body.suppliers.map((supplier: { name: string }) => supplier.name)).toEqual([
      'Bureau Synthétique',
      'Atelier Synthétique',
      'Menuiserie Synthétique',
      'Zinguerie Synthétique',
    ]);
  });

  it.each([
    ['a limit of 0', { limit: '0' }],
    ['a limit over 100', { limit: '101' }],
    ['a cursor that is not an offset', { cursor: '-1' }],
  ])('refuses %s with a 400', async (_label, query) => {
    expectProblem(
      await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: ids.own }, query }),
      400,
    );
  });

  it('refuses another anchor’s dataset, and bad ids', async () => {
    const unknown = await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: UNKNOWN_ID } });
    const foreign = await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: ids.foreign } });
    expectProblem(foreign, 404);
    // The same answer as for a dataset that does not exist: nothing says the id is someone's.
    expect(foreign.body).toEqual(unknown.body);
    expectProblem(
      await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: ids.own }, anchor: FOREIGN }),
      404,
    );
    expectProblem(await call('GET /datasets/{id}/unmatched-suppliers', { path: { id: 'x' } }), 400);
  });
});

describe('a file read, not counted', () => {
  it('names the file that counts a copy of the same bytes the institution uploads again', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ancrage-api-'));
    try {
      const copy = join(folder, 'copie-mandats-2025.csv');
      copyFileSync(SYNTHETIC_PAYMENTS, copy);
      const [outcome] = await world.harness.pipeline.ingest(
        await world.harness.pipeline.upload({ path: copy, anchorId: OWN }),
      );
      const id = outcome?.dataset.id ?? '';
      const { status, body } = await call('GET /datasets/{id}', { path: { id } });
      expect(status).toBe(200);
      expect(body.dataset).toMatchObject({
        fileName: 'copie-mandats-2025.csv',
        status: 'REJECTED',
        countedIn: ids.own,
      });
      expect(body.countedElsewhere).toEqual({
        reason: 'duplicate',
        datasetId: ids.own,
        fileName: basename(SYNTHETIC_PAYMENTS),
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('counts another institution’s upload of the same bytes as its own, never naming the first', async () => {
    // Both anchors uploaded the sample: each upload's lines count for its own uploader.
    const { body } = await call('GET /datasets/{id}', { path: { id: ids.foreign }, anchor: FOREIGN });
    expect(body.dataset).toMatchObject({ status: 'INGESTED', countedIn: null });
    expect(body.countedElsewhere).toBeNull();
    expect(JSON.stringify(body)).not.toContain(ids.own);
  });
});

describe('a file counted but not yet compared with the others', () => {
  it('is shown in progress until its overlaps are settled: it may still be superseded', async () => {
    const listed: { id: string; status: string }[] = (await call('GET /datasets')).body.datasets;
    const own = listed.find((entry) => entry.status === 'INGESTED')?.id ?? '';
    const record = await dataset(world.harness, own);
    expect(record.overlapsPending).toBeUndefined();
    expect((await call('GET /datasets/{id}', { path: { id: own } })).body.dataset.status).toBe('INGESTED');

    await putMeta(world.harness, { ...record, overlapsPending: true });
    expect((await call('GET /datasets/{id}', { path: { id: own } })).body.dataset.status).toBe('INGESTING');
    await putMeta(world.harness, record);
  });
});

describe('routing', () => {
  it('answers an unknown route with a 404 problem', async () => {
    expectProblem(await call('DELETE /everything'), 404);
  });

  it('answers a malformed event with a 400', async () => {
    const { handler } = await import('../../../functions/api/handler.ts');
    const { localLambdaContext } = await import('../../../shared/local/lambda-context.ts');
    const answer = await handler({ nothing: true }, localLambdaContext('api'));
    expect(answer.statusCode).toBe(400);
  });
});
