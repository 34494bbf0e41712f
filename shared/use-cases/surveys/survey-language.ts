import type { Language } from '../../contracts/portal-api.ts';
import type { SurveyDependencies } from './survey-dependencies.ts';

/** The language a survey step speaks: the one asked for, else the territory's, else French. */
export async function surveyLanguage(
  deps: Pick<SurveyDependencies, 'territories' | 'settings'>,
  asked: Language | undefined,
): Promise<Language> {
  if (asked) return asked;
  return (await deps.territories.get(deps.settings.territoryId))?.language ?? 'fr';
}
