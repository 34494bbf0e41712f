import type { OverrideChange, OverrideFacts } from '../domain/registry/supplier-facts.ts';
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
    if (await deps.profiles.putOverride(override, existing?.history.length ?? 0)) return ok(override);
  }
  return fail('the supplier was being corrected by someone else at the same time: try again');
}
