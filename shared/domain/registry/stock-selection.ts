import { sirenOf } from '../identifiers.ts';
import type { Result } from '../result.ts';
import type { SupplierIdentity } from '../spend-line.ts';
import type { LocalActivityTally } from './local-activity-tally.ts';
import { establishmentFactsOf, projectedSireneHeader, unitFactsOf } from './sirene-rows.ts';
import type { EstablishmentFacts, UnitFacts } from './supplier-facts.ts';

/** The SIRETs and SIRENs the datasets name: a SIRET brings its SIREN (legal unit, head office). */
export interface WantedIdentifiers {
  readonly sirets: ReadonlySet<string>;
  readonly sirens: ReadonlySet<string>;
}

export function wantedIdentifiers(suppliers: Iterable<SupplierIdentity>): WantedIdentifiers {
  const sirets = new Set<string>();
  const sirens = new Set<string>();
  for (const { identifier } of suppliers) {
    if (identifier?.scheme === 'siret') {
      sirets.add(identifier.value);
      sirens.add(sirenOf(identifier.value));
    } else if (identifier?.scheme === 'siren') sirens.add(identifier.value);
  }
  return { sirets, sirens };
}

const ESTABLISHMENT = projectedSireneHeader('etablissement');
const UNIT = projectedSireneHeader('unite-legale');
const at = (name: string, header = ESTABLISHMENT) => header.columns.get(name) ?? -1;
const SIRET = at('siret');
const HEAD_OFFICE = at('etablissementSiege');
const COMMUNE = at('codeCommuneEtablissement');
const SIREN = at('siren', UNIT);

/**
 * What a national stock's establishment row is to Ancrage: the facts of an establishment a dataset
 * names or of the head office of a unit one names, a count for the local rings' opportunity finder,
 * or nothing (the other ~40 million rows, dismissed before any parsing).
 */
export function selectEstablishment(
  cells: readonly string[],
  wanted: WantedIdentifiers,
  tally: LocalActivityTally,
  loadDate: string,
): Result<EstablishmentFacts> | undefined {
  const siret = cells[SIRET] ?? '';
  const kept =
    wanted.sirets.has(siret) || (cells[HEAD_OFFICE] === 'true' && wanted.sirens.has(siret.slice(0, 9)));
  if (!kept && !tally.counts(cells[COMMUNE] ?? '')) return undefined;
  const facts = establishmentFactsOf(cells, ESTABLISHMENT, loadDate);
  if (facts.ok) tally.count(facts.value);
  return kept ? facts : undefined;
}

/** A legal unit's facts when a dataset names it (or one of its establishments), else nothing. */
export function selectUnit(
  cells: readonly string[],
  wanted: WantedIdentifiers,
  loadDate: string,
): Result<UnitFacts> | undefined {
  return wanted.sirens.has(cells[SIREN] ?? '') ? unitFactsOf(cells, UNIT, loadDate) : undefined;
}
