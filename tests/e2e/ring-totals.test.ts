import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/cli/analyze.ts';
import { BUNDLED_TERRITORIES } from '../../shared/domain/territory/bundled-territories.ts';
import { repoRoot } from '../support/run-cli.ts';

const require = createRequire(import.meta.url);
interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
}
// Straight from the official package, not from Ancrage's derived tables: an independent computation.
const communes: EtalabCommune[] = require('@etalab/decoupage-administratif/data/communes.json');
const metropole: { membres: { code: string }[] } =
  require('@etalab/decoupage-administratif/data/epci.json').find(
    (epci: { code: string }) => epci.code === '200040715',
  );
const members = new Set(metropole.membres.map((member) => member.code));
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/cedex.*$/, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();

function ringOf(postcode: string, town: string, country: string): string {
  if (country && country !== 'France') return 'abroad';
  if (!postcode) return 'unknown';
  let candidates = communes.filter(
    (c) => c.type === 'commune-actuelle' && c.codesPostaux?.includes(postcode),
  );
  const named = candidates.filter((c) => fold(c.nom) === fold(town));
  if (named.length > 0) candidates = named;
  // A CEDEX postcode is no commune's: the commune the file names, in the postcode's département.
  if (candidates.length === 0 && town) {
    candidates = communes.filter(
      (c) =>
        c.type === 'commune-actuelle' && c.departement === postcode.slice(0, 2) && fold(c.nom) === fold(town),
    );
  }
  if (candidates.length === 0) return postcode.startsWith('38') ? 'departement' : 'france';
  const rank = (c: EtalabCommune) =>
    c.code === '38185' ? 0 : members.has(c.code) ? 1 : c.departement === '38' ? 2 : c.region === '84' ? 3 : 4;
  return (
    ['commune', 'metropole', 'departement', 'region', 'france'][Math.max(...candidates.map(rank))] ?? 'france'
  );
}

function cents(amount: string): number {
  const negative = amount.startsWith('-');
  const [units = '0', decimals = '00'] = amount.replace('-', '').replace(/\s/g, '').split(',');
  return (negative ? -1 : 1) * (Number(units) * 100 + Number(decimals));
}

describe('ancrage analyze on a payments file with supplier postcodes', () => {
  it('gives ring totals equal to an independent computation from the official geography', async () => {
    const file = join(repoRoot, 'data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv');
    const territory = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
    if (!territory) throw new Error('bundled');
    const expected = new Map<string, number>();
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(3);
    for (const line of lines) {
      const [, , , , postcode = '', town = '', country = '', nature = '', , amount = ''] = line.split(';');
      // A line without an amount is rejected; one dated 31/02 is counted all the same (undated).
      if (!amount) continue;
      if (['63', '64', '65', '66', '68'].includes(nature.slice(0, 2))) continue;
      const ring = ringOf(postcode, town, country);
      expected.set(ring, (expected.get(ring) ?? 0) + cents(amount));
    }
    const { report } = await analyze({
      files: [file],
      outDir: mkdtempSync(join(tmpdir(), 'ancrage-rings-')),
      territory,
      customTerritory: false,
      kind: 'payments',
      anchorId: 'synthetic',
      language: 'fr',
      mapping: undefined,
    });
    const actual = new Map(report.byRing.map((band) => [band.ring, Math.round(band.amount * 100)]));
    for (const ring of ['commune', 'metropole', 'departement', 'region', 'france', 'abroad', 'unknown']) {
      expect(actual.get(ring), ring).toBe(expected.get(ring) ?? 0);
    }
    const local = (expected.get('commune') ?? 0) + (expected.get('metropole') ?? 0);
    expect(Math.round(report.headline.localAmount * 100)).toBe(local);
  });
});
