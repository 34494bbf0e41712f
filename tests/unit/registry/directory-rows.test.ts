import { describe, expect, it } from 'vitest';
import { ukSpendCsv } from '../../../shared/domain/formats/uk-spend-csv.ts';
import {
  type DirectoryHeader,
  directoryFactsOf,
  recogniseDirectoryHeader,
} from '../../../shared/domain/registry/directory-rows.ts';
import { DirectoryFactsSchema } from '../../../shared/domain/registry/supplier-facts.ts';
import { createRowValidator } from '../../../shared/domain/row-validation.ts';
import { supplierKeyOf } from '../../../shared/domain/supplier-key.ts';
import { FRENCH_DIRECTORY_HEADER, UK_DIRECTORY_HEADER } from '../../fixtures/built/directory.ts';
import { breakLuhn, syntheticSiren, syntheticSiret } from '../../fixtures/built/sirene.ts';

const AS_OF = '2025-05-01';
const SIREN = syntheticSiren(314);
const SIRET = syntheticSiret(SIREN, 1);

function headerOf(cells: readonly string[]): DirectoryHeader {
  const header = recogniseDirectoryHeader(cells);
  if (!header.ok) throw new Error(header.reason);
  return header.value;
}

function factsOf(header: readonly string[], row: readonly string[], anchorId = 'grenoble') {
  const result = directoryFactsOf(row, headerOf(header), anchorId, AS_OF);
  if (!result.ok) throw new Error(result.reason);
  return result.value.map((facts) => DirectoryFactsSchema.parse(facts));
}

const keysOf = (facts: readonly { supplierKey: string }[]) => facts.map((f) => f.supplierKey).sort();

