/** A dataset's own page: a hash route (the portal is one static page), to keep, come back to or share. */
export const datasetHref = (datasetId: string): string => `#/datasets/${encodeURIComponent(datasetId)}`;
