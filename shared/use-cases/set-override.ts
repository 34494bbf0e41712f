import {
  CORRECTIONS_READ,
  type Correction,
  CorrectionRequestSchema,
  inForce,
  type OverrideHistory,
} from '../domain/registry/correction.ts';
import type { OverrideChange } from '../domain/registry/supplier-facts.ts';
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

/** The first problem of a request, as a sentence: `reason: a reason is at most 500 characters`. */
function firstIssue(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'correction'}: ${issue.message}` : 'not valid';
}

/**
 * A procurement officer's correction of a supplier's type or location. The change is kept with who
 * made it, when, why and what it replaced, one stored item per correction: however many there are,
 * the next one is saved and reads stay bounded. Reports built afterwards use it without any re-upload.
 */
export async function setOverride(
  deps: { readonly profiles: ProfileStore; readonly clock: Clock },
  request: OverrideRequest,
): Promise<Result<OverrideHistory>> {
  const parsed = CorrectionRequestSchema.safeParse(request);
  if (!parsed.success) return fail(`the correction is not valid: ${firstIssue(parsed.error)}`);
  const { supplierKey, change, by, reason } = parsed.data;
  const type = change.supplierType;
  if (type && !(SUPPLIER_TYPE_IDS as readonly string[]).includes(type)) {
    return fail(`unknown supplier type "${type}" (one of: ${SUPPLIER_TYPE_IDS.join(', ')})`);
  }
  if (!type && !change.place && !change.headOffice && change.naturalPerson === undefined)
    return fail('nothing to change');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await deps.profiles.getOverride(supplierKey);
    const correction: Correction = {
      sequence: (existing?.changes ?? 0) + 1,
      change,
      previous: existing?.current ?? {},
      by,
      at: deps.clock.now().toISOString(),
      reason,
    };
    if (await deps.profiles.putCorrection(supplierKey, correction)) {
      return ok({
        current: inForce(correction),
        changes: correction.sequence,
        corrections: [...(existing?.corrections ?? []), correction].slice(-CORRECTIONS_READ),
      });
    }
  }
  return fail('the supplier was being corrected by someone else at the same time: try again');
}
