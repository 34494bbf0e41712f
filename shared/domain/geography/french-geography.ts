import { z } from 'zod';
import areasJson from '../../../data/geography/france-areas.json' with { type: 'json' };
import postcodesJson from '../../../data/geography/france-postcodes.json' with { type: 'json' };

/** What locality needs of French geography: postcode → communes, commune → département → région. */
export interface FrenchGeography {
  readonly source: string;
  communesOfPostcode(postcode: string): readonly string[];
  departementOfCommune(communeCode: string): string | undefined;
  departementOfPostcode(postcode: string): string | undefined;
  regionOfDepartement(departement: string): string | undefined;
}

const PostcodeTableSchema = z.object({ source: z.string(), postcodes: z.record(z.string(), z.string()) });
const AreaTableSchema = z.object({
  source: z.string(),
  departements: z.record(z.string(), z.tuple([z.string(), z.string()])),
  regions: z.record(z.string(), z.string()),
});
const postcodeTable = PostcodeTableSchema.parse(postcodesJson);
const areas = AreaTableSchema.parse(areasJson);

const postcodes = new Map<string, readonly string[]>(
  Object.entries(postcodeTable.postcodes).map(([postcode, codes]) => [postcode, codes.split(' ')]),
);
const regionByDepartement = new Map<string, string>(
  Object.entries(areas.departements).map(([code, [, region]]) => [code, region]),
);

/** Corsican postcodes start with 20: 200xx–201xx are Corse-du-Sud, 202xx–206xx Haute-Corse. */
function corsicanDepartement(postcode: string): string {
  return Number(postcode.slice(0, 3)) < 202 ? '2A' : '2B';
}

export const frenchGeography: FrenchGeography = {
  source: postcodeTable.source,
  communesOfPostcode: (postcode) => postcodes.get(postcode) ?? [],
  departementOfCommune(communeCode) {
    const departement = communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
    return regionByDepartement.has(departement) ? departement : undefined;
  },
  departementOfPostcode(postcode) {
    if (!/^\d{5}$/.test(postcode)) return undefined;
    const departement = postcode.startsWith('20')
      ? corsicanDepartement(postcode)
      : postcode.startsWith('97') || postcode.startsWith('98')
        ? postcode.slice(0, 3)
        : postcode.slice(0, 2);
    return regionByDepartement.has(departement) ? departement : undefined;
  },
  regionOfDepartement: (departement) => regionByDepartement.get(departement),
};
