import { type MappingProfile, MappingProfileSchema } from '../domain/formats/mapping-profile.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { Caller, PortalDependencies } from './portal.ts';

/** Mapping profiles an institution keeps: one per export it uploads, read whole each time they are listed. */
export const MAX_MAPPING_PROFILES = 50;

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
  const kept = await deps.mappings.ids(caller.anchorId);
  if (!kept.includes(checked.data.id) && kept.length >= MAX_MAPPING_PROFILES) {
    return fail(
      `your institution keeps ${MAX_MAPPING_PROFILES} mapping profiles already: save this one under the id of one it replaces`,
    );
  }
  await deps.mappings.put(caller.anchorId, checked.data);
  return ok(checked.data);
}
