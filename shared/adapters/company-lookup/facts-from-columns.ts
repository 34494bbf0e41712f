import {
  establishmentFactsOf,
  recogniseSireneHeader,
  unitFactsOf,
} from '../../domain/registry/sirene-rows.ts';
import type { EstablishmentFacts, UnitFacts } from '../../domain/registry/supplier-facts.ts';
import { ok, type Result } from '../../domain/result.ts';
import type { LookupProvider } from '../../ports/company-lookup.ts';

/** A record as SIRENE's stock files name its columns; null and missing are empty, as in the CSV. */
export type SireneValues = Readonly<Record<string, string | boolean | null | undefined>>;

/**
 * Facts from a provider's answer, derived by the very rules that read the SIRENE stock files
 * (`sirene-rows.ts`: names of natural persons, ESS, size categories, ceased, closed, abroad), so
 * that a looked-up supplier and a loaded one can never be told apart but by `via`.
 */
export function unitFactsFromColumns(
  values: SireneValues,
  day: string,
  via: LookupProvider,
): Result<UnitFacts> {
  const { names, cells } = rowOf(values);
  const header = recogniseSireneHeader(names);
  if (!header.ok) return header;
  const facts = unitFactsOf(cells, header.value, day);
  return facts.ok ? ok({ ...facts.value, via, retrievedOn: day }) : facts;
}

export function establishmentFactsFromColumns(
  values: SireneValues,
  day: string,
  via: LookupProvider,
): Result<EstablishmentFacts> {
  const { names, cells } = rowOf(values);
  const header = recogniseSireneHeader(names);
  if (!header.ok) return header;
  const facts = establishmentFactsOf(cells, header.value, day);
  return facts.ok ? ok({ ...facts.value, via, retrievedOn: day }) : facts;
}

function rowOf(values: SireneValues) {
  const names = Object.keys(values);
  const cells = names.map((name) => {
    const value = values[name];
    return value === null || value === undefined ? '' : String(value);
  });
  return { names, cells };
}
