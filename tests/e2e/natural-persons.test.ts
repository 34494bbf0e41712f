import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/cli/analyze.ts';
import { BUNDLED_TERRITORIES } from '../../shared/domain/territory/bundled-territories.ts';
import { CONSORTIUM_UPLOADER } from '../../shared/domain/territory/consortium.ts';
import { workDir } from './formats/support.ts';

const oxford = BUNDLED_TERRITORIES.get('oxford');
if (!oxford) throw new Error('the bundled territory oxford is missing');

const SAMPLE = 'data/samples/uk-oxford-spend-over-500-2018q1.csv';
/** A payee opening with a civil title, wherever a name may be written (a cell, a key, HTML text). */
const TITLED = /(?:^|[\s,;">:|])(?:MR|MRS|MS|MISS|DR) [A-Z]/i;

describe('the Oxford sample, published', () => {
  it('names no "MR …"/"MRS …" payee in any file, and counts their money', async () => {
    const outDir = join(workDir(), 'out');
    const result = await analyze({
      files: [SAMPLE],
      outDir,
      territory: oxford,
      customTerritory: false,
      kind: undefined,
      anchorId: CONSORTIUM_UPLOADER,
      language: 'en',
      mapping: undefined,
    });
    const published = readdirSync(outDir).filter((file) => /\.(json|html|csv)$/.test(file));
    expect(published).toEqual(expect.arrayContaining(['report.json', 'report.html', 'suppliers.csv']));
    for (const file of published) {
      const body = readFileSync(join(outDir, file), 'utf8');
      expect(body.match(TITLED)?.[0], file).toBeUndefined();
    }
    // The sample pays eleven titled payees (MR M LENTHALL 3 300,00 £ … MR ARJ & MS SALLY ARUL 621,30 £).
    const suppliers = readFileSync(join(outDir, 'suppliers.csv'), 'utf8');
    const line = suppliers.split('\r\n').find((row) => row.startsWith('natural-persons'));
    expect(line).toContain('Natural persons (11)');
    expect(line).toContain(',19748.58,19748.58,11,');
    expect(result.report.totals.suppliers).toBe(369);
  }, 120_000);
});
