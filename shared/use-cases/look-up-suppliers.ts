import type { LookupRun } from '../domain/registry/registry-status.ts';
import type { WantedIdentifiers } from '../domain/registry/stock-selection.ts';
import type { Clock } from '../ports/clock.ts';
import type { CompanyLookup, LookupAnswer } from '../ports/company-lookup.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import type { RegistryState } from '../ports/registry-state.ts';

export interface LookupDependencies {
  readonly lookup: CompanyLookup;
  readonly profiles: Pick<ProfileStore, 'putFacts' | 'unknownToRegistry' | 'putLookupMiss'>;
  readonly state: Pick<RegistryState, 'writeLookupRun'>;
  readonly clock: Clock;
  /** Identifiers asked per run at most: the rest wait for the next (7 a second: ~5 minutes). */
  readonly maxLookups?: number;
  /**
   * Milliseconds this run may still ask (Lambda's remaining time, less a margin): API Sirene's 30 a
   * minute reach ~300 in ten minutes, far from the bound. No limit when absent (a laptop).
   */
  readonly timeLeftMs?: () => number;
}

const DEFAULT_MAX_LOOKUPS = 2000;
/**
 * Unanswered lookups in a row after which the service is taken as unreachable for this run: a
 * network that drops packets times out instead of refusing, and each timeout costs seconds.
 */
const UNANSWERED_IN_A_ROW = 3;

/**
 * Asks a company-search API, once each, about the SIRETs and SIRENs the register knows nothing of:
 * found facts are stored with the API's name and the day (`via`, `retrievedOn`), a "no such company"
 * answer is remembered so it is not asked again, an unanswered one is asked next time. Without a
 * network the run stops at the first refusal and says so.
 */
export async function lookUpUnknownSuppliers(
  deps: LookupDependencies,
  wanted: WantedIdentifiers,
): Promise<LookupRun> {
  const unknown = await deps.profiles.unknownToRegistry(wanted);
  const limit = deps.maxLookups ?? DEFAULT_MAX_LOOKUPS;
  const mayAsk = () => run.asked < limit && (deps.timeLeftMs?.() ?? 1) > 0;
  const run = { asked: 0, found: 0, notFound: 0, unanswered: 0, offline: false };
  const day = deps.clock.now().toISOString().slice(0, 10);
  let unansweredInARow = 0;
  /** Asks about one identifier; undefined when the run must stop (no network). */
  const ask = async (identifier: string): Promise<LookupAnswer | undefined> => {
    const answer = await deps.lookup.lookup(identifier);
    run.asked += 1;
    if (answer.status === 'found') {
      await deps.profiles.putFacts([...(answer.unit ? [answer.unit] : []), ...answer.establishments]);
      run.found += 1;
      unansweredInARow = 0;
    } else if (answer.status === 'not-found') {
      await deps.profiles.putLookupMiss(identifier, deps.lookup.provider, day);
      run.notFound += 1;
      unansweredInARow = 0;
    } else {
      run.unanswered += 1;
      unansweredInARow += 1;
      if (answer.offline || unansweredInARow >= UNANSWERED_IN_A_ROW) {
        run.offline = answer.offline === true || run.found + run.notFound === 0;
        return undefined;
      }
    }
    return answer;
  };
  // A SIRET's answer brings its legal unit: its SIREN is asked apart only when that answer did not.
  const unitsGiven = new Set<string>();
  for (const siret of unknown.sirets) {
    if (!mayAsk()) break;
    const answer = await ask(siret);
    if (!answer) break;
    if (answer.status === 'found' && answer.unit) unitsGiven.add(answer.unit.siren);
  }
  for (const siren of unknown.sirens) {
    if (run.offline || unansweredInARow >= UNANSWERED_IN_A_ROW || !mayAsk()) break;
    if (unitsGiven.has(siren)) continue;
    if (!(await ask(siren))) break;
  }
  const outcome: LookupRun = {
    provider: deps.lookup.provider,
    ranAt: deps.clock.now().toISOString(),
    ...run,
  };
  await deps.state.writeLookupRun(outcome);
  return outcome;
}
