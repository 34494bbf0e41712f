import { afterEach, describe, expect, it } from 'vitest';
import {
  type BusEvent,
  type LocalEventBus,
  startLocalEventBus,
} from '../../../shared/local/local-event-bus.ts';

let bus: LocalEventBus | undefined;

afterEach(async () => {
  await bus?.stop();
  bus = undefined;
});

/** PutEvents as the functions' EventBridge client sends it. */
async function put(endpoint: string, detail: unknown): Promise<void> {
  const answer = await fetch(endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': 'AWSEvents.PutEvents', 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({
      Entries: [
        { Source: 'ancrage.portal', DetailType: 'ReportRebuildRequested', Detail: JSON.stringify(detail) },
      ],
    }),
  });
  expect(answer.status).toBe(200);
}

describe('the local event bus: one delivery at a time, nothing queued twice', () => {
  it('does not queue an event identical to one still waiting: a burst of rebuilds costs two builds', async () => {
    const delivered: unknown[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    bus = await startLocalEventBus(async (event: BusEvent) => {
      delivered.push(event.detail);
      await gate;
    });
    await put(bus.endpoint, { kind: 'payments' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The first is being delivered; of the next hundred identical ones, one waits, the rest are dropped.
    for (let each = 0; each < 100; each++) await put(bus.endpoint, { kind: 'payments' });
    await put(bus.endpoint, { kind: 'contracts' });
    await put(bus.endpoint, { kind: 'payments' });
    release();
    await bus.idle();
    expect(delivered).toEqual([{ kind: 'payments' }, { kind: 'payments' }, { kind: 'contracts' }]);
  });

  it('queues the same event again once its delivery has begun', async () => {
    const delivered: unknown[] = [];
    bus = await startLocalEventBus(async (event: BusEvent) => {
      delivered.push(event.detail);
    });
    await put(bus.endpoint, { kind: 'payments' });
    await bus.idle();
    await put(bus.endpoint, { kind: 'payments' });
    await bus.idle();
    expect(delivered).toHaveLength(2);
  });
});

describe('the local event bus: malformed calls are answered, never crash serve', () => {
  const call = (endpoint: string, body: string) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSEvents.PutEvents', 'content-type': 'application/x-amz-json-1.1' },
      body,
    });

  it('fails an entry whose detail is not a JSON object alone, as EventBridge does, and puts the others', async () => {
    const delivered: unknown[] = [];
    bus = await startLocalEventBus(async (event: BusEvent) => {
      delivered.push(event.detail);
    });
    const entry = (Detail: string) => ({
      Source: 'ancrage.portal',
      DetailType: 'ReportRebuildRequested',
      Detail,
    });
    const answer = await call(
      bus.endpoint,
      JSON.stringify({ Entries: [entry('not json'), entry('{"kind":"payments"}'), entry('[1]')] }),
    );
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { FailedEntryCount: number; Entries: Record<string, string>[] };
    expect(body.FailedEntryCount).toBe(2);
    expect(body.Entries.map((one) => one.ErrorCode ?? 'put')).toEqual([
      'MalformedDetail',
      'put',
      'MalformedDetail',
    ]);
    await bus.idle();
    expect(delivered).toEqual([{ kind: 'payments' }]);
  });

  it.each(['null', '{"Entries":{}}', '{"Entries":"x"}', 'nope'])('answers %s with a 400', async (body) => {
    bus = await startLocalEventBus(async () => {});
    const answer = await call(bus.endpoint, body);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ __type: 'SerializationException' });
  });
});
