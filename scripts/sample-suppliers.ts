/**
 * The invented suppliers of the SYNTHETIC sample: each with its own trade (the M57 nature accounts
 * it is paid under, at amounts that trade plausibly invoices) and, for most, what a SIRENE extract
 * would say of it. Every name, SIREN and SIRET is made up.
 */
import type { EstablishmentRecord, UnitRecord } from '../tests/fixtures/built/sirene.ts';

/** [M57 nature code, its label, typical amount in cents, share of the supplier's lines]. */
export type Trade = readonly [string, string, number, number];

/** What the registry says of a supplier; its SIRET is derived from `siren`, NIC 1 (2 for a branch). */
export interface SampleRegistry {
  /** A number turned into a Luhn-valid synthetic SIREN. */
  readonly siren: number;
  readonly unit: Omit<UnitRecord, 'siren'>;
  /** The establishment paid (the one at the address the payment file gives). */
  readonly establishment: Omit<EstablishmentRecord, 'siret' | 'siege'>;
  /** The head office when it is not the establishment paid. */
  readonly headOffice?: Omit<EstablishmentRecord, 'siret' | 'siege'>;
}

export interface SampleSupplier {
  readonly name: string;
  readonly postcode: string;
  readonly town: string;
  readonly country: string;
  /** Relative number of payment lines. */
  readonly weight: number;
  readonly trades: readonly Trade[];
  /** Absent: the payment file gives no SIRET (a foreign firm, a name only, as real extracts have). */
  readonly registry?: SampleRegistry;
}

const at = (codeCommune: string, codePostal: string, libelleCommune: string) => ({
  codeCommune,
  codePostal,
  libelleCommune,
});

