/**
 * Stored data bounds, through the real ingest handler over the emulators: no value of a file, however
 * long, and no number of buyers or categories makes an item pass DynamoDB's 400 KB limit (dynalite
 * refuses such an item as DynamoDB does, and the file would end FAILED, in the dead-letter queue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupOfItem } from '../../shared/adapters/rollup-item.ts';
import { MAX_FIELD_LENGTH } from '../../shared/domain/row-text.ts';
import { SIRET } from '../fixtures/built/synthetic-ids.ts';
import {
  dataset,
  type Harness,
  ingestOne,
  lineItems,
  putUpload,
  rollupItems,
  startHarness,
  sumCents,
} from './helpers.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const ITEM_LIMIT_BYTES = 400 * 1024;
/**
 * An item's size as DynamoDB counts it, from above: names and texts in UTF-8 (not as JSON would escape
 * them), numbers at their 21-byte most, a few bytes per list or map element.
 */
const itemBytes = (value: unknown): number => {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return 21;
  if (Array.isArray(value))
    return value.reduce((bytes: number, element) => bytes + 1 + itemBytes(element), 3);
  if (value && typeof value === 'object')
    return Object.entries(value).reduce(
      (bytes, [name, element]) => bytes + 1 + Buffer.byteLength(name, 'utf8') + itemBytes(element),
      3,
    );
  return 1;
};

/** A DECP 2024 contract, SYNTHETIC: a buyer, one titulaire, an amount in euros. */
const contract = (fields: {
  id: string;
  buyer: string;
  buyerName?: string;
  objet: string;
  montant: number;
}) => ({
  id: fields.id,
  acheteur: { id: fields.buyer, ...(fields.buyerName ? { nom: fields.buyerName } : {}) },
  nature: 'Marché',
  objet: fields.objet,
  codeCPV: '45000000',
  dateNotification: '2024-02-15',
  datePublicationDonnees: '2024-02-20',
  montant: fields.montant,
  titulaires: [
    { titulaire: { typeIdentifiant: 'SIRET', id: SIRET.a, denominationSociale: 'SYNTHETIC SARL' } },
  ],
  modifications: [],
});

const decpFile = (contracts: readonly unknown[]) => JSON.stringify({ marches: { marche: contracts } });

describe('a DECP JSON contract with a 500 KB objet', () => {
  it('is counted, its objet cut at the field limit and its line flagged value-truncated', async () => {
    const objet = `SYNTHETIC ${'travaux de voirie '.repeat(30_000)}`;
    expect(objet.length).toBeGreaterThan(500_000);
    const text = decpFile([
      contract({ id: 'LONG-1', buyer: '21380185500015', objet, montant: 1234.56 }),
      contract({ id: 'SHORT-1', buyer: '21380185500015', objet: 'SYNTHETIC entretien', montant: 100 }),
    ]);
    const location = await putUpload(harness, 'uploads/21380185500015/decp-objet-geant.json', text, {
      anchor: '21380185500015',
    });

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('ingested');
    const meta = await dataset(harness, outcome.dataset.id);
    expect(meta).toMatchObject({
      status: 'INGESTED',
      lines: 2,
      rejectedLines: 0,
      amountCents: 123_456 + 10_000,
    });
    const lines = await lineItems(harness, outcome.dataset.id);
    const long = lines.find((line) => line.contractUid === '21380185500015/LONG-1');
    expect(long?.amountCents).toBe(123_456);
    expect(long?.flags).toContain('value-truncated');
    expect(String(long?.description)).toHaveLength(MAX_FIELD_LENGTH);
    expect(objet.startsWith(String(long?.description))).toBe(true);
    const short = lines.find((line) => line.contractUid === '21380185500015/SHORT-1');
    expect(short?.flags).not.toContain('value-truncated');
    for (const line of lines) expect(itemBytes(line)).toBeLessThan(ITEM_LIMIT_BYTES);
    expect(meta.reconciliation?.flags).toContainEqual({ flag: 'value-truncated', lines: 1, cents: 123_456 });
  });
});

