import type { MappingProfile } from '../domain/formats/mapping-profile.ts';
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
  if (profile.id !== pathId) {
    return fail(`the profile's id "${profile.id}" is not the one of the address ("${pathId}")`);
  }
  await deps.mappings.put(caller.anchorId, profile);
  return ok(profile);
}
