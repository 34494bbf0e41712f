import type { FactSource, SupplierProfile } from '../supplier-profile.ts';
import type { SupplierType } from '../supplier-type.ts';
import { companySize } from './company-size.ts';
import { legalCategoryOf } from './legal-categories.ts';
import { cooperativeWithoutForm, typeFromName } from './name-markers.ts';
import { typeFromLabel } from './supplier-type-label.ts';

export type SupplierTypeId = SupplierType;
export type SupplierTypeSource = 'override' | 'registry' | 'directory' | 'name' | 'none';

export interface SupplierTypeClassification {
  readonly type: SupplierTypeId;
  readonly source: SupplierTypeSource;
  /** What decided: the legal form's subcategory (`scop`), `scic`/`cae`, the size evidence, the word matched. */
  readonly detail?: string;
}

export interface SupplierTypeInput {
  readonly profile?: SupplierProfile | undefined;
  readonly name: string;
  /** ISO country of the supplier or of the anchor's files: picks French or UK name markers. */
  readonly country?: string | undefined;
}

/** A fact supplied by a spending file counts with what the anchor itself states, its directory. */
const SOURCE_OF_FACT: Readonly<Record<FactSource, Exclude<SupplierTypeSource, 'none'>>> = {
  override: 'override',
  registry: 'registry',
  directory: 'directory',
  file: 'directory',
  name: 'name',
};

type Fact<T> = { readonly value: T; readonly source: FactSource };

/** A fact that is evidence: not itself guessed from a name. */
const evidence = <T>(fact: Fact<T> | undefined): Fact<T> | undefined =>
  fact && fact.source !== 'name' ? fact : undefined;

const withSize = (profile: SupplierProfile | undefined, source: SupplierTypeSource, detail: string) => {
  const size = companySize(profile);
  return { type: size.type, source, detail: size.detail ?? detail };
};

/** A person's correction wins; one that names no type is shown, not silently ignored. */
function fromOverride(profile: SupplierProfile | undefined): SupplierTypeClassification | undefined {
  const stated = profile?.supplierType;
  if (stated?.source !== 'override') return undefined;
  const type = typeFromLabel(stated.value);
  return type
    ? { type, source: 'override' }
    : { type: 'unknown', source: 'override', detail: `not a supplier type: ${stated.value.slice(0, 60)}` };
}

/**
 * The registry's legal category gives the base type. The ESS flag turns a company, a unit of no typed
 * form or one of no known form into social economy (DESIGN §6: "any unit with the ESS flag"): a
 * cooperative when its name says SCIC, CAE or SCOP, which have no legal-form code of their own, else
 * `other-ess`. Public bodies, SEM, sole traders and the typed ESS forms keep their type. A company
 * without the flag is sized.
 */
function fromRegistry(
  profile: SupplierProfile | undefined,
  names: readonly string[],
): SupplierTypeClassification | undefined {
  const legal = evidence(profile?.legalCategory);
  const ess = evidence(profile?.ess);
  const category = legal && legalCategoryOf(legal.value);
  const flagged = ess?.value === true ? ess : undefined;
  if (flagged && (!category || category.cwb === 'company' || category.cwb === 'unknown')) {
    const cooperative = names.map(cooperativeWithoutForm).find((detail) => detail !== undefined);
    return cooperative
      ? { type: 'cooperative', source: SOURCE_OF_FACT[flagged.source], detail: cooperative }
      : { type: 'other-ess', source: SOURCE_OF_FACT[flagged.source], detail: 'ess' };
  }
  if (!legal || !category) return undefined;
  const source = SOURCE_OF_FACT[legal.source];
  if (category.cwb === 'company') return withSize(profile, source, category.sub);
  return { type: category.cwb, source, detail: category.sub };
}

/** A type stated by a directory (or stored by a registry load): an id, a label or a directory's word. */
function fromStatedType(profile: SupplierProfile | undefined): SupplierTypeClassification | undefined {
  const stated = evidence(profile?.supplierType);
  if (!stated || stated.source === 'override') return undefined;
  const type = typeFromLabel(stated.value);
  if (!type || type === 'unknown') return undefined;
  const source = SOURCE_OF_FACT[stated.source];
  return type === 'company'
    ? withSize(profile, source, stated.value)
    : { type, source, detail: stated.value };
}

function fromName(
  profile: SupplierProfile | undefined,
  names: readonly string[],
  country: string | undefined,
): SupplierTypeClassification | undefined {
  for (const name of names) {
    const guess = typeFromName(name, country);
    if (guess) {
      return guess.type === 'company'
        ? withSize(profile, 'name', guess.detail)
        : { type: guess.type, source: 'name', detail: guess.detail };
    }
  }
  const stored = profile?.supplierType;
  const type = stored?.source === 'name' ? typeFromLabel(stored.value) : undefined;
  return type && type !== 'unknown' ? { type, source: 'name', detail: stored?.value } : undefined;
}

/**
 * A supplier's type, with what it rests on. Precedence (DESIGN §6): override > registry > directory >
 * name heuristics > unknown. Name words never contradict the registry: when the registry's legal
 * category gives no type (a works council, a trade union…), the answer stays `unknown` from the
 * registry unless the anchor's directory states a type.
 */
export function classifySupplierType(input: SupplierTypeInput): SupplierTypeClassification {
  const { profile } = input;
  const names = [...new Set([input.name, profile?.name?.value ?? ''])].filter((name) => name.trim() !== '');
  const override = fromOverride(profile);
  if (override) return override;
  const registry = fromRegistry(profile, names);
  if (registry && registry.type !== 'unknown') return registry;
  const stated = fromStatedType(profile);
  if (stated) return stated;
  if (registry) return registry;
  return fromName(profile, names, input.country) ?? { type: 'unknown', source: 'none' };
}
