/**
 * Derives the compact geography tables Ancrage ships from @etalab/decoupage-administratif, so that a
 * Lambda loads a few hundred kilobytes instead of the package's 12 MB of JSON.
 * Run with `npm run build:geography` after upgrading the package; the output is committed.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  siren?: string;
  codesPostaux?: string[];
  commune?: string;
}
interface EtalabDepartement {
  code: string;
  nom: string;
  region: string;
}
interface EtalabEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}
interface EtalabRegion {
  code: string;
  nom: string;
}

const communes: EtalabCommune[] = require('@etalab/decoupage-administratif/data/communes.json');
const departements: EtalabDepartement[] = require('@etalab/decoupage-administratif/data/departements.json');
const regions: EtalabRegion[] = require('@etalab/decoupage-administratif/data/regions.json');
const epcis: EtalabEpci[] = require('@etalab/decoupage-administratif/data/epci.json');
const version: string = require('@etalab/decoupage-administratif/package.json').version;

// Current communes carry postcodes. Delegated and associated communes, and the arrondissements of
// Paris, Lyon and Marseille, repeat their parent's: they would only add false ambiguity.
const located = communes.filter((commune) => commune.type === 'commune-actuelle');
// SIRENE locates establishments of Paris, Lyon and Marseille by arrondissement: map them to the city.
const arrondissements = communes.filter(
  (commune) => commune.type === 'arrondissement-municipal' && commune.commune,
);

const postcodes = new Map<string, string[]>();
for (const commune of located) {
  for (const postcode of commune.codesPostaux ?? []) {
    const list = postcodes.get(postcode) ?? [];
    if (!list.includes(commune.code)) list.push(commune.code);
    postcodes.set(postcode, list);
  }
}

const sortedPostcodes = [...postcodes].sort(([a], [b]) => a.localeCompare(b));
const source = `@etalab/decoupage-administratif ${version}`;

// Separate files, read on first use, so a function loads only what it needs: ring resolution needs
// postcodes and areas; commune names match a "Ville" column; SIRENs locate public-body suppliers.
const tables = {
  'france-postcodes.json': {
    source,
    /** postcode → INSEE commune codes, joined by spaces to keep the file small. */
    postcodes: Object.fromEntries(
      sortedPostcodes.map(([postcode, codes]) => [postcode, codes.sort().join(' ')]),
    ),
  },
  'france-areas.json': {
    source,
    departements: Object.fromEntries(departements.map((d) => [d.code, [d.nom, d.region]])),
    regions: Object.fromEntries(regions.map((r) => [r.code, r.nom])),
  },
  'france-communes.json': {
    source,
    /** INSEE commune code → [name, SIREN of the commune]; the département is in the code. */
    communes: Object.fromEntries(
      located
        .filter((commune) => commune.departement)
        .map((commune) => [commune.code, [commune.nom, commune.siren ?? '']]),
    ),
    /** Municipal arrondissement code → its commune (75112 → 75056). */
    arrondissements: Object.fromEntries(
      arrondissements.map((arrondissement) => [arrondissement.code, arrondissement.commune]),
    ),
  },
  'france-epci.json': {
    source,
    /** EPCI SIREN → [name, member commune codes joined by spaces]. */
    epci: Object.fromEntries(
      epcis.map((epci) => [
        epci.code,
        [
          epci.nom,
          epci.membres
            .map((member) => member.code)
            .sort()
            .join(' '),
        ],
      ]),
    ),
  },
};

for (const [file, table] of Object.entries(tables)) {
  writeFileSync(new URL(`../data/geography/${file}`, import.meta.url), `${JSON.stringify(table)}\n`);
}
console.log(
  `${sortedPostcodes.length} postcodes, ${located.length} communes, ${departements.length} départements`,
);
