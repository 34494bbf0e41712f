import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENV } from '../../shared/contracts/environment.ts';
import { type BusEvent, type LocalEventBus, startLocalEventBus } from '../../shared/local/local-event-bus.ts';
import { objectCreatedEvent } from '../../shared/local/local-pipeline.ts';
import { DATASET_INGESTED } from '../../shared/ports/dataset-events.ts';
import { type Harness, invokeIngest, SYNTHETIC_PAYMENTS, startHarness } from './helpers.ts';

/**
 * "Dataset ingested" rebuilds the reports. A run can count a file and end before it announces it
 * (a crash, a timeout): the redelivery of its event finds the dataset counted, and announces it
 * then, or its reports would never be rebuilt.
 */

let harness: Harness;
let bus: LocalEventBus;
const announced: BusEvent[] = [];

beforeAll(async () => {
  harness = await startHarness();
  bus = await startLocalEventBus(async (event) => {
    announced.push(event);
  });
  process.env[ENV.eventBusName] = bus.busName;
  process.env[ENV.eventsEndpoint] = bus.endpoint;
});

afterAll(async () => {
  delete process.env[ENV.eventBusName];
  delete process.env[ENV.eventsEndpoint];
  await bus?.stop();
  await harness?.stop();
});

it('announces a counted dataset once per delivery of its event, the redelivery included', async () => {
  const location = await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId: 'anchor-1' });
  const event = objectCreatedEvent(location);
  await invokeIngest(event);
  await bus.idle();
  expect(announced).toEqual([
    { source: DATASET_INGESTED.source, detailType: DATASET_INGESTED.detailType, detail: expect.anything() },
  ]);

  const again = await invokeIngest(event);
  await bus.idle();
  expect(again).toMatchObject({ outcomes: [{ outcome: 'already-done' }] });
  expect(announced).toHaveLength(2);
  expect(announced[1]?.detail).toEqual(announced[0]?.detail);
});

it('announces nothing for a file that was not counted', async () => {
  const before = announced.length;
  const location = await harness.pipeline.upload({
    path: SYNTHETIC_PAYMENTS,
    anchorId: 'anchor-2',
    kind: 'contracts',
  });
  const event = objectCreatedEvent(location);
  expect(await invokeIngest(event)).toMatchObject({ outcomes: [{ outcome: 'rejected' }] });
  expect(await invokeIngest(event)).toMatchObject({ outcomes: [{ outcome: 'already-done' }] });
  await bus.idle();
  expect(announced).toHaveLength(before);
});
