import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../portal/src/i18n/language.ts';
import {
  countedElsewhereNote,
  statusClass,
  statusName,
} from '../../../portal/src/pages/upload/counted-elsewhere.ts';
import { ENV } from '../../../shared/contracts/environment.ts';
import type { DatasetDetail, DatasetSummary } from '../../../shared/contracts/portal-api.ts';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import { localiseReason } from '../../../shared/domain/ingest/rejection-reasons.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { deliverToRules } from '../../../shared/local/event-rules.ts';
import { type LocalEventBus, startLocalEventBus } from '../../../shared/local/local-event-bus.ts';
import { duplicateMessage } from '../../../shared/use-cases/content-claim.ts';
import { type Harness, putMeta, startHarness } from '../helpers.ts';
import { call, uploadThroughApi } from './support.ts';

/**
 * What an institution is told of a file whose very bytes were uploaded before, through the API
 * handler on the embedded stack, with two anchors of the Grenoble territory: its own earlier file is
 * named; another institution's dataset never is (id, file name or uploader), in what the list or the
 * detail sends, and the file reads as "read, not counted", with whom to ask, in French and English.
 */

const CITY = '21380185500015';
const METROPOLE = '20004071500019';
const CITY_FILE = 'mandats-ville-2025.csv';
const METROPOLE_FILE = 'export-partage-metropole.csv';

/** SYNTHETIC payments of both anchors in one file, as a shared finance system exports them. */
const SHARED = [
  'SIRET collectivité;N° mandat;Tiers;Code postal;Date mandat;Montant',
  `${CITY};P-1;Fournisseur synthétique Un;38000;04/02/2025;410,00`,
  `${METROPOLE};P-2;Fournisseur synthétique Deux;38100;11/02/2025;920,50`,
  `${METROPOLE};P-3;Fournisseur synthétique Trois;38400;18/02/2025;75,25`,
  '',
].join('\r\n');

let harness: Harness;
let bus: LocalEventBus;
let byCity: DatasetRecord;
let byMetropole: DatasetRecord;

beforeAll(async () => {
  harness = await startHarness();
  const territory = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
  if (!territory) throw new Error('the Grenoble territory is bundled');
  await harness.pipeline.putTerritory(territory);
  bus = await startLocalEventBus(deliverToRules);
  process.env[ENV.eventBusName] = bus.busName;
  process.env[ENV.eventsEndpoint] = bus.endpoint;
  byCity = await uploadThroughApi(harness, { anchor: CITY }, { fileName: CITY_FILE, text: SHARED });
  byMetropole = await uploadThroughApi(
    harness,
    { anchor: METROPOLE },
    { fileName: METROPOLE_FILE, text: SHARED },
  );
});

afterAll(async () => {
  await bus.idle();
  delete process.env[ENV.eventBusName];
  delete process.env[ENV.eventsEndpoint];
  await bus.stop();
  await harness.stop();
});

/** Everything the metropole's officer is sent about its file: the list and the detail, as text too. */
async function metropoleView(): Promise<{ listed: DatasetSummary; detail: DatasetDetail; text: string }> {
  const list = await call('GET /datasets', { anchor: METROPOLE });
  const detail = await call('GET /datasets/{id}', { anchor: METROPOLE, path: { id: byMetropole.id } });
  expect([list.status, detail.status]).toEqual([200, 200]);
  const listed = (list.body.datasets as DatasetSummary[]).find((entry) => entry.id === byMetropole.id);
  if (!listed) throw new Error('the metropole’s file is not in its list');
  return { listed, detail: detail.body, text: `${list.text}\n${detail.text}` };
}

/** Nothing that tells which dataset of the city holds the same bytes, nor that the city uploaded it. */
function expectNothingOfTheCity(text: string): void {
  expect(text).not.toContain(byCity.id);
  expect(text).not.toContain(CITY_FILE);
  expect(text).not.toContain(`uploads/${CITY}`);
}

describe('the same bytes uploaded by another institution', () => {
  it('are the metropole’s own upload, counting its own lines, and its view says nothing of the city’s', async () => {
    expect([byCity.status, byMetropole.status]).toEqual(['INGESTED', 'INGESTED']);
    const { listed, detail, text } = await metropoleView();
    expect(listed).toMatchObject({ status: 'INGESTED', countedIn: null, amountCents: 99_575 });
    expect(detail.countedElsewhere).toBeNull();
    expectNothingOfTheCity(text);
  });

  it('recorded as a duplicate of the city’s dataset before content was claimed per uploader, name nothing of it', async () => {
    // As ingest left such a file before 0.6.0: the same bytes anywhere made a later upload a duplicate.
    await putMeta(harness, {
      ...byMetropole,
      status: 'REJECTED',
      duplicateOf: byCity.id,
      message: duplicateMessage(byCity.id),
    });
    const { listed, detail, text } = await metropoleView();
    expectNothingOfTheCity(text);
    expect(listed).toMatchObject({ status: 'REJECTED', countedIn: 'another-institution' });
    expect(detail.dataset).toEqual(listed);
    expect(detail.countedElsewhere).toEqual({
      reason: 'duplicate',
      datasetId: 'another-institution',
      fileName: null,
    });

    // The portal shows it read, not counted (not a red rejection), and says whom to ask, in both languages.
    expect(statusName(listed, MESSAGES.fr)).toBe('Lu, non compté');
    expect(statusName(listed, MESSAGES.en)).toBe('Read, not counted');
    expect(statusClass(listed)).toBe('status-not-counted');
    const note = (language: 'fr' | 'en') =>
      countedElsewhereNote(
        detail.countedElsewhere ?? { reason: 'duplicate', datasetId: '', fileName: '' },
        MESSAGES[language],
      );
    expect(note('fr')).toContain('autre institution');
    expect(note('fr')).toContain('l’administrateur du consortium');
    expect(note('en')).toContain('the consortium’s administrator');
    // The message, for API clients and wherever the portal shows it, is in the reader's language too.
    expect(listed.message).toContain("ask the consortium's administrator");
    expect(localiseReason(listed.message ?? '', 'fr')).toContain(
      'adressez-vous à l’administrateur du consortium',
    );
  });
});

describe('the same bytes uploaded again by the same institution', () => {
  it('names the institution’s own file that counts them, and says so in French', async () => {
    // Uploaded within the same second as the first, the copy would come first by its key when its name
    // sorted before (docs/reliability.md): it sorts after, as a later second would make it.
    const copy = await uploadThroughApi(
      harness,
      { anchor: CITY },
      { fileName: 'recopie-mandats-ville.csv', text: SHARED },
    );
    const { status, body } = await call('GET /datasets/{id}', { anchor: CITY, path: { id: copy.id } });
    expect(status).toBe(200);
    expect(body.dataset).toMatchObject({ status: 'REJECTED', countedIn: byCity.id });
    expect(body.countedElsewhere).toEqual({ reason: 'duplicate', datasetId: byCity.id, fileName: CITY_FILE });
    expect(statusClass(body.dataset)).toBe('status-not-counted');
    expect(localiseReason(body.dataset.message, 'fr')).toBe(
      `ce fichier a exactement le même contenu que le jeu de données ${byCity.id}, déjà compté\u00A0: il n’est pas compté deux fois`,
    );
  });
});
