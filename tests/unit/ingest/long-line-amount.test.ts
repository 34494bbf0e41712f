import { describe, expect, it } from 'vitest';
import { ingestStream } from '../../support/ingest-stream.ts';

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
  const { rejections, summary } = await ingestStream(chunksOf(Buffer.from(text), chunkSize), 0.5);
  const { controlCents } = summary.reconciliation;
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
