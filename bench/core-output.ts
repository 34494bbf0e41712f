/**
 * `npx tsx bench/core-output.ts <file>… [--out DIR]`
 *
 * Everything the ingest core makes of a file — each accepted line and rejection in order, the
 * summary, the rollups, the content hash — as JSON lines (key order included), and its SHA-256. Run
 * it before and after a change to the core: the digests must be equal, and the dumps in DIR can be
 * diffed when they are not. A change that only makes the core faster must not move a single byte.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openIngestCore } from './measure-core.ts';

/** The core's whole output for one file, one JSON value per line. */
export async function coreOutputOf(path: string): Promise<string[]> {
  const { file, source } = await openIngestCore(path);
  const out: string[] = [];
  const drain = () => {
    for (const line of source.drainLines()) out.push(JSON.stringify(['line', line]));
    for (const rejection of source.drainRejections()) out.push(JSON.stringify(['rejection', rejection]));
  };
  for (let pushed = await source.pushBatch(); pushed !== 'done'; pushed = await source.pushBatch()) {
    if (!pushed.ok) {
      out.push(JSON.stringify(['failure', pushed.reason]));
      return out;
    }
    drain();
  }
  const summary = source.finish();
  drain();
  out.push(JSON.stringify(['summary', summary]));
  for (const rollup of source.rollups.records()) out.push(JSON.stringify(['rollup', rollup]));
  out.push(JSON.stringify(['file', file.encoding, file.bytesRead(), file.contentSha256()]));
  return out;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' } },
});
if (values.out) mkdirSync(values.out, { recursive: true });
for (const path of positionals) {
  const lines = await coreOutputOf(path);
  const text = `${lines.join('\n')}\n`;
  if (values.out) writeFileSync(join(values.out, `${basename(path)}.jsonl`), text);
  console.log(`${createHash('sha256').update(text).digest('hex')}  ${lines.length} records  ${path}`);
}
