import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupplierLine } from '../../../shared/contracts/portal-api.ts';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../../../shared/contracts/roles.ts';
import { paymentsExcerpt, putUpload, SYNTHETIC_PAYMENTS } from '../helpers.ts';
import {
  type ApiWorld,
  type CallOptions,
  call,
  datasetIds,
  expectProblem,
  FOREIGN,
  startApiWorld,
} from './support.ts';

/**
 * The lines behind a supplier's figure, through the API handler on the embedded stack: read back from
 * the line files ingest wrote for the synthetic sample, and checked against the sample itself.
 */

const BOULANGERIE = 'name:boulangerie du cours berriat@38000';
const TIERS = 'Boulangerie du Cours Berriat';
const ADMINISTRATOR = `[${CONSORTIUM_ADMINISTRATORS_GROUP}]`;

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world.stop();
});

/** "5 932,93" → 593293, by string handling alone. */
function cents(amount: string): number {
  const compact = amount.replace(/[\s\u00A0\u202F]/g, '');
  const [units = '', fraction = ''] = compact.replace(/^-/, '').split(',');
  return (compact.startsWith('-') ? -1 : 1) * (Number(units) * 100 + Number(fraction.padEnd(2, '0')));
}

/**
 * The sample's lines paying the supplier, read without Ancrage's code: line number in the file →
 * cents. The sample is `;`-separated with no quoted cell, its header on line 3.
 */