export const SAMPLE_SUPPLIERS: readonly SampleSupplier[] = [
  {
    name: 'Boulangerie du Cours Berriat',
    postcode: '38000',
    town: 'Grenoble',
    country: 'France',
    weight: 6,
    trades: [['60623', 'Alimentation', 35_000, 1]],
  },
  {
    name: 'Imprimerie Alpine Coopérative SCOP',
    postcode: '38000',
    town: 'Grenoble',
    country: 'France',
    weight: 4,
    trades: [
      ['6236', 'Catalogues et imprimés', 280_000, 0.7],
      ['6064', 'Fournitures administratives', 60_000, 0.3],
    ],
    registry: {
      siren: 101,
      unit: {
        denomination: 'IMPRIMERIE ALPINE COOPERATIVE',
        categorieJuridique: '5458',
        ess: 'O',
        categorieEntreprise: 'PME',
        trancheEffectifs: '11',
        activite: '18.12Z',
      },
      establishment: { ...at('38185', '38000', 'GRENOBLE'), activite: '18.12Z', trancheEffectifs: '11' },
    },
  },
  {
    name: 'Atelier Vélo Solidaire (association)',
    postcode: '38100',
    town: 'Grenoble',
    country: 'France',
    weight: 3,
    trades: [
      ['61551', 'Entretien et réparations - Matériel roulant', 45_000, 0.8],
      ['6574', 'Subventions de fonctionnement aux associations', 800_000, 0.2],
    ],
    registry: {
      siren: 102,
      unit: {
        denomination: 'ATELIER VELO SOLIDAIRE',
        categorieJuridique: '9220',
        ess: 'O',
        trancheEffectifs: '03',
        activite: '95.29Z',
      },
      establishment: { ...at('38185', '38100', 'GRENOBLE'), activite: '95.29Z', trancheEffectifs: '03' },
    },
  },
  {
    name: 'Cabinet Conseil Vercors SARL',
    postcode: '38100',
    town: 'Grenoble',
    country: 'France',
    weight: 2,
    trades: [
      ['6226', 'Honoraires', 450_000, 0.7],
      ['617', 'Études et recherches', 1_200_000, 0.3],
    ],
    registry: {
      siren: 103,
      unit: {
        denomination: 'CABINET CONSEIL VERCORS',
        categorieJuridique: '5499',
        categorieEntreprise: 'PME',
        trancheEffectifs: '01',
        activite: '70.22Z',
      },
      establishment: { ...at('38185', '38100', 'GRENOBLE'), activite: '70.22Z', trancheEffectifs: '01' },
    },
  },
  {
    name: 'Traiteur de la Bastille',
    postcode: '38000',
    town: 'Grenoble',
    country: 'France',
    weight: 4,
    trades: [['6257', 'Réceptions', 95_000, 1]],
    registry: {
      siren: 104,
      unit: {
        denomination: 'TRAITEUR DE LA BASTILLE',
        categorieJuridique: '5710',
        categorieEntreprise: 'PME',
        trancheEffectifs: '11',
        activite: '56.21Z',
      },
      establishment: { ...at('38185', '38000', 'GRENOBLE'), activite: '56.21Z', trancheEffectifs: '11' },
    },
  },
  {
    name: 'Nettoyage Bonne SCIC',
    postcode: '38100',
    town: 'Grenoble',
    country: 'France',
    weight: 6,
    trades: [['6283', 'Frais de nettoyage des locaux', 210_000, 1]],
    registry: {
      siren: 105,
      unit: {
        denomination: 'NETTOYAGE BONNE SCIC',
        categorieJuridique: '5710',
        ess: 'O',
        categorieEntreprise: 'PME',
        trancheEffectifs: '21',
        activite: '81.21Z',
      },
      establishment: { ...at('38185', '38100', 'GRENOBLE'), activite: '81.21Z', trancheEffectifs: '21' },
    },
  },
  {
    name: 'Espaces Verts Échirollois',
    postcode: '38130',
    town: 'Échirolles',
    country: 'France',
    weight: 4,
    trades: [
      ['61521', 'Entretien et réparations - Terrains', 180_000, 0.8],
      ['2121', "Plantations d'arbres et d'arbustes", 600_000, 0.2],
    ],
    registry: {
      siren: 106,
      unit: {
        denomination: 'ESPACES VERTS ECHIROLLOIS',
        categorieJuridique: '5460',
        ess: 'O',
        categorieEntreprise: 'PME',
        trancheEffectifs: '12',
        activite: '81.30Z',
      },
      establishment: { ...at('38151', '38130', 'ECHIROLLES'), activite: '81.30Z', trancheEffectifs: '12' },
    },
  },
  {
    name: 'Menuiserie du Drac SAS',
    postcode: '38130',
    town: 'Échirolles',
    country: 'France',
    weight: 4,
    trades: [
      ['615221', 'Entretien et réparations - Bâtiments publics', 240_000, 0.7],
      ['2313', 'Constructions', 2_200_000, 0.3],
    ],
    registry: {
      siren: 107,
      unit: {
        denomination: 'MENUISERIE DU DRAC',
        categorieJuridique: '5710',
        categorieEntreprise: 'PME',
        trancheEffectifs: '11',
        activite: '43.32A',
      },
      establishment: { ...at('38151', '38130', 'ECHIROLLES'), activite: '43.32A', trancheEffectifs: '11' },
    },
  },
  {
    name: 'Informatique Saint-Martinoise',
    postcode: '38400',
    town: "Saint-Martin-d'Hères",
    country: 'France',
    weight: 4,
    trades: [
      ['2183', 'Matériel de bureau et matériel informatique', 320_000, 0.5],
      ['6156', 'Maintenance', 150_000, 0.5],
    ],
    registry: {
      siren: 108,
      unit: {
        denomination: 'INFORMATIQUE SAINT-MARTINOISE',
        categorieJuridique: '5710',
        categorieEntreprise: 'PME',
        trancheEffectifs: '03',
        activite: '62.02A',
      },
      establishment: {
        ...at('38421', '38400', 'SAINT-MARTIN-D HERES'),
        activite: '62.02A',
        trancheEffectifs: '03',
      },
    },
  },
  {
    // A branch: the régie pays the Meylan depot of a Lyon coach company.
    name: 'Transports Meylanais',
    postcode: '38240',
    town: 'Meylan',
    country: 'France',
    weight: 4,
    trades: [['6247', 'Transports collectifs', 260_000, 1]],
    registry: {
      siren: 109,
      unit: {
        denomination: 'TRANSPORTS MEYLANAIS',
        categorieJuridique: '5710',
        categorieEntreprise: 'ETI',
        trancheEffectifs: '41',
        activite: '49.39A',
      },
      establishment: { ...at('38229', '38240', 'MEYLAN'), activite: '49.39A', trancheEffectifs: '21' },
      headOffice: { ...at('69383', '69003', 'LYON 3EME'), activite: '49.39A', trancheEffectifs: '12' },
    },
  },
  {
    name: 'Électricité Fontaine',
    postcode: '38600',
    town: 'Fontaine',
    country: 'France',
    weight: 4,
    trades: [
      ['615221', 'Entretien et réparations - Bâtiments publics', 160_000, 0.6],
      ['2315', 'Installations, matériel et outillage techniques', 1_500_000, 0.4],
    ],
    registry: {
      siren: 110,
      unit: {
        denomination: 'ELECTRICITE FONTAINE',
        categorieJuridique: '5499',
        categorieEntreprise: 'PME',
        trancheEffectifs: '02',
        activite: '43.21A',
      },
      establishment: { ...at('38169', '38600', 'FONTAINE'), activite: '43.21A', trancheEffectifs: '02' },
    },
  },
  {
    name: 'Papeterie de Sassenage',
    postcode: '38360',
    town: 'Sassenage',
    country: 'France',
    weight: 5,
    trades: [['6064', 'Fournitures administratives', 40_000, 1]],
    registry: {
      siren: 111,
      unit: {
        denomination: 'PAPETERIE DE SASSENAGE',
        categorieJuridique: '5499',
        categorieEntreprise: 'PME',
        trancheEffectifs: '01',
        activite: '47.62Z',
      },
      establishment: { ...at('38474', '38360', 'SASSENAGE'), activite: '47.62Z', trancheEffectifs: '01' },
    },
  },
  {
    name: 'Maraîchers du Voironnais',
    postcode: '38500',
    town: 'Voiron',
    country: 'France',
    weight: 5,
    trades: [['60623', 'Alimentation', 65_000, 1]],
    registry: {
      siren: 112,
      unit: {
        denomination: 'MARAICHERS DU VOIRONNAIS',
        categorieJuridique: '6317',
        ess: 'O',
        categorieEntreprise: 'PME',
        trancheEffectifs: '03',
        activite: '01.13Z',
      },
      establishment: { ...at('38563', '38500', 'VOIRON'), activite: '01.13Z', trancheEffectifs: '03' },
    },
  },
  {
    name: 'BTP Chartreuse',
    postcode: '38380',
    town: 'Saint-Laurent-du-Pont',
    country: 'France',
    weight: 3,
    trades: [
      ['2313', 'Constructions', 6_500_000, 0.8],
      ['2315', 'Installations, matériel et outillage techniques', 2_000_000, 0.2],
    ],
    registry: {
      siren: 113,
      unit: {
        denomination: 'BTP CHARTREUSE',
        categorieJuridique: '5710',
        categorieEntreprise: 'PME',
        trancheEffectifs: '21',
        activite: '41.20B',
      },
      establishment: {
        ...at('38412', '38380', 'SAINT-LAURENT-DU-PONT'),
        activite: '41.20B',
        trancheEffectifs: '21',
      },
    },
  },
  {
    name: 'Plomberie Berjallienne',
    postcode: '38300',
    town: 'Bourgoin-Jallieu',
    country: 'France',
    weight: 3,
    trades: [['615221', 'Entretien et réparations - Bâtiments publics', 190_000, 1]],
    registry: {
      siren: 114,
      unit: {
        denomination: 'PLOMBERIE BERJALLIENNE',
        categorieJuridique: '5499',
        categorieEntreprise: 'PME',
        trancheEffectifs: '02',
        activite: '43.22A',
      },
      establishment: {
        ...at('38053', '38300', 'BOURGOIN-JALLIEU'),
        activite: '43.22A',
        trancheEffectifs: '02',
      },
    },
  },
  {
    name: 'Fournitures Scolaires Rhône SA',
    postcode: '69003',
    town: 'Lyon',
    country: 'France',
    weight: 3,
    trades: [['6067', 'Fournitures scolaires', 180_000, 1]],
    registry: {
      siren: 115,
      unit: {
        denomination: 'FOURNITURES SCOLAIRES RHONE',
        categorieJuridique: '5599',
        categorieEntreprise: 'ETI',
        trancheEffectifs: '32',
        activite: '46.49Z',
      },
      establishment: { ...at('69383', '69003', 'LYON 3EME'), activite: '46.49Z', trancheEffectifs: '32' },
    },
  },
  {
    // A regional branch of a Paris group.
    name: 'Énergie Savoie Distribution',
    postcode: '73000',
    town: 'Chambéry',
    country: 'France',
    weight: 4,
    trades: [['60612', 'Énergie - Électricité', 1_400_000, 1]],
    registry: {
      siren: 116,
      unit: {
        denomination: 'ENERGIE SAVOIE DISTRIBUTION',
        categorieJuridique: '5699',
        categorieEntreprise: 'GE',
        trancheEffectifs: '53',
        activite: '35.14Z',
      },
      establishment: { ...at('73065', '73000', 'CHAMBERY'), activite: '35.14Z', trancheEffectifs: '22' },
      headOffice: { ...at('75108', '75008', 'PARIS 8'), activite: '35.14Z', trancheEffectifs: '41' },
    },
  },
  {
    name: 'Mobilier Urbain Annecy',
    postcode: '74000',
    town: 'Annecy',
    country: 'France',
    weight: 2,
    trades: [['2184', 'Mobilier', 450_000, 1]],
    registry: {
      siren: 117,
      unit: {
        denomination: 'MOBILIER URBAIN ANNECY',
        categorieJuridique: '5710',
        categorieEntreprise: 'PME',
        trancheEffectifs: '12',
        activite: '31.01Z',
      },
      establishment: { ...at('74010', '74000', 'ANNECY'), activite: '31.01Z', trancheEffectifs: '12' },
    },
  },
  {
    name: 'Logiciels Publics Nationaux SA',
    postcode: '75015',
    town: 'Paris',
    country: 'France',
    weight: 3,
    trades: [
      ['2051', 'Concessions et droits similaires', 900_000, 0.4],
      ['6156', 'Maintenance', 350_000, 0.6],
    ],
    registry: {
      siren: 118,
      unit: {
        denomination: 'LOGICIELS PUBLICS NATIONAUX',
        categorieJuridique: '5599',
        categorieEntreprise: 'ETI',
        trancheEffectifs: '41',
        activite: '58.29C',
      },
      establishment: { ...at('75115', '75015', 'PARIS 15'), activite: '58.29C', trancheEffectifs: '41' },
    },
  },
  {
    name: 'Carburants de France SAS',
    postcode: '92400',
    town: 'Courbevoie',
    country: 'France',
    weight: 5,
    trades: [['60622', 'Carburants', 220_000, 1]],
    registry: {
      siren: 119,
      unit: {
        denomination: 'CARBURANTS DE FRANCE',
        categorieJuridique: '5710',
        categorieEntreprise: 'GE',
        trancheEffectifs: '52',
        activite: '46.71Z',
      },
      establishment: { ...at('92026', '92400', 'COURBEVOIE'), activite: '46.71Z', trancheEffectifs: '42' },
    },
  },
  {
    name: 'Assurances Mutuelles Atlantique',
    postcode: '79000',
    town: 'Niort',
    country: 'France',
    weight: 1,
    trades: [['6161', 'Primes d’assurance - Multirisques', 2_500_000, 1]],
    registry: {
      siren: 120,
      unit: {
        denomination: 'ASSURANCES MUTUELLES ATLANTIQUE',
        categorieJuridique: '6411',
        ess: 'O',
        categorieEntreprise: 'GE',
        trancheEffectifs: '42',
        activite: '65.12Z',
      },
      establishment: { ...at('79191', '79000', 'NIORT'), activite: '65.12Z', trancheEffectifs: '42' },
    },
  },
  {
    // The French branch of a company whose head office is abroad.
    name: 'Véhicules Électriques Nord',
    postcode: '59000',
    town: 'Lille',
    country: 'France',
    weight: 1,
    trades: [['2182', 'Matériel de transport', 3_200_000, 1]],
    registry: {
      siren: 121,
      unit: {
        denomination: 'VEHICULES ELECTRIQUES NORD',
        categorieJuridique: '3120',
        categorieEntreprise: 'ETI',
        trancheEffectifs: '21',
        activite: '45.19Z',
      },
      establishment: { ...at('59350', '59000', 'LILLE'), activite: '45.19Z', trancheEffectifs: '21' },
      headOffice: {
        codePaysEtranger: '99135',
        libellePaysEtranger: 'PAYS-BAS',
        libelleCommuneEtranger: 'EINDHOVEN',
        activite: '45.19Z',
      },
    },
  },
  {
    // A national public body paid at its Grenoble delegation.
    name: 'Institut Public de Formation aux Métiers de l’Eau',
    postcode: '38000',
    town: 'Grenoble',
    country: 'France',
    weight: 2,
    trades: [['6184', 'Versements à des organismes de formation', 180_000, 1]],
    registry: {
      siren: 122,
      unit: {
        denomination: 'INSTITUT PUBLIC DE FORMATION AUX METIERS DE L EAU',
        categorieJuridique: '7389',
        trancheEffectifs: '41',
        activite: '85.59A',
      },
      establishment: { ...at('38185', '38000', 'GRENOBLE'), activite: '85.59A', trancheEffectifs: '11' },
      headOffice: { ...at('75113', '75013', 'PARIS 13'), activite: '85.59A', trancheEffectifs: '32' },
    },
  },
  {
    name: 'Services Postaux Grenoble Cedex',
    postcode: '38044',
    town: 'Grenoble Cedex 9',
    country: 'France',
    weight: 3,
    trades: [['6261', 'Frais d’affranchissement', 90_000, 1]],
  },
  {
    name: 'Matériel Scénique GmbH',
    postcode: '',
    town: 'München',
    country: 'Allemagne',
    weight: 1,
    trades: [['2188', 'Autres immobilisations corporelles', 700_000, 1]],
  },
  {
    name: 'Trésor public',
    postcode: '38000',
    town: 'Grenoble',
    country: 'France',
    weight: 1,
    trades: [
      ['6355', 'Taxes et impôts sur les véhicules', 40_000, 0.7],
      ['63512', 'Taxes foncières', 900_000, 0.3],
    ],
  },
  {
    name: 'Fournisseur sans adresse',
    postcode: '',
    town: '',
    country: '',
    weight: 2,
    trades: [['6288', 'Autres services extérieurs', 30_000, 1]],
  },
];
