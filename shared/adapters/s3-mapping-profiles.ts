import { MappingProfileSchema } from '../domain/formats/mapping-profile.ts';
import type { MappingProfiles } from '../ports/mapping-profiles.ts';
import type { ObjectStore } from '../ports/object-store.ts';

const MAPPINGS = 'mappings/';

export const mappingProfileKey = (anchorId: string, profileId: string) =>
  `${MAPPINGS}${anchorId}/${profileId}.json`;

/** Profiles live in the reference bucket under the anchor they belong to. */
export function createS3MappingProfiles(objects: ObjectStore, referenceBucket: string): MappingProfiles {
  const read = async (key: string) => {
    const text = await objects.readText({ bucket: referenceBucket, key });
    return text === undefined ? undefined : MappingProfileSchema.parse(JSON.parse(text));
  };
  return {
    get: (anchorId, profileId) => read(mappingProfileKey(anchorId, profileId)),
    async put(anchorId, profile) {
      const key = mappingProfileKey(anchorId, profile.id);
      await objects.put(
        { bucket: referenceBucket, key },
        JSON.stringify(profile, null, 2),
        'application/json',
      );
    },
    async list(anchorId) {
      const keys = await objects.list(referenceBucket, `${MAPPINGS}${anchorId}/`);
      const profiles = [];
      for (const key of keys.filter((candidate) => candidate.endsWith('.json')).sort()) {
        // A hand-edited file that no longer validates must not hide the others.
        const profile = await read(key).catch(() => undefined);
        if (profile) profiles.push(profile);
      }
      return profiles;
    },
  };
}
