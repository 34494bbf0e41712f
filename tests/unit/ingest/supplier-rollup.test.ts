import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineRun } from '../../../shared/domain/ingest/line-run.ts';
import { SupplierRollups } from '../../../shared/domain/ingest/supplier-rollup.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import type { SpendLine } from '../../../shared/domain/spend-line.ts';

/**
 * The rollups written the plain way — one Map keyed by a string composed for each line, buckets keyed
 * by "month NUL category" — as the reference the faster bookkeeping must give exactly.
 */
function referenceRollups(lines: readonly SpendLine[]): SupplierRollup[] {
  const byKey = new Map<string, SupplierRollup & { buckets: Map<string, [string, string, number]> }>();
  for (const line of lines) {
    const key = `${line.anchorId}\u0000${line.supplier.key}\u0000${line.segment ?? ''}`;
    let rollup = byKey.get(key);
    if (!rollup) {
      rollup = {
        anchorId: line.anchorId,
        ...(line.anchorName ? { anchorName: line.anchorName } : {}),
        supplier: line.supplier,
        ...(line.segment ? { segment: line.segment } : {}),
        amountCents: 0,
        lines: 0,
        firstDate: line.date,
        lastDate: line.date,
        byMonthCategory: [],
        largestLineCents: line.amountCents,
        categoryLabels: [],
        buckets: new Map(),
      };
      byKey.set(key, rollup);
    }
    rollup.amountCents += line.amountCents;
    rollup.lines += 1;
    if (!rollup.anchorName && line.anchorName) rollup.anchorName = line.anchorName;
    const { date } = line;
    if (date !== undefined && (rollup.firstDate === undefined || date < rollup.firstDate))
      rollup.firstDate = date;
    if (date !== undefined && (rollup.lastDate === undefined || date > rollup.lastDate))
      rollup.lastDate = date;
    rollup.largestLineCents = Math.max(rollup.largestLineCents, line.amountCents);
    const category = line.categoryCode ?? line.categoryLabel ?? '';
    const month = line.date?.slice(0, 7) ?? 'undated';
    const bucket = rollup.buckets.get(`${month}\u0000${category}`);
    if (bucket) bucket[2] += line.amountCents;
    else rollup.buckets.set(`${month}\u0000${category}`, [month, category, line.amountCents]);
    if (line.categoryLabel && !rollup.categoryLabels.some(([code]) => code === category)) {
      rollup.categoryLabels.push([category, line.categoryLabel]);
    }
  }
  return [...byKey.values()].map(({ buckets, firstDate, lastDate, ...rollup }) => ({
    ...rollup,
    ...(firstDate ? { firstDate } : {}),
    ...(lastDate ? { lastDate } : {}),
    byMonthCategory: [...buckets.values()].map(([month, category, cents]) => [month, category, cents]),
  }));
}

const line = fc
  .record({
    anchorId: fc.constantFrom('21380185500015', '20004697700019'),
    anchorName: fc.option(fc.constantFrom('Ville', 'Métropole'), { nil: undefined }),
    supplierKey: fc.constantFrom('siret:89000923600013', 'name:dupont@38000', 'undisclosed'),
    // One supplier may be written differently from line to line: the rollup shows the first.
    supplierName: fc.constantFrom('Dupont', 'DUPONT SARL'),
    concession: fc.boolean(),
    // Three years of days: up to 36 months, enough for a rollup to outgrow its scanned buckets; and
    // now and then no readable date (-1): the line is undated.
    day: fc.integer({ min: -1, max: 3 * 365 }),
    amountCents: fc.integer({ min: -50_000, max: 5_000_000 }),
    categoryCode: fc.option(fc.constantFrom('611', '6184', '60622', 'a\u0000b'), { nil: undefined }),
    categoryLabel: fc.option(fc.constantFrom('Contrats', 'Études'), { nil: undefined }),
  })
  .map(
    (drawn): SpendLine => ({
      sequence: 1,
      lineNumber: 2,
      anchorId: drawn.anchorId,
      anchorName: drawn.anchorName,
      date:
        drawn.day === -1 ? undefined : new Date(Date.UTC(2023, 0, 1 + drawn.day)).toISOString().slice(0, 10),
      amountCents: drawn.amountCents,
      currency: 'EUR',
      supplier: { key: drawn.supplierKey, name: drawn.supplierName },
      categoryCode: drawn.categoryCode,
      categoryLabel: drawn.categoryLabel,
      ...(drawn.concession ? { segment: 'concession' as const } : {}),
      flags: [],
    }),
  );

