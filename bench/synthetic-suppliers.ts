/**
 * The SYNTHETIC suppliers both bench files share: the payments file pays them, the registry extract
 * describes the ones with a SIRET. Invented names, made-up identifiers, real French postcodes and
 * communes (so locality resolves as it would on a real file).
 */
import { readFileSync } from 'node:fs';
import { between, pick, type Random, seededRandom, shuffle } from './seeded-random.ts';
import { siretOf, supplierSiren } from './synthetic-ids.ts';

export interface SyntheticSupplier {
  /** The finance software's own code (`Code tiers`). */
  readonly code: string;
  readonly name: string;
  /** Most suppliers carry a SIRET; the others are known by name and postcode only. */
  readonly siret: string | undefined;
  /** Head office (SIRET ending its SIREN's first establishment) or a branch. */
  readonly headOffice: boolean;
  readonly postcode: string;
  readonly town: string;
  /** INSEE commune code of the establishment; empty abroad. */
  readonly communeCode: string;
  readonly country: string;
  /** NAF activity of the trade. */
  readonly activity: string;
  /** Its accounting natures: [code, label, typical amount in cents]. */
  readonly natures: readonly (readonly [string, string, number])[];
}

type Nature = readonly [string, string, number];

const SUPPLIES: Nature = ['60632', 'Fournitures de petit équipement', 85_000];
const OFFICE: Nature = ['6064', 'Fournitures administratives', 42_000];
const SERVICES: Nature = ['611', 'Contrats de prestations de services', 640_000];
const BUILDINGS: Nature = ['615221', 'Entretien et réparations bâtiments', 380_000];
const NETWORKS: Nature = ['615231', 'Entretien et réparations voiries', 520_000];
const TRAINING: Nature = ['6184', 'Versements à des organismes de formation', 150_000];
const ADVERTS: Nature = ['6231', 'Annonces et insertions', 60_000];
const RECEPTIONS: Nature = ['6257', 'Réceptions', 120_000];
const FOOD: Nature = ['60623', 'Alimentation', 210_000];
const ENERGY: Nature = ['60612', 'Énergie – électricité', 1_250_000];
const FUEL: Nature = ['60622', 'Carburants', 310_000];
const IT: Nature = ['2183', 'Matériel de bureau et informatique', 900_000];
const WORKS: Nature = ['2313', 'Constructions en cours', 4_500_000];
const VEHICLES: Nature = ['2182', 'Matériel de transport', 2_800_000];
const GRANTS: Nature = ['6574', 'Subventions aux associations', 500_000];
const TAXES: Nature = ['6355', 'Taxes et impôts sur les véhicules', 30_000];
const FEES: Nature = ['6226', 'Honoraires', 450_000];
const TELECOM: Nature = ['6262', 'Frais de télécommunications', 95_000];
const INSURANCE: Nature = ['6161', 'Primes d’assurance multirisques', 780_000];

/** [trade, NAF activity, natures]. */
const TRADES: readonly (readonly [string, string, readonly Nature[]])[] = [
  ['Boulangerie', '10.71C', [FOOD, RECEPTIONS]],
  ['Traiteur', '56.21Z', [RECEPTIONS, FOOD]],
  ['Restauration collective', '56.29A', [FOOD, SERVICES]],
  ['Menuiserie', '43.32A', [BUILDINGS, WORKS]],
  ['Plomberie', '43.22A', [BUILDINGS, WORKS]],
  ['Électricité', '43.21A', [BUILDINGS, WORKS]],
  ['Maçonnerie', '43.99C', [WORKS, BUILDINGS]],
  ['Peinture et décoration', '43.34Z', [BUILDINGS]],
  ['Serrurerie', '25.12Z', [BUILDINGS, SUPPLIES]],
  ['Chauffage', '43.22B', [BUILDINGS, ENERGY]],
  ['Travaux publics', '42.11Z', [NETWORKS, WORKS]],
  ['Signalisation', '43.99D', [NETWORKS, SUPPLIES]],
  ['Espaces verts', '81.30Z', [SERVICES, NETWORKS]],
  ['Élagage', '02.40Z', [SERVICES]],
  ['Nettoyage', '81.21Z', [SERVICES]],
  ['Imprimerie', '18.12Z', [OFFICE, ADVERTS]],
  ['Papeterie', '47.62Z', [OFFICE, SUPPLIES]],
  ['Librairie', '47.61Z', [OFFICE]],
  ['Informatique', '62.02A', [IT, SERVICES]],
  ['Télécom', '61.10Z', [TELECOM]],
  ['Conseil', '70.22Z', [FEES, SERVICES]],
  ['Cabinet d’avocats', '69.10Z', [FEES]],
  ['Formation', '85.59A', [TRAINING]],
  ['Sécurité', '80.10Z', [SERVICES]],
  ['Transports', '49.39B', [SERVICES, FUEL]],
  ['Garage', '45.20A', [VEHICLES, FUEL, TAXES]],
  ['Énergie', '35.14Z', [ENERGY]],
  ['Assurances', '65.12Z', [INSURANCE]],
  ['Mobilier', '31.01Z', [IT, SUPPLIES]],
  ['Œuvres sociales', '88.99B', [GRANTS]],
  ['Association sportive', '93.12Z', [GRANTS]],
  ['Communication', '73.11Z', [ADVERTS, FEES]],
];

