import { nafDivisionOf } from '../report/sector-metrics.ts';
import type { SupplierFacts } from './supplier-facts.ts';

/** Active establishments per commune and NAF division: where local suppliers exist for the work bought. */
export class LocalActivityTally {
  readonly byCommune = new Map<string, Map<string, number>>();

  /** `communes`: only these are counted (a territory's local rings); all when undefined. */
  constructor(private readonly communes?: ReadonlySet<string>) {}

  /** Whether establishments of this commune are counted. */
  counts(communeCode: string): boolean {
    return communeCode !== '' && (this.communes?.has(communeCode) ?? true);
  }

  count(fact: SupplierFacts): void {
    if (fact.kind !== 'establishment' || fact.closed || !fact.place.communeCode) return;
    if (!this.counts(fact.place.communeCode)) return;
    const division = nafDivisionOf(fact.activity);
    if (!division) return;
    const divisions = this.byCommune.get(fact.place.communeCode) ?? new Map<string, number>();
    divisions.set(division, (divisions.get(division) ?? 0) + 1);
    this.byCommune.set(fact.place.communeCode, divisions);
  }

  /** Counts carried over from an earlier run of the same read (a checkpoint). */
  static resumed(
    communes: ReadonlySet<string> | undefined,
    entries: readonly CountEntry[],
  ): LocalActivityTally {
    const tally = new LocalActivityTally(communes);
    for (const [commune, division, count] of entries) {
      const divisions = tally.byCommune.get(commune) ?? new Map<string, number>();
      divisions.set(division, count);
      tally.byCommune.set(commune, divisions);
    }
    return tally;
  }

  entries(): CountEntry[] {
    return [...this.byCommune].flatMap(([commune, divisions]) =>
      [...divisions].map(([division, count]): CountEntry => [commune, division, count]),
    );
  }

  /** Every commune asked for, those without an active establishment with no division. */
  countsOfEveryCommune(): Map<string, Map<string, number>> {
    const all = new Map(this.byCommune);
    for (const commune of this.communes ?? []) if (!all.has(commune)) all.set(commune, new Map());
    return all;
  }
}

/** [commune, NAF division, active establishments]. */
export type CountEntry = [string, string, number];
