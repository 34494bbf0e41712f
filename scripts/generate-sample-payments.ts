/**
 * Writes data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv: a SYNTHETIC payment extract
 * of a fictional Grenoble anchor, in the shape French finance software exports (";" separator,
 * decimal commas, dd/mm/yyyy). Every supplier is invented. Run: `npx tsx scripts/generate-sample-payments.ts`.
 */
import { writeFileSync } from 'node:fs';
import { pick, seededRandom } from '../bench/seeded-random.ts';

const random = seededRandom(38185);

/** [name, postcode, town, country]: invented suppliers placed in each ring of the territory. */
const SUPPLIERS: readonly (readonly [string, string, string, string])[] = [
  ['Boulangerie du Cours Berriat', '38000', 'Grenoble', 'France'],
  ['Imprimerie Alpine Coopérative SCOP', '38000', 'Grenoble', 'France'],
  ['Atelier Vélo Solidaire (association)', '38100', 'Grenoble', 'France'],
  ['Cabinet Conseil Vercors SARL', '38100', 'Grenoble', 'France'],
  ['Traiteur de la Bastille', '38000', 'Grenoble', 'France'],
  ['Nettoyage Bonne SCIC', '38100', 'Grenoble', 'France'],
  ['Espaces Verts Échirollois', '38130', 'Échirolles', 'France'],
  ['Menuiserie du Drac SAS', '38130', 'Échirolles', 'France'],
  ['Informatique Saint-Martinoise', '38400', "Saint-Martin-d'Hères", 'France'],
  ['Transports Meylanais', '38240', 'Meylan', 'France'],
  ['Électricité Fontaine', '38600', 'Fontaine', 'France'],
  ['Papeterie de Sassenage', '38360', 'Sassenage', 'France'],
  ['Maraîchers du Voironnais', '38500', 'Voiron', 'France'],
  ['BTP Chartreuse', '38380', 'Saint-Laurent-du-Pont', 'France'],
  ['Plomberie Berjallienne', '38300', 'Bourgoin-Jallieu', 'France'],
  ['Fournitures Scolaires Rhône SA', '69003', 'Lyon', 'France'],
  ['Énergie Savoie Distribution', '73000', 'Chambéry', 'France'],
  ['Mobilier Urbain Annecy', '74000', 'Annecy', 'France'],
  ['Logiciels Publics Nationaux SA', '75015', 'Paris', 'France'],
  ['Carburants de France SAS', '92400', 'Courbevoie', 'France'],
  ['Assurances Mutuelles Atlantique', '79000', 'Niort', 'France'],
  ['Véhicules Électriques Nord', '59000', 'Lille', 'France'],
  ['Services Postaux Grenoble Cedex', '38044', 'Grenoble Cedex 9', 'France'],
  ['Matériel Scénique GmbH', '', 'München', 'Allemagne'],
  ['Fournisseur sans adresse', '', '', ''],
];

/** [nature code, label, typical amount in cents]: M57 accounts, with chapters the method excludes. */
const NATURES: readonly (readonly [string, string, number])[] = [
  ['60632', 'Fournitures de petit équipement', 85_000],
  ['6064', 'Fournitures administratives', 42_000],
  ['611', 'Contrats de prestations de services', 640_000],
  ['615221', 'Entretien et réparations bâtiments', 380_000],
  ['6184', 'Versements à des organismes de formation', 150_000],
  ['6231', 'Annonces et insertions', 60_000],
  ['6257', 'Réceptions', 120_000],
  ['2183', 'Matériel de bureau et informatique', 900_000],
  ['2313', 'Constructions en cours', 4_500_000],
  ['6574', 'Subventions aux associations', 500_000],
  ['6355', 'Taxes et impôts sur les véhicules', 30_000],
];

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

function frenchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const units = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${units},${String(absolute % 100).padStart(2, '0')}`;
}

const rows: string[][] = [];
for (let n = 1; n <= 2_400; n++) {
  const [name, postcode, town, country] = pick(random, SUPPLIERS);
  const [nature, label, typical] = pick(random, NATURES);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const credit = random() < 0.02;
  const cents = Math.max(100, Math.round(typical * (0.2 + random() * 1.6)));
  rows.push([
    `2025-${String(n).padStart(5, '0')}`,
    `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2025`,
    name,
    '',
    postcode,
    town,
    country,
    nature,
    label,
    frenchAmount(credit ? -Math.round(cents / 4) : cents),
  ]);
}
// Lines a real extract has and ingest must reject with a reason.
rows.splice(700, 0, [
  '2025-XXXXX',
  '31/02/2025',
  'Boulangerie du Cours Berriat',
  '',
  '38000',
  'Grenoble',
  'France',
  '6064',
  'Date impossible',
  '120,00',
]);
rows.splice(1500, 0, [
  '2025-YYYYY',
  '12/06/2025',
  'Traiteur de la Bastille',
  '',
  '38000',
  'Grenoble',
  'France',
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
  new URL('../data/samples/SYNTHETIC-regie-fictive-grenoble-mandats-2025.csv', import.meta.url),
  `\uFEFF${lines.join('\r\n')}\r\n`,
);
console.log(`${rows.length} data lines written`);
