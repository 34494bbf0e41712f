import { it } from 'vitest';
import { startEmbeddedStack } from '../../shared/local/embedded-stack.ts';
import { LocalPipeline } from '../../shared/local/local-pipeline.ts';

it('times', async () => {
  let t = Date.now();
  const stack = await startEmbeddedStack();
  console.log('start', Date.now() - t);
  const p = new LocalPipeline(stack);
  for (const f of [
    'SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv',
    'uk-oxford-spend-over-500-2018q1.csv',
    'decp-isere-2019-flattened.csv',
  ]) {
    t = Date.now();
    const loc = await p.upload({ path: `data/samples/${f}`, anchorId: 'a1' });
    const out = await p.ingest(loc);
    const { receivedAt, updatedAt, ...d } = out[0]!.dataset;
    console.log(f, Date.now() - t, out[0]?.outcome, JSON.stringify(d).slice(0, 1500));
  }
  t = Date.now();
  const r = await p.report({ kind: 'payments' });
  console.log('report', Date.now() - t, r.published ? JSON.stringify(r.report.totals) : r.reason);
  p.close();
  await stack.stop();
});
