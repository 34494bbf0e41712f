import {
  type OverrideChange,
  type OverrideFacts,
  OverrideFactsSchema,
} from '../domain/registry/supplier-facts.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { SUPPLIER_TYPE_IDS } from '../domain/supplier-type.ts';
import type { Clock } from '../ports/clock.ts';
import type { ProfileStore } from '../ports/profile-store.ts';

export interface OverrideRequest {
  readonly supplierKey: string;
  readonly change: OverrideChange;
  readonly by: string;
  readonly reason: string;
}

const ATTEMPTS = 3;

/**
 * A procurement officer's correction of a supplier's type or location. The change is kept with who
 * made it, when, why and what it replaced; reports built afterwards use it without any re-upload.
 */
export async function setOverride(
  deps: { readonly profiles: ProfileStore; readonly clock: Clock },
  request: OverrideRequest,
): Promise<Result<OverrideFacts>> {
  if (!request.reason.trim()) return fail('say why: a correction needs a reason');
  if (!request.by.trim()) return fail('say who: a correction needs the name of who makes it');
  const type = request.change.supplierType;
  if (type && !(SUPPLIER_TYPE_IDS as readonly string[]).includes(type)) {
    return fail(`unknown supplier type "${type}" (one of: ${SUPPLIER_TYPE_IDS.join(', ')})`);
  }
  if (!type && !request.change.place && !request.change.headOffice) return fail('nothing to change');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await deps.profiles.getOverride(request.supplierKey);
    const previous: OverrideChange = existing?.current ?? {};
    const override: OverrideFacts = {
      kind: 'override',
      supplierKey: request.supplierKey,
      current: { ...previous, ...request.change },
      history: [
        ...(existing?.history ?? []),
        {
          change: request.change,
          previous,
          by: request.by,
          at: deps.clock.now().toISOString(),
          reason: request.reason.trim(),
        },
      ],
    };
    const checked = OverrideFactsSchema.safeParse(override);
    if (!checked.success)
      return fail(
        `the correction is not valid: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`,
      );
    if (await deps.profiles.putOverride(checked.data, existing?.history.length ?? 0)) return ok(checked.data);
  }
  return fail('the supplier was being corrected by someone else at the same time: try again');
}
