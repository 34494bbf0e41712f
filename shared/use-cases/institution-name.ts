import { sameInstitution } from '../domain/territory/upload-rights.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import type { TerritoryCatalog } from '../ports/territory-catalog.ts';

/** What naming an institution reads: the territory, and the institution's own datasets. */
export interface InstitutionNameDependencies {
  readonly territories: TerritoryCatalog;
  readonly datasets: Pick<DatasetStore, 'listDatasets'>;
  readonly settings: { readonly territoryId: string };
}

/** A name and the id it was given for, as the territory's anchors and satellites and the files' buyers have them. */
interface Named {
  readonly id: string;
  readonly name?: string | undefined;
}

/**
 * The name given for an id: to the id itself first, else to another establishment of the same legal
 * unit (a town hall annexe's SIRET names the city).
 */
function nameOf(candidates: readonly Named[], id: string): string | undefined {
  const named = candidates.filter((candidate) => candidate.name);
  return (
    named.find((candidate) => candidate.id === id) ??
    named.find((candidate) => sameInstitution(candidate.id, id))
  )?.name;
}

/**
 * An institution's name, to show instead of its id: the territory's (its anchors and their
 * satellites), else the one its own files give as buyer's name; null when neither gives one.
 */
export async function institutionName(
  deps: InstitutionNameDependencies,
  anchorId: string,
): Promise<string | null> {
  const territory = await deps.territories.get(deps.settings.territoryId);
  const configured = nameOf(
    (territory?.anchors ?? []).flatMap((anchor) => [anchor, ...anchor.satellites]),
    anchorId,
  );
  if (configured) return configured;
  const uploaded = await deps.datasets.listDatasets({ anchorId });
  return (
    nameOf(
      uploaded.flatMap((dataset) => dataset.anchors),
      anchorId,
    ) ?? null
  );
}

/** What a message to someone outside calls the institution: its name, else its id. */
export async function institutionLabel(deps: InstitutionNameDependencies, anchorId: string): Promise<string> {
  return (await institutionName(deps, anchorId)) ?? anchorId;
}
