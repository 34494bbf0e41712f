import { MappingProfileSchema } from '../domain/formats/mapping-profile.ts';
import type { MappingProfiles } from '../ports/mapping-profiles.ts';
import type { ObjectStore } from '../ports/object-store.ts';

export const mappingProfileKey = (anchorId: string, profileId: string) =>
  `mappings/${anchorId}/${profileId}.json`;

/** Profiles live in the reference bucket under the anchor they belong to. */
export function createS3MappingProfiles(objects: ObjectStore, referenceBucket: string): MappingProfiles {
  return {
    async get(anchorId, profileId) {
      const text = await objects.readText({
        bucket: referenceBucket,
        key: mappingProfileKey(anchorId, profileId),
      });
      return text === undefined ? undefined : MappingProfileSchema.parse(JSON.parse(text));
    },
    async put(anchorId, profile) {
      const key = mappingProfileKey(anchorId, profile.id);
      await objects.put(
        { bucket: referenceBucket, key },
        JSON.stringify(profile, null, 2),
        'application/json',
      );
    },
  };
}