const NAMES = [
  'Dupont',
  'Martin',
  'Bernard',
  'Lefèvre',
  'Girard',
  'Rousseau',
  'Fournier',
  'Noël',
  'Müller',
  'Benoît',
  'Chevalier',
  'Gauthier',
  'Perrin',
  'Faure',
  'Blanc',
  'Garnier',
  'Mercier',
  'Boyer',
  'Brun',
  'Roux',
  'Vincent',
  'Morel',
  'Masson',
  'Clément',
  'de la Chartreuse',
  'du Vercors',
  'de Belledonne',
  'du Drac',
  'de l’Isère',
  'des Alpes',
  'du Grésivaudan',
  'de la Bastille',
  'du Trièves',
  'de l’Oisans',
  'Rhône-Alpes',
  'Dauphinoise',
  'Savoyarde',
  'Lyonnaise',
  'Parisienne',
  'Méditerranée',
];

const FORMS = ['SARL', 'SAS', 'SA', 'EURL', 'SCOP', 'SCIC', 'et Fils', 'Frères', '', '', '', 'SASU'];

/**
 * CEDEX codes: absent from the postcode table, so without the registry locality falls back to the
 * département. [postcode, town, the commune INSEE files the establishment under].
 */
const CEDEX: readonly (readonly [string, string, string])[] = [
  ['38044', 'Grenoble Cedex 9', '38185'],
  ['38034', 'Grenoble Cedex 2', '38185'],
  ['69398', 'Lyon Cedex 03', '69383'],
  ['75731', 'Paris Cedex 15', '75115'],
];

/** [town, country] of suppliers abroad: no French postcode, no SIRET. */
const ABROAD: readonly (readonly [string, string])[] = [
  ['München', 'Allemagne'],
  ['Bruxelles', 'Belgique'],
  ['Barcelona', 'Espagne'],
  ['Torino', 'Italie'],
  ['Genève', 'Suisse'],
  ['Luxembourg', 'Luxembourg'],
];

interface Places {
  readonly metropole: readonly string[];
  readonly isere: readonly string[];
  readonly elsewhere: readonly string[];
  readonly communesOf: ReadonlyMap<string, readonly string[]>;
  readonly nameOf: ReadonlyMap<string, string>;
}

const dataFile = (path: string) =>
  JSON.parse(readFileSync(new URL(`../data/${path}`, import.meta.url), 'utf-8')) as unknown;

function loadPlaces(): Places {
  const postcodes = (dataFile('geography/france-postcodes.json') as { postcodes: Record<string, string> })
    .postcodes;
  const communes = (dataFile('geography/france-communes.json') as { communes: Record<string, [string]> })
    .communes;
  const territory = dataFile('territories/grenoble-alpes-metropole.json') as {
    rings: { id: string; communes?: string[] }[];
  };
  const metropoleCommunes = new Set(territory.rings.find((ring) => ring.id === 'metropole')?.communes);
  const communesOf = new Map<string, string[]>();
  for (const [postcode, list] of Object.entries(postcodes)) communesOf.set(postcode, list.split(' '));
  const nameOf = new Map(Object.entries(communes).map(([code, [name]]) => [code, name]));
  const all = [...communesOf.keys()].sort();
  const inMetropole = (postcode: string) =>
    (communesOf.get(postcode) ?? []).some((commune) => metropoleCommunes.has(commune));
  for (const [code] of CEDEX) if (communesOf.has(code)) throw new Error(`${code} is not a CEDEX code`);
  return {
    metropole: all.filter(inMetropole),
    isere: all.filter((postcode) => postcode.startsWith('38') && !inMetropole(postcode)),
    elsewhere: all.filter((postcode) => !postcode.startsWith('38')),
    communesOf,
    nameOf,
  };
}

function placeOf(
  random: Random,
  places: Places,
): Pick<SyntheticSupplier, 'postcode' | 'town' | 'communeCode' | 'country'> {
  const roll = random();
  if (roll < 0.03) {
    const [town, country] = pick(random, ABROAD);
    return { postcode: '', town, communeCode: '', country };
  }
  if (roll < 0.05) {
    const [postcode, town, communeCode] = pick(random, CEDEX);
    return { postcode, town, communeCode, country: 'France' };
  }
  const list = roll < 0.4 ? places.metropole : roll < 0.55 ? places.isere : places.elsewhere;
  const postcode = pick(random, list);
  const communeCode = places.communesOf.get(postcode)?.[0] ?? '';
  return { postcode, town: places.nameOf.get(communeCode) ?? '', communeCode, country: 'France' };
}

/** `count` distinct suppliers (by SIRET, or by name and postcode), the same for the same seed. */
export function syntheticSuppliers(count: number, seed: number): SyntheticSupplier[] {
  const random = seededRandom(seed);
  const places = loadPlaces();
  const seen = new Set<string>();
  const suppliers: SyntheticSupplier[] = [];
  while (suppliers.length < count) {
    const n = suppliers.length;
    const [trade, activity, natures] = pick(random, TRADES);
    const odd = random();
    // A few names a CSV writer must quote: a semicolon, double quotes.
    const who =
      odd < 0.01
        ? `${pick(random, NAMES)}; ${pick(random, NAMES)} et associés`
        : odd < 0.02
          ? `"${pick(random, NAMES)}"`
          : pick(random, NAMES);
    const name = `${trade} ${who} ${pick(random, FORMS)}`.trim();
    const place = placeOf(random, places);
    const hasSiret = place.country === 'France' && random() < 0.8;
    // Legal-form words do not count in a supplier's key: "X SARL" and "X SAS" at one postcode are one.
    const identity = `${trade}\u0000${who.replace(/"/g, '')}\u0000${place.postcode}`;
    if (!hasSiret && seen.has(identity)) continue;
    seen.add(identity);
    const headOffice = random() < 0.7;
    const siret = hasSiret ? siretOf(supplierSiren(n), headOffice ? 1 : between(random, 2, 40)) : undefined;
    suppliers.push({
      code: `T${String(n + 1).padStart(6, '0')}`,
      name,
      siret,
      headOffice,
      ...place,
      activity,
      natures,
    });
  }
  return shuffle(random, suppliers);
}
