import type { MappingProfile } from '../domain/formats/mapping-profile.ts';

/** Mapping profiles saved per anchor, so the monthly upload of the same export needs no re-mapping. */
export interface MappingProfiles {
  get(anchorId: string, profileId: string): Promise<MappingProfile | undefined>;
  put(anchorId: string, profile: MappingProfile): Promise<void>;
  /** Every profile of one anchor, by id; a stored file that is no longer valid is left out. */
  list(anchorId: string): Promise<MappingProfile[]>;
  /** The ids of the profiles one anchor keeps, without reading them. */
  ids(anchorId: string): Promise<string[]>;
}
