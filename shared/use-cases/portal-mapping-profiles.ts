import { type MappingProfile, MappingProfileSchema } from '../domain/formats/mapping-profile.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { Caller, PortalDependencies } from './portal.ts';

export function listMappingProfiles(
  deps: Pick<PortalDependencies, 'mappings'>,
  caller: Caller,
): Promise<MappingProfile[]> {
  return deps.mappings.list(caller.anchorId);
}

/** Saves a profile under the caller's anchor only; the id in the path and in the profile must agree. */
export async function saveMappingProfile(
  deps: Pick<PortalDependencies, 'mappings'>,
  caller: Caller,
  pathId: string,
  profile: MappingProfile,
): Promise<Result<MappingProfile>> {
  // Checked here as well as at the API's edge: whoever calls, nothing unbounded is stored.
  const checked = MappingProfileSchema.safeParse(profile);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail(`${issue?.path.map(String).join('.') || 'profile'}: ${issue?.message ?? 'not valid'}`);
  }
  if (checked.data.id !== pathId) {
    return fail(`the profile's id "${checked.data.id}" is not the one of the address ("${pathId}")`);
  }
  await deps.mappings.put(caller.anchorId, checked.data);
  return ok(checked.data);
}
