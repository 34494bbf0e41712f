import type { DatasetRecord } from '../dataset.ts';
import { CONSORTIUM_UPLOADER } from '../territory/consortium.ts';
import type { Territory } from '../territory/territory.ts';
import { sameInstitution } from '../territory/upload-rights.ts';

const CONSORTIUM_NAME = { fr: 'Administration du consortium', en: 'Consortium administrator' } as const;

/**
 * The institution that uploaded a dataset, as a report names it: the territory's name for an anchor,
 * else the name its own file gives it, else its id. Never a person: the user who uploaded is not
 * published.
 */
export function uploadedBy(
  dataset: Pick<DatasetRecord, 'anchorId' | 'anchors'>,
  territory: Territory,
  language: 'fr' | 'en',
): { id: string; name: string } {
  const id = dataset.anchorId;
  if (id === CONSORTIUM_UPLOADER) return { id, name: CONSORTIUM_NAME[language] };
  const name =
    territory.anchors.find((anchor) => anchor.id === id)?.name ??
    dataset.anchors.find((anchor) => anchor.name && sameInstitution(anchor.id, id))?.name ??
    id;
  return { id, name };
}
