import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.ts';

/** A real DECP v1 file: 191 contract lines, none rejected (tests/e2e/formats/decp-json.test.ts). */
const FIXTURE = join(repoRoot, 'tests/fixtures/real/decp-v1-isere-2019.json');
const OWN = '21380185500015';
const FOREIGN = 'SYNTHETIC-regie-eaux-grenoble';

let child: ChildProcess;
let base: string;
let exited: Promise<[number | null, NodeJS.Signals | null]>;

/** `npm start -- serve` runs `ancrage demo serve`: the route the README gives. */
beforeAll(async () => {
  child = spawn(process.execPath, [join(repoRoot, 'bin/ancrage.js'), 'demo', 'serve', '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stdout = '';
  base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /Ancrage portal: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await exited;
  }
});

async function signIn(anchorId: string): Promise<string> {
  const response = await fetch(`${base}/api/local/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `agent of ${anchorId}`, anchorId }),
  });
  expect(response.status).toBe(204);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0] ?? '';
}

const api = (cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${base}/api${path}`, { ...init, headers: { ...init.headers, cookie } });

interface Dataset {
  id: string;
  fileName: string;
  status: string;
  acceptedLines: number;
  rejectedLines: number;
}

/** Polls the dataset list until the upload is ingested (S3 events are asynchronous in AWS too). */
async function settled(cookie: string, fileName: string): Promise<Dataset> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const { datasets } = (await (await api(cookie, '/datasets')).json()) as { datasets: Dataset[] };
    const dataset = datasets.find((candidate) => candidate.fileName === fileName);
    if (dataset && !['RECEIVED', 'INGESTING'].includes(dataset.status)) return dataset;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${fileName} never settled`);
}

describe('ancrage serve (npm start -- serve)', () => {
  it('refuses the API without a session, and a sign-in as an institution not offered', async () => {
    expect((await fetch(`${base}/api/me`)).status).toBe(401);
    const refused = await fetch(`${base}/api/local/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', anchorId: 'nobody' }),
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });

  it('signs in, uploads a real file through the presigned form, and shows it ingested with its counts', async () => {
    const cookie = await signIn(OWN);
    const me = await (await api(cookie, '/me')).json();
    expect(me).toMatchObject({ anchorId: OWN, anchorName: 'Ville de Grenoble' });

    const signed = await api(cookie, '/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'decp-v1-isere-2019.json', kind: 'contracts' }),
    });
    expect(signed.status).toBe(201);
    const form = (await signed.json()) as { url: string; fields: Record<string, string> };
    expect(form.url.startsWith('/s3/')).toBe(true);
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
    body.append('file', new Blob([await readFile(FIXTURE)]), 'decp-v1-isere-2019.json');
    const posted = await fetch(new URL(form.url, base), { method: 'POST', body, headers: { cookie } });
    expect(posted.status).toBe(204);

    const dataset = await settled(cookie, 'decp-v1-isere-2019.json');
    expect(dataset).toMatchObject({ status: 'INGESTED', acceptedLines: 191, rejectedLines: 0 });

    // Another institution's user cannot see it.
    const foreign = await signIn(FOREIGN);
    const refused = await api(foreign, `/datasets/${dataset.id}`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ status: 404 });
    const theirs = (await (await api(foreign, '/datasets')).json()) as { datasets: Dataset[] };
    expect(theirs.datasets.map((each) => each.id)).not.toContain(dataset.id);

    // The ingest rebuilt the reports as the cloud would: the anchor's own contracts report exists and opens.
    let reports: { scope: { type: string; anchorId?: string }; kind: string; url: string }[] = [];
    for (let attempt = 0; attempt < 300 && !reports.some((r) => r.scope.anchorId === OWN); attempt++) {
      reports = ((await (await api(cookie, '/reports')).json()) as { reports: typeof reports }).reports;
      if (!reports.some((r) => r.scope.anchorId === OWN)) await new Promise((r) => setTimeout(r, 200));
    }
    const own = reports.find((report) => report.scope.anchorId === OWN);
    expect(own?.kind).toBe('contracts');
    const page = await fetch(new URL(own?.url ?? '', base));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses an upload forged into another institution’s folder, and a state change from another site', async () => {
    const cookie = await signIn(OWN);
    const signed = await api(cookie, '/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'forged.csv' }),
    });
    const form = (await signed.json()) as { url: string; fields: Record<string, string> };
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) {
      body.append(name, name === 'key' ? `uploads/${FOREIGN}/forged.csv` : value);
    }
    body.append('file', new Blob(['a;b\n1;2\n']), 'forged.csv');
    const posted = await fetch(new URL(form.url, base), { method: 'POST', body, headers: { cookie } });
    expect(posted.status).toBe(403);
    const foreign = await signIn(FOREIGN);
    const theirs = (await (await api(foreign, '/datasets')).json()) as { datasets: Dataset[] };
    expect(theirs.datasets.map((each) => each.fileName)).not.toContain('forged.csv');

    const crossSite = await api(cookie, '/reports/rebuild', {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('serves a page with a strict content-security policy, and nothing outside it', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/reports/..%2F..%2Fetc/passwd`)).status).toBe(404);
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