describe('recogniseDirectoryHeader', () => {
  it('needs a supplier name column', () => {
    const result = recogniseDirectoryHeader(['SIRET', 'Code postal']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('supplier name');
  });

  it('refuses a directory that says nothing beyond names', () => {
    const result = recogniseDirectoryHeader(['Fournisseur', 'Commentaire']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('nothing beyond names');
  });

  it('accepts names with yes/no flag columns only', () => {
    expect(headerOf(['Supplier Name', 'Charity', 'SME']).flags).toEqual([
      [1, 'association'],
      [2, 'sme'],
    ]);
  });

  it('matches column names whatever their case, accents and punctuation', () => {
    const header = headerOf(['RAISON SOCIALE', 'n° tva', 'code-postal', 'categorie']);
    expect([...header.columns.entries()].sort()).toEqual([
      ['identifier', 1],
      ['name', 0],
      ['postcode', 2],
      ['type', 3],
    ]);
  });
});

describe('directoryFactsOf: the keys a spending file may give the supplier', () => {
  it('files a French line under its name, its name with the postcode, and its SIRET', () => {
    const facts = factsOf(FRENCH_DIRECTORY_HEADER, ['SARL Dupont & Fils', SIRET, '38000', 'PME']);
    expect(keysOf(facts)).toEqual(
      [`siret:${SIRET}`, 'name:dupont et fils', 'name:dupont et fils@38000'].sort(),
    );
    for (const fact of facts) {
      expect(fact).toMatchObject({
        kind: 'directory',
        anchorId: 'grenoble',
        name: 'SARL Dupont & Fils',
        siret: SIRET,
        place: { postcode: '38000' },
        supplierType: 'sme',
        asOf: AS_OF,
      });
    }
  });

  it('uses the keys the spending files compute (same name folding, same postcode form)', () => {
    const facts = factsOf(FRENCH_DIRECTORY_HEADER, ['DUPONT ET FILS', '', '38 000', '']);
    expect(keysOf(facts)).toEqual(
      [
        supplierKeyOf({ name: 'Dupont & Fils SARL' }),
        supplierKeyOf({ name: 'Dupont & Fils SARL', postcode: '38000' }),
      ].sort(),
    );
  });

  it('restores the leading zero of a 4-digit French postcode, in the place and in the key', () => {
    const facts = factsOf(FRENCH_DIRECTORY_HEADER, ['Boulangerie Martin', '', '1000', '']);
    expect(keysOf(facts)).toEqual(['name:boulangerie martin', 'name:boulangerie martin@01000']);
    expect(facts[0]?.place).toEqual({ postcode: '01000' });
  });

  it('files a SIREN under siren:, a VAT number under vat:', () => {
    expect(keysOf(factsOf(FRENCH_DIRECTORY_HEADER, ['Acme', SIREN, '', '']))).toContain(`siren:${SIREN}`);
    expect(factsOf(FRENCH_DIRECTORY_HEADER, ['Acme', SIREN, '', ''])[0]?.siren).toBe(SIREN);
    expect(keysOf(factsOf(['Supplier', 'VAT Number'], ['Acme GmbH', 'DE 123456789']))).toContain(
      'vat:DE123456789',
    );
  });

  it('files a UK line under its name, its name with its postcode (as UK spend files key it) and its company number', () => {
    const facts = factsOf(UK_DIRECTORY_HEADER, [
      'Cowley Road Bakery Ltd',
      '01234567',
      'ox4 1ab',
      'United Kingdom',
      'E07000178',
      '',
      '',
      '',
    ]);
    expect(keysOf(facts)).toEqual([
      'company:01234567',
      'name:cowley road bakery',
      'name:cowley road bakery@OX4 1AB',
    ]);
    expect(facts[0]).toMatchObject({
      companyNumber: '01234567',
      place: { postcode: 'OX4 1AB', country: 'GB' },
      localAuthority: 'E07000178',
    });
  });

  it('reads a UK postcode even without a country column', () => {
    const facts = factsOf(['Supplier Name', 'Postcode'], ['Acme', 'EH1 1AA']);
    expect(keysOf(facts)).toEqual(['name:acme', 'name:acme@EH1 1AA']);
    expect(facts[0]?.place).toEqual({ postcode: 'EH1 1AA' });
  });

  it('leaves the place out when the postcode is neither French nor British', () => {
    const facts = factsOf(FRENCH_DIRECTORY_HEADER, ['Acme', '', 'n/a', '']);
    expect(facts[0]?.place).toBeUndefined();
    expect(keysOf(facts)).toEqual(['name:acme']);
  });

  it('files a Scottish company number (SC123456) under company:, not as a VAT number', () => {
    const facts = factsOf(['Supplier Name', 'Company Number'], ['Glasgow Bikes Ltd', 'SC123456']);
    expect(keysOf(facts)).toContain('company:SC123456');
    expect(facts[0]?.companyNumber).toBe('SC123456');
  });
});

describe('directoryFactsOf: types', () => {
  it.each([
    ['Coopérative', 'cooperative'],
    ['Charity', 'association'],
    ['Sole trader', 'sole-trader'],
    ['Local authority', 'public'],
    ['ETI', 'mid-size'],
    ['Mutuelle', 'mutual'],
  ])('reads the type column "%s" as %s', (label, type) => {
    expect(factsOf(FRENCH_DIRECTORY_HEADER, ['Acme', '', '', label])[0]?.supplierType).toBe(type);
  });

  it('reads yes/no flag columns (Y, yes, oui, x, 1, true), the first flagged one in precedence order', () => {
    const header = ['Supplier Name', 'Charity', 'SME', 'VCSE'];
    for (const yes of ['Y', 'yes', 'Oui', 'x', '1', 'TRUE']) {
      expect(factsOf(header, ['Acme', '', yes, ''])[0]?.supplierType, yes).toBe('sme');
    }
    expect(factsOf(header, ['Acme', 'Y', 'Y', 'Y'])[0]?.supplierType).toBe('association');
    expect(factsOf(header, ['Acme', 'N', 'no', ''])[0]?.supplierType).toBeUndefined();
  });

  it('prefers the type column to the flag columns', () => {
    expect(factsOf(['Supplier Name', 'Type', 'SME'], ['Acme', 'Charity', 'Y'])[0]?.supplierType).toBe(
      'association',
    );
  });

  it('leaves the type out when the type column is empty', () => {
    expect(factsOf(FRENCH_DIRECTORY_HEADER, ['Acme', SIRET, '38000', ''])[0]?.supplierType).toBeUndefined();
  });
});

describe('directoryFactsOf: unreadable lines are rejected with a reason', () => {
  it.each([
    ['a SIRET failing its checksum', breakLuhn(SIRET), 'checksum'],
    ['a SIREN failing its checksum', `${SIREN.slice(0, 8)}${(Number(SIREN[8]) + 1) % 10}`, 'checksum'],
    ['a SIRET a spreadsheet turned into 7,33E+13', '7,33E+13', 'scientific notation'],
    ['a word', 'INCONNU', 'is not a SIRET, SIREN or VAT number'],
  ])('%s', (_, identifier, reason) => {
    const result = directoryFactsOf(
      ['Acme', identifier, '38000', ''],
      headerOf(FRENCH_DIRECTORY_HEADER),
      'grenoble',
      AS_OF,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('an empty name', () => {
    const result = directoryFactsOf(['  ', SIRET, '', ''], headerOf(FRENCH_DIRECTORY_HEADER), 'g', AS_OF);
    expect(result).toEqual({ ok: false, reason: 'the supplier name is empty' });
  });

  it('takes placeholders (NC, N/A, 0000…) as no identifier, not as a rejection', () => {
    for (const placeholder of ['NC', 'N/A', '00000000000000']) {
      expect(keysOf(factsOf(FRENCH_DIRECTORY_HEADER, ['Acme', placeholder, '', 'PME']))).toEqual([
        'name:acme',
      ]);
    }
  });
});

describe('directory keys meet the keys of UK spending files', () => {
  const validate = createRowValidator({ format: ukSpendCsv, defaultAnchorId: 'oxford' });

  it('a UK spend line with a company number is accepted under the key the directory uses', () => {
    const directoryKeys = keysOf(factsOf(['Supplier Name', 'Company Number'], ['Acme Ltd', '01234567']));
    const line = validate(
      { supplierName: 'Acme Ltd', supplierIdentifier: '01234567', amount: '512.00', date: '02/01/2025' },
      2,
    );
    expect(line.ok).toBe(true);
    if (line.ok) expect(directoryKeys).toContain(line.value.supplier.key);
  });

  it('a UK spend line with a postcode meets the directory line of the same supplier', () => {
    const directoryKeys = keysOf(
      factsOf(['Supplier Name', 'Postcode', 'Charity'], ['Oxford Food Bank', 'OX4 6JZ', 'Y']),
    );
    const line = validate(
      { supplierName: 'Oxford Food Bank', supplierPostcode: 'OX4 6JZ', amount: '512.00', date: '02/01/2025' },
      2,
    );
    expect(line.ok).toBe(true);
    if (line.ok) expect(directoryKeys).toContain(line.value.supplier.key);
  });
});