function sampleLinesOf(tiers: string): Map<number, number> {
  const rows = readFileSync(SYNTHETIC_PAYMENTS, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  const found = new Map<number, number>();
  rows.forEach((row, index) => {
    const cells = row.split(';');
    if (index >= 3 && cells[2] === tiers && cells[9]) found.set(index + 1, cents(cells[9]));
  });
  return found;
}

const linesOf = (key: string, options: CallOptions = {}) =>
  call('GET /suppliers/{key}/lines', { path: { key: encodeURIComponent(key) }, ...options });

/** Every page from the first, following `nextCursor`: the lines in order, and each page's size. */
async function allPages(
  key: string,
  query: Record<string, string>,
  options: CallOptions = {},
): Promise<{ lines: SupplierLine[]; sizes: number[] }> {
  const lines: SupplierLine[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const answer = await linesOf(key, { ...options, query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(answer.status).toBe(200);
    lines.push(...answer.body.lines);
    sizes.push(answer.body.lines.length);
    cursor = answer.body.nextCursor;
  } while (cursor && sizes.length < 50);
  return { lines, sizes };
}

describe('GET /suppliers/{key}/lines', () => {
  it('lists exactly the supplier’s lines of the file, each once across the pages, with their amounts', async () => {
    const expected = sampleLinesOf(TIERS);
    expect(expected.size).toBe(169);
    const { lines, sizes } = await allPages(BOULANGERIE, { limit: '50' });
    expect(sizes).toEqual([50, 50, 50, 19]);
    const numbers = lines.map((line) => line.lineNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual([...expected.keys()]);
    for (const line of lines)
      expect(line.amountCents, `line ${line.lineNumber}`).toBe(expected.get(line.lineNumber));

    const { own } = await datasetIds();
    const sum = [...expected.values()].reduce((total, amount) => total + amount, 0);
    const first = await linesOf(BOULANGERIE);
    expect(first.body.total).toBe(169);
    expect(first.body.datasets).toEqual([
      expect.objectContaining({
        id: own,
        lines: 169,
        amountCents: sum,
        currency: 'EUR',
        consortiumWide: false,
      }),
    ]);
    // The figure the supplier's page shows is the sum of the lines behind it.
    const detail = await call('GET /suppliers/{key}', { path: { key: encodeURIComponent(BOULANGERIE) } });
    expect(detail.body.asInFiles.amountCents).toBe(sum);
    for (const line of lines) {
      expect(line).toMatchObject({
        datasetId: own,
        fileName: basename(SYNTHETIC_PAYMENTS),
        currency: 'EUR',
        supplierName: TIERS,
        concession: false,
      });
    }
  });

  it('gives a line counted undated as undated, with its flag, its number in the file and its category', async () => {
    const { lines } = await allPages(BOULANGERIE, { limit: '200' });
    const undated = lines.find((line) => line.lineNumber === 704);
    expect(undated).toMatchObject({ date: null, amountCents: 12_000, categoryCode: '60623' });
    expect(undated?.flags).toContain('undated');
    const dated = lines.find((line) => line.lineNumber === 11);
    expect(dated).toMatchObject({
      date: '2025-05-20',
      amountCents: 8_972,
      reference: '2025-00008',
      flags: [],
    });
  });

  it('pages by 50 unless asked otherwise, and refuses a page of more than 200 lines or of none', async () => {
    const first = await linesOf(BOULANGERIE);
    expect(first.body.lines).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expectProblem(await linesOf(BOULANGERIE, { query: { limit: '201' } }), 400);
    expectProblem(await linesOf(BOULANGERIE, { query: { limit: '0' } }), 400);
  });

  it('refuses a cursor that is not one, and a cursor of a file the caller does not see', async () => {
    expectProblem(await linesOf(BOULANGERIE, { query: { cursor: 'abc' } }), 400);
    expectProblem(
      await linesOf(BOULANGERIE, { query: { cursor: Buffer.from('x:1').toString('base64url') } }),
      400,
    );
    const foreignCursor = (await linesOf(BOULANGERIE, { anchor: FOREIGN, query: { limit: '10' } })).body
      .nextCursor;
    expectProblem(await linesOf(BOULANGERIE, { query: { cursor: foreignCursor } }), 400);
  });

  it('lists one file’s lines with ?dataset=, and answers 404 for another institution’s file', async () => {
    const { own, foreign } = await datasetIds();
    const { lines } = await allPages(BOULANGERIE, { dataset: own, limit: '100' });
    expect(lines).toHaveLength(169);
    expectProblem(await linesOf(BOULANGERIE, { query: { dataset: foreign } }), 404);
    expectProblem(await linesOf(BOULANGERIE, { query: { dataset: 'not-a-dataset' } }), 400);
  });

  it('never shows another institution’s lines: its own file only, or 404 when it pays no such supplier', async () => {
    const { own, foreign } = await datasetIds();
    const theirs = await allPages(BOULANGERIE, { limit: '200' }, { anchor: FOREIGN });
    expect(new Set(theirs.lines.map((line) => line.datasetId))).toEqual(new Set([foreign]));
    expect(theirs.lines.map((line) => line.datasetId)).not.toContain(own);
    expectProblem(await linesOf(BOULANGERIE, { anchor: 'anchor-c' }), 404);
    expectProblem(await linesOf('siret:00000000000000'), 404);
  });

  it('shows a consortium administrator the consortium’s files too, each named as such', async () => {
    const excerpt = paymentsExcerpt('consortium', 40);
    const signed = await call('POST /uploads', {
      groups: ADMINISTRATOR,
      body: { fileName: 'extrait-consortium.csv', kind: 'payments', scope: 'consortium' },
    });
    expect(signed.status).toBe(201);
    const [outcome] = await world.harness.pipeline.ingest(
      await putUpload(world.harness, signed.body.key, excerpt.text, {
        anchor: signed.body.fields['x-amz-meta-anchor'],
        kind: 'payments',
      }),
    );
    expect(outcome?.dataset.status).toBe('INGESTED');
    const inExcerpt = excerpt.text.split('\r\n').filter((row) => row.split(';')[2] === TIERS).length;
    expect(inExcerpt).toBeGreaterThan(0);

    const administrator = await linesOf(BOULANGERIE, { groups: ADMINISTRATOR, query: { limit: '200' } });
    const [newest, older] = administrator.body.datasets;
    expect(newest).toMatchObject({ id: outcome?.dataset.id, consortiumWide: true, lines: inExcerpt });
    expect(older).toMatchObject({ consortiumWide: false, lines: 169 });
    expect(administrator.body.lines).toHaveLength(169 + inExcerpt);
    // An officer of the same institution without the role sees the institution's file only.
    const officer = await linesOf(BOULANGERIE, { query: { limit: '200' } });
    expect(officer.body.datasets.map((dataset: { id: string }) => dataset.id)).toEqual([older.id]);
  });
});