/** Lines as a file gives them: numbered from 1 in order. */
const fileLines = (arbitrary: fc.Arbitrary<SpendLine>, constraints: fc.ArrayConstraints) =>
  fc
    .array(arbitrary, constraints)
    .map((lines) => lines.map((spend, index) => ({ ...spend, sequence: index + 1 })));

/** The month number `LineRun` takes, as the fast lane computes it. */
const dateValue = (date: string) => ({
  iso: date,
  month: Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)),
  day: Number(date.replaceAll('-', '')),
});

/** What a run is opened for: everything on a line but its date and amount. */
const runKey = (spend: SpendLine) =>
  JSON.stringify([
    spend.anchorId,
    spend.anchorName,
    spend.supplier,
    spend.segment,
    spend.categoryCode,
    spend.categoryLabel,
  ]);

describe('SupplierRollups', () => {
  it('sums, dates and buckets every line as the plain composed-key bookkeeping, in the same order', () => {
    fc.assert(
      fc.property(fileLines(line, { maxLength: 300 }), (lines) => {
        const rollups = new SupplierRollups();
        for (const spend of lines) rollups.add(spend);
        expect([...rollups.records()]).toEqual(referenceRollups(lines));
        expect(rollups.size).toBe(referenceRollups(lines).length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps doing so once one rollup has more buckets than it looks through', () => {
    const oneSupplier = line.map((spend) => ({ ...spend, anchorId: 'a', segment: undefined }));
    fc.assert(
      fc.property(fileLines(oneSupplier, { minLength: 100, maxLength: 250 }), (lines) => {
        const rollups = new SupplierRollups();
        for (const spend of lines) rollups.add(spend);
        expect([...rollups.records()]).toEqual(referenceRollups(lines));
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    ['many rollups', line],
    [
      'a few shared buckets',
      line.map((spend) => ({ ...spend, anchorId: 'a', date: spend.date?.replace(/-\d\d-/, '-01-') })),
    ],
  ])(
    'gives the same records whatever order the lines are added in (%s): first means lowest sequence',
    (_, arbitrary) => {
      fc.assert(
        fc.property(
          fileLines(arbitrary, { maxLength: 200 }).chain((lines) =>
            fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length })),
          ),
          ([lines, shuffled]) => {
            const rollups = new SupplierRollups();
            for (const spend of shuffled) rollups.add(spend);
            expect([...rollups.records()]).toEqual(referenceRollups(lines));
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('gives the same records when lines are added up in runs, merged whenever the rollups are read', () => {
    fc.assert(
      fc.property(
        fileLines(line, { maxLength: 300 }),
        fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
        fc.array(fc.nat(300), { maxLength: 4 }),
        (lines, direct, readsAt) => {
          const rollups = new SupplierRollups();
          const runs = new Map<string, LineRun>();
          for (const [index, spend] of lines.entries()) {
            // Reading the rollups mid-way merges the runs; they go on adding up afterwards.
            if (readsAt.includes(index))
              expect(rollups.size).toBe(referenceRollups(lines.slice(0, index)).length);
            // Undated lines never take the fast lane's runs.
            if (spend.date === undefined) {
              rollups.add(spend);
              continue;
            }
            const date = dateValue(spend.date);
            let run = runs.get(runKey(spend));
            if (!direct[index] && !run) {
              run = rollups.runFor(spend, date.month);
              runs.set(runKey(spend), run);
            }
            if (direct[index] || !run?.add(spend.amountCents, date, spend.sequence)) rollups.add(spend);
          }
          expect([...rollups.records()]).toEqual(referenceRollups(lines));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("adds a line far from its run's first month on its own, and lets go of released runs", () => {
    const rollups = new SupplierRollups();
    const firstDate = dateValue('2020-01-15');
    const first = {
      ...fc.sample(line, { numRuns: 1, seed: 1 })[0],
      sequence: 1,
      date: firstDate.iso,
    } as SpendLine;
    const late = { ...first, sequence: 2, date: '2031-06-01', amountCents: 7 };
    const run = rollups.runFor(first, firstDate.month);
    expect(run.add(first.amountCents, firstDate, 1)).toBe(true);
    expect(run.add(late.amountCents, dateValue(late.date), 2)).toBe(false);
    rollups.add(late);
    rollups.releaseRuns();
    // A run let go adds nothing more to the rollups.
    run.add(1_000, firstDate, 3);
    expect([...rollups.records()]).toEqual(referenceRollups([first, late]));
  });
});
