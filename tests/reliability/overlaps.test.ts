/**
 * DESIGN §8 and §12: the same spend in two files of one anchor is counted once whatever order they
 * come in, when one file holds all of the other (monthly exports, then the quarter's); when they only
 * share part of it, both are counted and the overlap is reported on both datasets and in the report.
 * Euro payments (the labelled synthetic sample, whose lines span the twelve months of 2025) on a
 * stack of their own, so the report is in one currency.
 */
import { describe, expect, it } from 'vitest';
import { paymentsOfMonths, publishedReport } from '../integration/helpers.ts';
import { reportTotals, suiteStack } from './support/suite-stack.ts';

const { upload, ingested, dataset } = suiteStack();

describe('spend found in two files of one anchor', () => {
  it('supersedes monthly exports by the quarter that holds them, whichever comes first', async () => {
    // January to March as three monthly exports, then the quarter's export of the same payments.
    const months = [];
    for (const month of ['01', '02', '03']) {
      const text = paymentsOfMonths(`mois ${month}`, [month]).text;
      months.push(await ingested(await upload(`uploads/anchor-q/mois-${month}.csv`, text, 'anchor-q')));
    }
    const before = await reportTotals('payments');
    const quarter = await ingested(
      await upload(
        'uploads/anchor-q/trimestre-1.csv',
        paymentsOfMonths('T1', ['01', '02', '03']).text,
        'anchor-q',
      ),
    );
    expect(quarter.status).toBe('INGESTED');
    for (const month of months) {
      const now = await dataset(month.id);
      expect(now).toMatchObject({ status: 'SUPERSEDED', supersededBy: quarter.id });
      expect(now.message).toContain('trimestre-1.csv');
    }
    expect(quarter.amountCents).toBe(months.reduce((sum, month) => sum + month.amountCents, 0));
    const after = await reportTotals('payments');
    expect(after.grossCents).toBe(before.grossCents);
    expect(after.lines).toBe(before.lines);

    // The other way round: April to June, the quarter first; each month is superseded as it comes.
    const beforeSecond = await reportTotals('payments');
    const second = await ingested(
      await upload(
        'uploads/anchor-q/trimestre-2.csv',
        paymentsOfMonths('T2', ['04', '05', '06']).text,
        'anchor-q',
      ),
    );
    for (const month of ['04', '05', '06']) {
      const text = paymentsOfMonths(`mois ${month}`, [month]).text;
      const late = await ingested(await upload(`uploads/anchor-q/mois-${month}.csv`, text, 'anchor-q'));
      expect(await dataset(late.id)).toMatchObject({
        status: 'SUPERSEDED',
        supersededBy: second.id,
      });
    }
    expect((await reportTotals('payments')).grossCents).toBe(beforeSecond.grossCents + second.amountCents);
  });

  it('ends a chain (a month, its quarter, the half-year) on the dataset counted, in either order', async () => {
    const files = [
      ['janvier.csv', ['01']],
      ['trimestre-1.csv', ['01', '02', '03']],
      ['semestre-1.csv', ['01', '02', '03', '04', '05', '06']],
    ] as const;
    const before = await reportTotals('payments');
    const holders: string[][] = [];
    for (const [anchor, order] of [
      ['anchor-chain-a', [0, 1, 2]],
      ['anchor-chain-b', [2, 1, 0]],
    ] as const) {
      const ids = new Map<string, string>();
      for (const index of order) {
        const [name, months] = files[index];
        const text = paymentsOfMonths(`${anchor} ${name}`, months).text;
        ids.set(name, (await ingested(await upload(`uploads/${anchor}/${name}`, text, anchor))).id);
      }
      const half = await dataset(ids.get('semestre-1.csv') ?? '');
      expect(half.status).toBe('INGESTED');
      const month = await dataset(ids.get('janvier.csv') ?? '');
      const quarter = await dataset(ids.get('trimestre-1.csv') ?? '');
      holders.push([month.status, month.supersededBy === half.id ? 'half' : 'other', quarter.status]);
      expect(quarter).toMatchObject({ status: 'SUPERSEDED', supersededBy: half.id });
      expect(month).toMatchObject({ status: 'SUPERSEDED', supersededBy: half.id });
      expect(month.message).toContain('semestre-1.csv');
    }
    expect(holders[0]).toEqual(holders[1]);
    const halfCents = paymentsOfMonths('S1', ['01', '02', '03', '04', '05', '06']).cents;
    expect((await reportTotals('payments')).grossCents).toBe(before.grossCents + 2 * halfCents);
  });

  it('reports spend two files share in part on both datasets and in the report, and counts both', async () => {
    const julyAugust = await ingested(
      await upload(
        'uploads/anchor-p/juillet-aout.csv',
        paymentsOfMonths('7-8', ['07', '08']).text,
        'anchor-p',
      ),
    );
    const augustSeptember = await ingested(
      await upload('uploads/anchor-p/aout-sept.csv', paymentsOfMonths('8-9', ['08', '09']).text, 'anchor-p'),
    );
    expect([julyAugust.status, augustSeptember.status]).toEqual(['INGESTED', 'INGESTED']);
    const august = await ingested(
      await upload('uploads/anchor-p-seul/aout.csv', paymentsOfMonths('8', ['08']).text, 'anchor-p-seul'),
    );

    const first = await dataset(julyAugust.id);
    const second = await dataset(augustSeptember.id);
    expect(first.overlaps).toEqual([
      { datasetId: second.id, cells: expect.any(Number), cents: august.amountCents },
    ]);
    expect(second.overlaps).toEqual([
      { datasetId: first.id, cells: first.overlaps?.[0]?.cells, cents: august.amountCents },
    ]);
    const { report } = await publishedReport({ kind: 'payments' });
    const pair = [first.id, second.id].sort();
    expect(report.dataQuality.overlaps).toContainEqual(
      expect.objectContaining({ datasets: pair, amount: august.amountCents / 100 }),
    );
    expect(report.datasets.map((entry) => entry.id)).toEqual(expect.arrayContaining(pair));
  });
});
