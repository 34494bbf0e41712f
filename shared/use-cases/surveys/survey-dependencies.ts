import type { FrenchGeography } from '../../domain/geography/french-geography.ts';
import type { Clock } from '../../ports/clock.ts';
import type { DatasetStore } from '../../ports/dataset-store.ts';
import type { ProfileStore } from '../../ports/profile-store.ts';
import type { SurveyMailer } from '../../ports/survey-mailer.ts';
import type { SurveyStore } from '../../ports/surveys.ts';
import type { TerritoryCatalog } from '../../ports/territory-catalog.ts';

/** What the survey use cases reach; each takes only the part it needs. */
export interface SurveyDependencies {
  readonly surveys: SurveyStore;
  readonly datasets: DatasetStore;
  readonly profiles: ProfileStore;
  readonly territories: TerritoryCatalog;
  /** To place the candidates in the territory's rings as a report would (read on first use). */
  readonly geography: FrenchGeography;
  /** Undefined where no SES sender is configured (and always locally): the officer sends the text. */
  readonly mailer: SurveyMailer | undefined;
  readonly clock: Clock;
  readonly settings: { readonly territoryId: string };
}
