import type { GeographyTableLoaders } from './geography-tables.ts';

/** What locality needs of French geography. */
export interface FrenchGeography {
  readonly source: string;
  communesOfPostcode(postcode: string): readonly string[];
  departementOfCommune(communeCode: string): string | undefined;
  departementOfPostcode(postcode: string): string | undefined;
  regionOfDepartement(departement: string): string | undefined;
  communeName(communeCode: string): string | undefined;
  /** A département's communes: a CEDEX postcode names no commune, so its commune name is sought here. */
  communesOfDepartement(departement: string): readonly string[];
  /** The commune itself, or for a municipal arrondissement of Paris, Lyon, Marseille, its city. */
  canonicalCommune(communeCode: string): string;
  communeSiren(communeCode: string): string | undefined;
  /** The commune whose SIREN this is (a commune buying or selling as a public body). */
  communeOfSiren(siren: string): string | undefined;
  epci(siren: string): { readonly name: string; readonly members: readonly string[] } | undefined;
  /** The SIREN of the EPCI a commune belongs to. */
  epciOfCommune(communeCode: string): string | undefined;
  departementName(departement: string): string | undefined;
  regionName(region: string): string | undefined;
}

function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

/** Corsican postcodes start with 20: 200xx–201xx are Corse-du-Sud, 202xx–206xx Haute-Corse. */
function corsicanDepartement(postcode: string): string {
  return Number(postcode.slice(0, 3)) < 202 ? '2A' : '2B';
}

/** Builds the geography over tables loaded lazily, each turned into Maps once. */
export function createFrenchGeography(tables: GeographyTableLoaders): FrenchGeography {
  // Read once for its postcodes and its source alike: each territory written names its source.
  const postcodeTable = once(() => tables.postcodes());
  const postcodes = once(
    () =>
      new Map(
        Object.entries(postcodeTable().postcodes).map(([code, communes]) => [code, communes.split(' ')]),
      ),
  );
  const departements = once(() => new Map(Object.entries(tables.areas().departements)));
  const regions = once(() => new Map(Object.entries(tables.areas().regions)));
  const communes = once(() => new Map(Object.entries(tables.communes().communes)));
  const arrondissements = once(() => new Map(Object.entries(tables.communes().arrondissements)));
  const communeBySiren = once(
    () => new Map([...communes()].flatMap(([code, [, siren]]) => (siren ? [[siren, code] as const] : []))),
  );
  const epcis = once(() => new Map(Object.entries(tables.epci().epci)));
  const epciByCommune = once(
    () =>
      new Map(
        [...epcis()].flatMap(([siren, [, members]]) =>
          members.split(' ').map((code) => [code, siren] as const),
        ),
      ),
  );
  const known = (departement: string) => (departements().has(departement) ? departement : undefined);
  const departementOfCommune = (code: string) =>
    known(code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));
  const communesByDepartement = once(() => {
    const byDepartement = new Map<string, string[]>();
    for (const code of communes().keys()) {
      const departement = departementOfCommune(code);
      if (!departement) continue;
      const members = byDepartement.get(departement);
      if (members) members.push(code);
      else byDepartement.set(departement, [code]);
    }
    return byDepartement;
  });

  return {
    get source() {
      return postcodeTable().source;
    },
    communesOfPostcode: (postcode) => postcodes().get(postcode) ?? [],
    departementOfCommune,
    departementOfPostcode(postcode) {
      if (!/^\d{5}$/.test(postcode)) return undefined;
      if (postcode.startsWith('20')) return corsicanDepartement(postcode);
      return known(
        postcode.startsWith('97') || postcode.startsWith('98') ? postcode.slice(0, 3) : postcode.slice(0, 2),
      );
    },
    regionOfDepartement: (departement) => departements().get(departement)?.[1],
    communeName: (code) => communes().get(code)?.[0],
    communesOfDepartement: (departement) => communesByDepartement().get(departement) ?? [],
    canonicalCommune: (code) => arrondissements().get(code) ?? code,
    communeSiren: (code) => communes().get(code)?.[1] || undefined,
    communeOfSiren: (siren) => communeBySiren().get(siren),
    epci(siren) {
      const entry = epcis().get(siren);
      return entry ? { name: entry[0], members: entry[1].split(' ') } : undefined;
    },
    epciOfCommune: (code) => epciByCommune().get(code),
    departementName: (departement) => departements().get(departement)?.[0],
    regionName: (region) => regions().get(region),
  };
}
