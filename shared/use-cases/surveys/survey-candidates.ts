import type { SurveyCandidate, SurveyCandidates } from '../../contracts/portal-api.ts';
import { classifySuppliers } from '../../domain/report/classify-suppliers.ts';
import { mergeRollups } from '../../domain/report/merge-rollups.ts';
import { bandLabel, localRingsOf } from '../../domain/territory/territory.ts';
import { pageOf } from '../offset-page.ts';
import type { Caller } from '../portal.ts';
import { supplierSpendOf } from '../portal-supplier-spend.ts';
import { anchorRollups, listedByKey } from '../portal-suppliers.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';

/**
 * The suppliers the caller's anchor pays as survey candidates: each placed in the territory's rings
 * by its establishment exactly as a report classifies it (profiles, corrections, geography), the
 * local ones first — round 3 of the multiplier is theirs — then by spend; one page.
 */
export async function surveyCandidates(
  deps: SurveyDependencies,
  caller: Caller,
  page: { readonly offset: number; readonly limit: number },
): Promise<SurveyCandidates> {
  const [sources, surveyed, territory] = await Promise.all([
    anchorRollups(deps, caller),
    deps.surveys.listSurveys(caller.anchorId),
    deps.territories.get(deps.settings.territoryId),
  ]);
  const suppliers = listedByKey(supplierSpendOf(sources));
  if (!territory) throw new Error(`the territory "${deps.settings.territoryId}" is not configured`);
  const local = new Set(localRingsOf(territory).map((ring) => ring.id));
  const invited = new Set(
    surveyed.filter(({ record }) => record.invitation).map(({ record }) => record.supplierKey),
  );
  // Merged for their identities only: no exclusion rule nor sector is wanted here.
  const merged = [
    ...mergeRollups(
      sources.flatMap((source) => source.rollups),
      'payments',
      [],
      'none',
    ).values(),
  ].filter((supplier) => suppliers.has(supplier.key));
  const profiles = await deps.profiles.getProfiles(merged.map((supplier) => supplier.key));
  const candidates: SurveyCandidate[] = classifySuppliers(merged, profiles, territory, deps.geography).map(
    (classified) => {
      const spend = suppliers.get(classified.key);
      return {
        key: classified.key,
        name: spend?.name ?? classified.name,
        amountCents: spend?.amountCents ?? 0,
        currency: spend?.currency ?? null,
        ring: classified.ring,
        ringLabel: {
          fr: bandLabel(territory, classified.ring, 'fr'),
          en: bandLabel(territory, classified.ring, 'en'),
        },
        local: local.has(classified.ring),
        invited: invited.has(classified.key),
      };
    },
  );
  candidates.sort(
    (a, b) =>
      Number(b.local) - Number(a.local) || b.amountCents - a.amountCents || a.key.localeCompare(b.key),
  );
  const { items, ...rest } = pageOf(candidates, page);
  return { candidates: items, ...rest };
}
