import { describe, expect, it } from 'vitest';
import { LocalActivityTally } from '../../../shared/domain/registry/local-activity-tally.ts';
import { sireneColumnsOf } from '../../../shared/domain/registry/sirene-rows.ts';
import {
  selectEstablishment,
  selectUnit,
  wantedIdentifiers,
} from '../../../shared/domain/registry/stock-selection.ts';
import {
  breakLuhn,
  type EstablishmentRecord,
  establishmentValues,
  syntheticSiren,
  syntheticSiret,
  type UnitRecord,
  unitValues,
} from '../../fixtures/built/sirene.ts';

const LOAD_DATE = '2026-11-30';
const GRENOBLE = '38185';
const LYON_3 = '69383';

/** A row as a stock source yields it: the columns `sireneColumnsOf` asks for, in its order. */
function projected(values: Readonly<Record<string, string>>, file: 'etablissement' | 'unite-legale') {
  const { required, optional } = sireneColumnsOf(file);
  return [...required, ...optional].map((name) => values[name] ?? '');
}
const establishmentRow = (record: EstablishmentRecord) =>
  projected(establishmentValues(record), 'etablissement');
const unitRow = (record: UnitRecord) => projected(unitValues(record), 'unite-legale');

const named = syntheticSiren(1);
const namedSiret = syntheticSiret(named, 2);
const namedHeadOffice = syntheticSiret(named, 1);
const sirenOnly = syntheticSiren(2);
const stranger = syntheticSiren(3);

const wanted = wantedIdentifiers([
  { key: `siret:${namedSiret}`, name: 'A', identifier: { scheme: 'siret', value: namedSiret } },
  { key: `siren:${sirenOnly}`, name: 'B', identifier: { scheme: 'siren', value: sirenOnly } },
  { key: 'name:c', name: 'C' },
  { key: 'vat:x', name: 'D', identifier: { scheme: 'vat', value: 'DE123', country: 'DE' } },
]);

describe('wantedIdentifiers', () => {
  it('takes SIRETs with their SIREN, SIRENs, and nothing from names or foreign identifiers', () => {
    expect([...wanted.sirets]).toEqual([namedSiret]);
    expect([...wanted.sirens].sort()).toEqual([named, sirenOnly].sort());
  });
});

describe('selectEstablishment', () => {
  const cases: readonly {
    readonly name: string;
    readonly record: EstablishmentRecord;
    readonly kept: boolean;
    readonly counted: boolean;
  }[] = [
    {
      name: 'the establishment a dataset names, outside the rings',
      record: { siret: namedSiret, siege: false, codeCommune: LYON_3 },
      kept: true,
      counted: false,
    },
    {
      name: 'the head office of a named SIRET’s unit',
      record: { siret: namedHeadOffice, siege: true, codeCommune: LYON_3 },
      kept: true,
      counted: false,
    },
    {
      name: 'the head office of a named SIREN',
      record: { siret: syntheticSiret(sirenOnly, 1), siege: true, codeCommune: GRENOBLE },
      kept: true,
      counted: true,
    },
    {
      name: 'another establishment of a named SIREN (not its head office)',
      record: { siret: syntheticSiret(sirenOnly, 3), siege: false, codeCommune: LYON_3 },
      kept: false,
      counted: false,
    },
    {
      name: 'a stranger in a local commune: counted only',
      record: { siret: syntheticSiret(stranger, 1), siege: true, codeCommune: GRENOBLE, activite: '56.10A' },
      kept: false,
      counted: true,
    },
    {
      name: 'a closed stranger in a local commune: neither',
      record: { siret: syntheticSiret(stranger, 2), siege: false, codeCommune: GRENOBLE, etat: 'F' },
      kept: false,
      counted: false,
    },
    {
      name: 'a named but closed establishment: kept, flagged closed, not counted',
      record: { siret: namedSiret, siege: false, codeCommune: GRENOBLE, etat: 'F' },
      kept: true,
      counted: false,
    },
    {
      name: 'a stranger elsewhere: neither',
      record: { siret: syntheticSiret(stranger, 3), siege: false, codeCommune: LYON_3 },
      kept: false,
      counted: false,
    },
    {
      name: 'a local row whose SIRET fails its checksum: neither',
      record: { siret: breakLuhn(syntheticSiret(stranger, 4)), siege: false, codeCommune: GRENOBLE },
      kept: false,
      counted: false,
    },
  ];

  it.each(cases)('$name', ({ record, kept, counted }) => {
    const tally = new LocalActivityTally(new Set([GRENOBLE]));
    const selected = selectEstablishment(establishmentRow(record), wanted, tally, LOAD_DATE);
    expect(selected?.ok === true).toBe(kept);
    if (selected?.ok) {
      expect(selected.value.siret).toBe(record.siret);
      expect(selected.value.headOffice).toBe(record.siege);
      expect(selected.value.closed).toBe(record.etat === 'F');
    }
    expect(tally.entries().length).toBe(counted ? 1 : 0);
  });

  it('counts active local establishments by NAF division, and every ring commune even without one', () => {
    const tally = new LocalActivityTally(new Set([GRENOBLE, '38151']));
    for (const [n, activite] of [
      [1, '56.10A'],
      [2, '56.30Z'],
      [3, '43.21A'],
    ] as const) {
      selectEstablishment(
        establishmentRow({
          siret: syntheticSiret(stranger, n),
          siege: false,
          codeCommune: GRENOBLE,
          activite,
        }),
        wanted,
        tally,
        LOAD_DATE,
      );
    }
    expect(tally.entries().sort()).toEqual([
      [GRENOBLE, '43', 1],
      [GRENOBLE, '56', 2],
    ]);
    expect([...tally.countsOfEveryCommune().keys()].sort()).toEqual(['38151', GRENOBLE]);
    expect(LocalActivityTally.resumed(new Set([GRENOBLE]), tally.entries()).entries()).toEqual(
      tally.entries(),
    );
  });
});

describe('selectUnit', () => {
  it.each([
    { name: 'a named SIREN', siren: sirenOnly, kept: true },
    { name: 'the unit of a named SIRET', siren: named, kept: true },
    { name: 'a stranger', siren: stranger, kept: false },
  ])('$name', ({ siren, kept }) => {
    const selected = selectUnit(
      unitRow({ siren, categorieJuridique: '5710', denomination: 'X', etat: 'C' }),
      wanted,
      LOAD_DATE,
    );
    expect(selected?.ok === true).toBe(kept);
    if (selected?.ok) expect(selected.value).toMatchObject({ siren, ceased: true, legalCategory: '5710' });
  });
});
