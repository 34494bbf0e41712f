import { MappingProfileSchema } from '../domain/formats/mapping-profile.ts';
import { mapInFlight } from '../domain/in-flight.ts';
import type { MappingProfiles } from '../ports/mapping-profiles.ts';
import type { ObjectStore } from '../ports/object-store.ts';

const MAPPINGS = 'mappings/';
/** Profiles read at once when listing them: a list is one screen of the portal, not one GET after another. */
const READS_IN_FLIGHT = 8;

export const mappingProfileKey = (anchorId: string, profileId: string) =>
  `${MAPPINGS}${anchorId}/${profileId}.json`;

/** Profiles live in the reference bucket under the anchor they belong to. */
export function createS3MappingProfiles(objects: ObjectStore, referenceBucket: string): MappingProfiles {
  /**
   * A stored profile that no longer validates (hand-edited, or saved before its strings were
   * bounded) reads as none, here as in the list: an upload naming it is refused, readably, rather
   * than failing as a fault. Saving it again makes it whole.
   */
  const read = async (key: string) => {
    const text = await objects.readText({ bucket: referenceBucket, key });
    if (text === undefined) return undefined;
    try {
      const parsed = MappingProfileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const profileKeys = async (anchorId: string) =>
    (await objects.list(referenceBucket, `${MAPPINGS}${anchorId}/`)).filter((key) => key.endsWith('.json'));
  return {
    get: (anchorId, profileId) => read(mappingProfileKey(anchorId, profileId)),
    async put(anchorId, profile) {
      const key = mappingProfileKey(anchorId, profile.id);
      // Only what reads back is stored: the schema bounds every string of a profile.
      const checked = MappingProfileSchema.parse(profile);
      await objects.put(
        { bucket: referenceBucket, key },
        JSON.stringify(checked, null, 2),
        'application/json',
      );
    },
    async list(anchorId) {
      const keys = (await profileKeys(anchorId)).sort();
      // A hand-edited file that no longer validates must not hide the others.
      const profiles = await mapInFlight(keys, READS_IN_FLIGHT, (key) => read(key).catch(() => undefined));
      return profiles.filter((profile) => profile !== undefined);
    },
    async ids(anchorId) {
      const folder = `${MAPPINGS}${anchorId}/`;
      return (await profileKeys(anchorId)).map((key) => key.slice(folder.length, -'.json'.length));
    },
  };
}
