/**
 * Writes the SYNTHETIC sample data of a fictional Grenoble anchor (every supplier, SIREN and SIRET
 * invented), seeded so that every run gives the same bytes:
 * - data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv: a payment extract in the shape
 *   French finance software exports (title line, ";" separator, decimal commas, dd/mm/yyyy, BOM, CRLF),
 *   each supplier paid for its own trade (`sample-suppliers.ts`), most with their SIRET;
 * - data/samples/SYNTHETIC-sirene-Stock{UniteLegale,Etablissement}-regie-fictive-grenoble.csv: what a
 *   SIRENE extract says of those suppliers, with INSEE's headers, for `ancrage demo` to load.
 * Run: `npx tsx scripts/generate-sample-payments.ts`.
 */
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../bench/seeded-random.ts';
import {
  type EstablishmentRecord,
  stockEtablissementCsv,
  stockUniteLegaleCsv,
  syntheticSiren,
  syntheticSiret,
  type UnitRecord,
} from '../tests/fixtures/built/sirene.ts';
import { SAMPLE_SUPPLIERS, type SampleSupplier } from './sample-suppliers.ts';

const random = seededRandom(38185);
const SAMPLES = new URL('../data/samples/', import.meta.url);
const LINES = 2_400;

const header = [
  'N° mandat',
  'Date mandat',
  'Tiers',
  'SIRET',
  'Code postal',
  'Ville',
  'Pays',
  'Nature',
  'Libellé nature',
  'Montant TTC',
];

function pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
  let left = random() * items.reduce((total, item) => total + weightOf(item), 0);
  for (const item of items) {
    left -= weightOf(item);
    if (left < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new Error('pick from an empty list');
  return last;
}

/** The head office is NIC 1; a supplier paid at a branch is paid at NIC 2. */
const sirenOf = (supplier: SampleSupplier) =>
  supplier.registry ? syntheticSiren(supplier.registry.siren) : undefined;
const siretOf = (supplier: SampleSupplier): string => {
  const siren = sirenOf(supplier);
  if (!siren) return '';
  return syntheticSiret(siren, supplier.registry?.headOffice ? 2 : 1);
};

function frenchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const units = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${units},${String(absolute % 100).padStart(2, '0')}`;
}

const byName = (name: string): SampleSupplier => {
  const found = SAMPLE_SUPPLIERS.find((supplier) => supplier.name === name);
  if (!found) throw new Error(`no sample supplier named ${name}`);
  return found;
};
const partyCells = (supplier: SampleSupplier) => [
  supplier.name,
  siretOf(supplier),
  supplier.postcode,
  supplier.town,
  supplier.country,
];

const rows: string[][] = [];
for (let n = 1; n <= LINES; n++) {
  const supplier = pickWeighted(SAMPLE_SUPPLIERS, (candidate) => candidate.weight);
  const [nature, label, typical] = pickWeighted(supplier.trades, (trade) => trade[3]);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const credit = random() < 0.02;
  const cents = Math.max(100, Math.round(typical * (0.2 + random() * 1.6)));
  rows.push([
    `2025-${String(n).padStart(5, '0')}`,
    `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2025`,
    ...partyCells(supplier),
    nature,
    label,
    frenchAmount(credit ? -Math.round(cents / 4) : cents),
  ]);
}
// Lines a real extract has: one dated a day that does not exist (counted, undated), one without an
// amount (rejected with its reason).
rows.splice(700, 0, [
  '2025-XXXXX',
  '31/02/2025',
  ...partyCells(byName('Boulangerie du Cours Berriat')),
  '60623',
  'Date impossible',
  '120,00',
]);
rows.splice(1500, 0, [
  '2025-YYYYY',
  '12/06/2025',
  ...partyCells(byName('Traiteur de la Bastille')),
  '6257',
  'Montant manquant',
  '',
]);

const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const lines = [
  'Régie fictive des Eaux de Grenoble — DONNÉES SYNTHÉTIQUES (exemple Ancrage) — extraction des mandats 2025',
  '',
  header.join(';'),
  ...rows.map((row) => row.map(quote).join(';')),
];
writeFileSync(
  new URL('SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv', SAMPLES),
  `\uFEFF${lines.join('\r\n')}\r\n`,
);

const units: UnitRecord[] = [];
const establishments: EstablishmentRecord[] = [];
for (const supplier of SAMPLE_SUPPLIERS) {
  const siren = sirenOf(supplier);
  if (!siren || !supplier.registry) continue;
  const { unit, establishment, headOffice } = supplier.registry;
  units.push({ ...unit, siren, nicSiege: syntheticSiret(siren, 1).slice(9) });
  if (headOffice) establishments.push({ ...headOffice, siret: syntheticSiret(siren, 1), siege: true });
  establishments.push({ ...establishment, siret: siretOf(supplier), siege: !headOffice });
}
writeFileSync(
  new URL('SYNTHETIC-sirene-StockUniteLegale-regie-fictive-grenoble.csv', SAMPLES),
  stockUniteLegaleCsv(units),
);
writeFileSync(
  new URL('SYNTHETIC-sirene-StockEtablissement-regie-fictive-grenoble.csv', SAMPLES),
  stockEtablissementCsv(establishments),
);
console.log(
  `${rows.length} payment lines, ${units.length} legal units, ${establishments.length} establishments written`,
);
