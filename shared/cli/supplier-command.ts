import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { normaliseCountry, normaliseFrenchPostcode, normaliseUkPostcode } from '../domain/address.ts';
import {
  CorrectionBySchema,
  CorrectionReasonSchema,
  SupplierKeySchema,
} from '../domain/registry/correction.ts';
import type { OverrideChange } from '../domain/registry/supplier-facts.ts';
import type { PlaceFact } from '../domain/supplier-profile.ts';
import { systemClock } from '../ports/clock.ts';
import { registryDependencies } from '../runtime/registry-dependencies.ts';
import { setOverride } from '../use-cases/set-override.ts';
import { RunError, UsageError } from './cli-error.ts';
import { withState } from './with-state.ts';

function place(
  values: { commune?: string; postcode?: string; country?: string },
  prefix: string,
): PlaceFact | undefined {
  if (!values.commune && !values.postcode && !values.country) return undefined;
  if (values.commune && !/^(\d{5}|2[AB]\d{3})$/.test(values.commune)) {
    throw new UsageError(`--${prefix}commune must be an INSEE commune code such as 38185`);
  }
  const postcode = values.postcode
    ? (normaliseFrenchPostcode(values.postcode) ?? normaliseUkPostcode(values.postcode))
    : undefined;
  if (values.postcode && !postcode)
    throw new UsageError(`--${prefix}postcode "${values.postcode}" is not a postcode`);
  const country = values.country ? normaliseCountry(values.country) : undefined;
  if (values.country && !country)
    throw new UsageError(`--${prefix}country "${values.country}" is not a country`);
  return {
    ...(values.commune ? { communeCode: values.commune } : {}),
    ...(postcode ? { postcode } : {}),
    ...(country ? { country } : {}),
  };
}

/** What `supplier set` stores as given, bounded as the API bounds it. */
const SetArgumentsSchema = z.object({
  supplierKey: SupplierKeySchema,
  reason: CorrectionReasonSchema,
  by: CorrectionBySchema,
});

function setArguments(input: { supplierKey: string; reason: string; by: string }) {
  const parsed = SetArgumentsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = issue?.path[0] === 'supplierKey' ? 'the supplier key' : `--${String(issue?.path[0])}`;
  throw new UsageError(`supplier set: ${option}: ${issue?.message ?? 'not valid'}`);
}

/** `--natural-person yes|no`: a person's word on whether the payee is a private individual. */
function naturalPersonOption(value: string | undefined): Pick<OverrideChange, 'naturalPerson'> {
  if (value === undefined) return {};
  if (value === 'yes' || value === 'no') return { naturalPerson: value === 'yes' };
  throw new UsageError(`supplier set: --natural-person is yes or no, not "${value}"`);
}

async function set(argv: readonly string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      commune: { type: 'string' },
      postcode: { type: 'string' },
      country: { type: 'string' },
      'head-office-commune': { type: 'string' },
      'natural-person': { type: 'string' },
      reason: { type: 'string' },
      by: { type: 'string' },
      state: { type: 'string' },
    },
  });
  const [supplierKey] = positionals;
  if (!supplierKey)
    throw new UsageError(
      'supplier set needs a supplier key (as in suppliers.csv), e.g. siret:30923145400062',
    );
  if (!values.reason) throw new UsageError('supplier set needs --reason "…": every correction says why');
  const { reason, by } = setArguments({
    supplierKey,
    reason: values.reason,
    by: values.by ?? userInfo().username,
  });
  const establishment = place(values, '');
  const headOffice = place({ commune: values['head-office-commune'] }, 'head-office-');
  const change: OverrideChange = {
    ...(values.type ? { supplierType: values.type } : {}),
    ...(establishment ? { place: establishment } : {}),
    ...(headOffice ? { headOffice } : {}),
    ...naturalPersonOption(values['natural-person']),
  };
  return withState(values.state, 'supplier set', async () => {
    const result = await setOverride(
      { profiles: registryDependencies().profiles, clock: systemClock },
      { supplierKey, change, by, reason },
    );
    if (!result.ok) throw new RunError(result.reason);
    return `corrected ${supplierKey} (change ${result.value.changes}); reports built from now on use it\n`;
  });
}

async function show(argv: readonly string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { state: { type: 'string' } },
  });
  const [supplierKey] = positionals;
  if (!supplierKey) throw new UsageError('supplier show needs a supplier key');
  return withState(values.state, 'supplier show', async () => {
    const profiles = registryDependencies().profiles;
    const profile = (await profiles.getProfiles([supplierKey])).get(supplierKey);
    const override = await profiles.getOverride(supplierKey);
    const out = [`${supplierKey}`];
    if (!profile) out.push('  nothing known beyond the spending files');
    for (const [field, fact] of Object.entries(profile ?? {})) {
      if (field === 'key') continue;
      const text =
        typeof fact === 'object' && fact !== null && 'value' in fact
          ? `${JSON.stringify(fact.value)} (${fact.source}, ${fact.asOf})`
          : JSON.stringify(fact);
      out.push(`  ${field}: ${text}`);
    }
    const listed = override?.corrections ?? [];
    if (override && override.changes > listed.length) {
      out.push(`  ${override.changes} corrections, the latest ${listed.length} listed:`);
    }
    for (const change of listed) {
      out.push(
        `  corrected ${change.at} by ${change.by}: ${JSON.stringify(change.change)} (was ${JSON.stringify(change.previous)}) — ${change.reason}`,
      );
    }
    return `${out.join('\n')}\n`;
  });
}

export function supplierCommand(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub === 'set') return set(rest);
  if (sub === 'show') return show(rest);
  throw new UsageError('supplier takes "set" or "show" (see ancrage --help)');
}
