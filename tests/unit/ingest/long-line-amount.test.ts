import { describe, expect, it } from 'vitest';
import { createFileReader } from '../../../shared/adapters/file-reader.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { IngestCore } from '../../../shared/domain/ingest/index.ts';
import type { Rejection } from '../../../shared/domain/ingest/rejection.ts';

/**
 * A line too long to count is rejected the same way whatever size of chunks the file arrives in: a
 * small chunk leaves the reader only the line's start, a large one the whole line.
 */

const HEADER = 'N° mandat;Date mandat;Tiers;SIRET;Code postal;Montant TTC;Objet';
const normal = (n: number) => `M${n};10/01/2025;Fournisseur ${n % 40};;38000;${n},50;fournitures`;

async function* chunksOf(bytes: Buffer, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield new Uint8Array(bytes.subarray(at, at + size));
}

async function ingested(text: string, chunkSize: number) {
  const file = await createFileReader(KNOWN_FORMATS).open(chunksOf(Buffer.from(text), chunkSize));
  if (file.shape !== 'delimited') throw new Error(`read as ${file.shape}`);
  const core = new IngestCore({
    formats: KNOWN_FORMATS,
    defaultAnchorId: 'anchor-1',
    delimiter: file.delimiter,
    maxRejectedRatio: 0.5,
  });
  const rejections: Rejection[] = [];
  for await (const batch of file.rows) {
    for (const row of batch) {
      const pushed = core.push(row);
      if (!pushed.ok) throw new Error(pushed.reason);
    }
    rejections.push(...core.drainRejections());
  }
  const summary = core.finish();
  if (!summary.ok) throw new Error(summary.reason);
  rejections.push(...core.drainRejections());
  const { controlCents } = summary.value.reconciliation;
  return { rejected: rejections.map((one) => [one.lineNumber, one.amountCents]), controlCents };
}

describe('a line over 65 536 characters', () => {
  const before = Array.from({ length: 3_000 }, (_, n) => normal(n));
  const normalCents = before.reduce((sum, _, n) => sum + n * 100 + 50, 0);
  const file = (long: string) => [HEADER, ...before, long, normal(3_000)].join('\n');

  it.each([
    [
      'its amount early in the line: given',
      `M;05/03/2025;ACME;;38000;1 000,00;${'x'.repeat(100_000)}`,
      100000,
    ],
    [
      'its amount after the long value: not given',
      `M;05/03/2025;${'x'.repeat(100_000)};;38000;1 000,00;objet`,
      undefined,
    ],
  ])('%s, the same at every chunk size', async (_, long, amountCents) => {
    const lineNumber = before.length + 2;
    const expected = {
      rejected: [[lineNumber, amountCents]],
      controlCents: normalCents + 300_050 + (amountCents ?? 0),
    };
    for (const chunkSize of [1_000, 16 * 1024, 64 * 1024, 1024 * 1024])
      expect(await ingested(file(long), chunkSize), `chunks of ${chunkSize} bytes`).toEqual(expected);
  });
});
