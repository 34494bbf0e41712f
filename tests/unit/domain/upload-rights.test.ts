import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { type Territory, TerritorySchema } from '../../../shared/domain/territory/territory.ts';
import {
  countsForAnchor,
  institutionOf,
  uploadRightsOf,
} from '../../../shared/domain/territory/upload-rights.ts';

const CITY = '21380185500015';
const METROPOLE = '20004071500019';
/** Synthetic id of the city's satellite. */
const CCAS = '26380000000011';

const bundled = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!bundled) throw new Error('the Grenoble territory is bundled');
const territory: Territory = {
  ...bundled,
  anchors: bundled.anchors.map((anchor) =>
    anchor.id === CITY ? { ...anchor, satellites: [{ id: CCAS, name: 'CCAS (synthétique)' }] } : anchor,
  ),
};

describe('institutionOf', () => {
  it.each([
    ['a SIRET is its SIREN', CITY, '213801855'],
    ['a SIREN is itself', '213801855', '213801855'],
    ['spaces and dots are not part of an id', '213 801 855 00015', '213801855'],
    ['dashes neither', '213-801-855-00015', '213801855'],
    ['another id is itself, trimmed and in lower case', ' Oxford-City-Council ', 'oxford-city-council'],
    ['13 digits are no SIRET', '2138018550001', '2138018550001'],
  ])('%s', (_label, id, institution) => {
    expect(institutionOf(id)).toBe(institution);
  });
});

describe('what an uploader may upload lines for', () => {
  it.each<[string, string, string, boolean]>([
    ['the city, for itself', CITY, CITY, true],
    ['the city, for another of its establishments', CITY, '21380185500999', true],
    ['the city, for itself written as its SIREN', CITY, '213801855', true],
    ['the city, for its declared satellite', CITY, CCAS, true],
    ['the city, for the Métropole', CITY, METROPOLE, false],
    ['the Métropole, for the city', METROPOLE, CITY, false],
    ['the Métropole, for the city’s satellite', METROPOLE, CCAS, false],
    ['the city’s satellite is no uploader of the city', CCAS, CITY, false],
    ['an uploader the territory does not list, for itself', 'regie-x', 'REGIE-X', true],
    ['an uploader the territory does not list, for the city', 'regie-x', CITY, false],
    ['the consortium administrator, for the city', 'consortium', CITY, true],
    ['the consortium administrator, for a buyer outside the territory', 'consortium', '22740001700074', true],
  ])('%s: %s', (_label, uploader, buyer, allowed) => {
    expect(uploadRightsOf(territory, uploader).refusal(buyer) === undefined).toBe(allowed);
  });

  it('says who the buyer is and what to do, in words an officer reads', () => {
    const refusal = uploadRightsOf(territory, CITY).refusal(METROPOLE);
    expect(refusal).toContain(`Grenoble-Alpes Métropole (${METROPOLE})`);
    expect(refusal).toContain(`Ville de Grenoble (${CITY})`);
    expect(refusal).toContain('consortium administrator');
  });

  it('never lets an anchor upload for an id of another legal unit (property)', () => {
    const digits = (length: number) =>
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
        .map((d) => d.join(''));
    fc.assert(
      fc.property(digits(9), digits(5), (siren, nic) => {
        const buyer = `${siren}${nic}`;
        const refused = uploadRightsOf(territory, METROPOLE).refusal(buyer) !== undefined;
        expect(refused).toBe(siren !== METROPOLE.slice(0, 9));
      }),
    );
  });
});

describe('the reports a line counts in', () => {
  it.each<[string, string, string, string, boolean]>([
    ['the city’s line uploaded by the city, in the city’s report', CITY, CITY, CITY, true],
    ['the satellite’s line uploaded by the city, in the city’s report', CITY, CITY, CCAS, true],
    ['the city’s line uploaded by the consortium, in the city’s report', CITY, 'consortium', CITY, true],
    [
      'the Métropole’s line uploaded by the consortium, in the city’s report',
      CITY,
      'consortium',
      METROPOLE,
      false,
    ],
    [
      'the Métropole’s line uploaded by the city, in the Métropole’s report',
      METROPOLE,
      CITY,
      METROPOLE,
      false,
    ],
    ['the city’s line uploaded by the Métropole, in the city’s report', CITY, METROPOLE, CITY, false],
  ])('%s', (_label, anchorId, uploaderId, buyerId, counts) => {
    expect(countsForAnchor(territory, anchorId, { uploaderId, buyerId })).toBe(counts);
  });
});

describe('the territory file', () => {
  it('refuses an anchor named like the consortium’s folder, and a satellite declared twice', () => {
    const withAnchors = (anchors: unknown[]) => TerritorySchema.safeParse({ ...bundled, anchors });
    expect(withAnchors([{ id: 'consortium', name: 'X' }]).success).toBe(false);
    const twice = [
      { id: CITY, name: 'Ville', satellites: [{ id: CCAS, name: 'CCAS' }] },
      { id: METROPOLE, name: 'Métropole', satellites: [{ id: CCAS, name: 'CCAS' }] },
    ];
    expect(withAnchors(twice).success).toBe(false);
    expect(withAnchors(twice.slice(0, 1)).success).toBe(true);
  });
});