describe('a consolidated DECP file naming 1 500 buyers with long names', () => {
  it('is recorded: the dataset lists as many of the buyers as fit, in the file’s order', async () => {
    const buyers = Array.from({ length: 1_500 }, (_, index) => `2138${String(index).padStart(10, '0')}`);
    const text = decpFile(
      buyers.map((buyer, index) =>
        contract({
          id: `C-${index}`,
          buyer,
          buyerName: `SYNTHETIC Commune n° ${index} ${'de la vallée '.repeat(25)}`,
          objet: 'SYNTHETIC fournitures',
          montant: 10,
        }),
      ),
    );
    // A file naming 1 500 buyers is the consortium administrator's to upload.
    const location = await putUpload(harness, 'uploads/consortium/decp-consolide.json', text, {
      anchor: 'consortium',
    });

    const outcome = await ingestOne(location);

    expect(outcome.outcome).toBe('ingested');
    const meta = await dataset(harness, outcome.dataset.id);
    expect(meta).toMatchObject({ status: 'INGESTED', lines: 1_500, amountCents: 1_500 * 1_000 });
    expect(meta.anchors[0]?.id).toBe(buyers[0]);
    expect(meta.anchors.length).toBeGreaterThan(100);
    expect(meta.anchors.length).toBeLessThan(1_500);
    expect(itemBytes(meta)).toBeLessThan(ITEM_LIMIT_BYTES);
  });
});

describe('a payments file giving one supplier 3 000 distinct long categories', () => {
  // Backslashes take two bytes each in the JSON text a rollup's categories are stored as, one in the list.
  it.each([
    ['letters', 'x'],
    ['backslashes', '\\'],
  ])(
    'of %s is recorded: the rollup fits in one item, every cent kept, the overflow uncategorised',
    async (_, filler) => {
      const header =
        'N° mandat;Date mandat;Tiers;SIRET;Code postal;Ville;Pays;Nature;Libellé nature;Montant TTC';
      const rows = Array.from({ length: 3_000 }, (_, index) => {
        const code = `N${String(index).padStart(4, '0')}-${filler.repeat(200)}`;
        const label = `SYNTHETIC catégorie ${index} ${'libellé '.repeat(25)}`;
        const month = String((index % 12) + 1).padStart(2, '0');
        return `2025-${String(index).padStart(5, '0')};10/${month}/2025;SYNTHETIC Fournisseur Unique;;38000;Grenoble;France;${code};${label};${index + 1},00`;
      });
      const text = `${header}\r\n${rows.join('\r\n')}\r\n`;
      // An anchor each: the second file of one anchor over the same months would replace the first.
      const anchor = `anchor-cat-${_}`;
      const location = await putUpload(harness, `uploads/${anchor}/categories.csv`, text, {
        anchor,
      });

      const outcome = await ingestOne(location);

      expect(outcome.outcome).toBe('ingested');
      const meta = await dataset(harness, outcome.dataset.id);
      const expectedCents = (3_000 * 3_001 * 100) / 2;
      expect(meta).toMatchObject({ status: 'INGESTED', lines: 3_000, amountCents: expectedCents });
      const rollups = await rollupItems(harness, outcome.dataset.id);
      expect(rollups).toHaveLength(1);
      const [rollup] = rollups;
      if (!rollup) throw new Error('no rollup');
      expect(itemBytes(rollup)).toBeLessThan(ITEM_LIMIT_BYTES);
      expect(sumCents(rollups)).toBe(expectedCents);
      const buckets = rollupOfItem(rollup).byMonthCategory;
      expect(buckets.reduce((total, [, , cents]) => total + cents, 0)).toBe(expectedCents);
      expect(rollup.foldedCategories).toBeGreaterThan(0);
      // The categories with the most money are the ones kept.
      expect(buckets.some(([, category]) => category.startsWith('N2999-'))).toBe(true);
      expect(buckets.some(([, category]) => category.startsWith('N0000-'))).toBe(false);
    },
  );
});
