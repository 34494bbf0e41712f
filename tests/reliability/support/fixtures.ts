/** The real files the reliability suites feed the pipeline, and small deterministic helpers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shuffle } from '../../../bench/seeded-random.ts';
import type { ObjectLocation } from '../../../shared/domain/dataset.ts';
import { type Harness, putUpload, UK_PAYMENTS } from '../../integration/helpers.ts';

const real = (name: string) => fileURLToPath(new URL(`../../fixtures/real/${name}`, import.meta.url));

export {
  DECP_CONTRACTS,
  SYNTHETIC_PAYMENTS,
  UK_PAYMENTS,
} from '../../integration/helpers.ts';

/** The DECP table-schema example: 4 rows, two of them older versions of a contract (set aside). */
export const DECP_SCHEMA_EXAMPLE = real('decp-table-schema-example.csv');
/** DECP v1 JSON of Isère 2019: the same contracts as the flattened CSV sample, as JSON. */
export const DECP_JSON = real('decp-v1-isere-2019.json');

export const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

/**
 * Puts an upload with a sequencer the test chooses: the dataset id hangs on it, so two stacks fed the
 * same uploads give the same ids and their tables can be compared item for item.
 */
export async function putUploadAs(
  harness: Harness,
  upload: { key: string; body: string | Uint8Array; anchorId: string; sequencer: string },
): Promise<ObjectLocation> {
  const location = await putUpload(harness, upload.key, upload.body, { anchor: upload.anchorId });
  return { ...location, sequencer: upload.sequencer };
}

export { seededRandom } from '../../../bench/seeded-random.ts';

/** A shuffled copy: the suites keep their list of uploads as it is. */
export const shuffled = <T>(items: readonly T[], random: () => number): T[] => shuffle(random, [...items]);

/**
 * The first `lines` physical lines of a real file, line ends kept: the same preamble, header and
 * data as the file, cut to keep a suite fast. The synthetic payments file's first 800 lines hold
 * its undated line (704), counted and flagged.
 */
export function headOf(path: string, lines: number): Uint8Array {
  const bytes = bytesOf(path);
  let seen = 0;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0x0a && ++seen === lines) return bytes.subarray(0, index + 1);
  }
  return bytes;
}

/** Prints a figure for docs/reliability.md when asked (`RELIABILITY_FIGURES=1`); silent otherwise. */
export function recordFigure(name: string, value: unknown): void {
  if (process.env.RELIABILITY_FIGURES === '1') console.info(`[figure] ${name}: ${JSON.stringify(value)}`);
}

/**
 * Lines `from` … `from + count - 1` (0-based, among data lines) of Oxford's real spend file under its
 * header, CRLF as published: distinct slices have distinct content, so each is a dataset of its own.
 */
export function oxfordSlice(from: number, count: number): string {
  const [header, ...data] = new TextDecoder().decode(bytesOf(UK_PAYMENTS)).split('\r\n');
  const picked = data.filter((line) => line !== '').slice(from, from + count);
  if (picked.length !== count) throw new Error(`Oxford's file has fewer than ${from + count} lines`);
  return `${header}\r\n${picked.join('\r\n')}\r\n`;
}
