import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesClient, createSesSurveyMailer } from '../../../shared/adapters/ses-survey-mailer.ts';
import { apiDependencies } from '../../../shared/runtime/api-dependencies.ts';
import { sendReminder } from '../../../shared/use-cases/surveys/send-reminder.ts';
import { type ApiWorld, call, OWN, startApiWorld } from '../api/support.ts';
import { form, tokenOf } from './support.ts';

/**
 * The SES v2 mailer with the real SDK, against a local endpoint that answers as SES's `SendEmail`
 * does and keeps what it was sent (no SES emulator exists; the request on the wire is what matters).
 */

interface Received {
  readonly path: string;
  readonly body: {
    FromEmailAddress: string;
    Destination: { ToAddresses: string[] };
    Content: { Simple: { Subject: { Data: string }; Body: { Text: { Data: string } } } };
  };
}

let world: ApiWorld;
let ses: Server;
let endpoint: string;
const received: Received[] = [];

beforeAll(async () => {
  world = await startApiWorld();
  ses = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ MessageId: `message-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => ses.close(resolve));
  await world.stop();
});

const SENDER = 'enquete@ville.example';

describe('the SES survey mailer', () => {
  it('sends a plain-text e-mail from the configured sender to the address given', async () => {
    const mailer = createSesSurveyMailer(() => createSesClient(endpoint), SENDER);
    await mailer.send({
      to: 'gerante@boulangerie.example',
      subject: 'Sujet é',
      body: 'Corps\nhttps://x/survey/t',
    });
    expect(received.at(-1)).toEqual({
      path: '/v2/email/outbound-emails',
      body: {
        FromEmailAddress: SENDER,
        Destination: { ToAddresses: ['gerante@boulangerie.example'] },
        Content: {
          Simple: {
            Subject: { Data: 'Sujet é', Charset: 'UTF-8' },
            Body: { Text: { Data: 'Corps\nhttps://x/survey/t', Charset: 'UTF-8' } },
          },
        },
      },
    });
  });

  it('carries a reminder when the stack has a sender and the officer gives an address; the link in it works', async () => {
    const candidates = await call('GET /surveys/candidates', { query: { limit: '1' } });
    const key: string = candidates.body.candidates[0].key;
    expect((await call('POST /surveys', { body: { supplierKeys: [key] } })).status).toBe(201);
    const deps = {
      ...apiDependencies(),
      mailer: createSesSurveyMailer(() => createSesClient(endpoint), SENDER),
    };
    const caller = { anchorId: OWN, name: 'agent@ville.example', consortiumAdministrator: false };
    const sent = await sendReminder(deps, caller, {
      supplierKey: key,
      email: 'contact@fournisseur.example',
      origin: 'https://api.ancrage.example',
    });
    if (!sent.ok) throw new Error(sent.reason);
    expect(sent.value.sentTo).toBe('contact@fournisseur.example');
    const mail = received.at(-1)?.body;
    expect(mail?.Destination.ToAddresses).toEqual(['contact@fournisseur.example']);
    expect(mail?.Content.Simple.Subject.Data).toBe(sent.value.email.subject);
    expect(mail?.Content.Simple.Body.Text.Data).toContain(sent.value.link);
    expect((await form('GET /survey/{token}', tokenOf(sent.value.link))).status).toBe(200);
    // Without an address, nothing is sent: the officer copies the text.
    const count = received.length;
    const copied = await sendReminder(deps, caller, {
      supplierKey: key,
      origin: 'https://api.ancrage.example',
    });
    expect(copied.ok && copied.value.sentTo).toBeNull();
    expect(received).toHaveLength(count);
  });
});
