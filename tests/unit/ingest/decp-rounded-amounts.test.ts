import { describe, expect, it } from 'vitest';
import { decpContractLines } from '../../../shared/domain/decp/decp-lines.ts';
import { readDecpContract } from '../../../shared/domain/decp/read-decp-contract.ts';
import { SIRET } from '../../fixtures/built/synthetic-ids.ts';

/** A DECP amount computed rather than typed (a three-year total over three holders) is counted, rounded. */

const contract = (montant: unknown, holders: readonly string[]) => ({
  id: 'C-1',
  acheteur: { id: '21380185500015', nom: 'SYNTHETIC Commune' },
  objet: 'SYNTHETIC travaux',
  codeCPV: '45000000',
  dateNotification: '2024-02-15',
  montant,
  titulaires: holders.map((id) => ({
    titulaire: { typeIdentifiant: 'SIRET', id, denominationSociale: 'SYNTHETIC SARL' },
  })),
  modifications: [],
});

function linesOf(value: unknown) {
  const read = readDecpContract(value, 'v2', 'marche', 1);
  if (!read.ok) throw new Error(read.reason);
  return decpContractLines(read.value, 1, { split: 'equal', defaultAnchorId: 'anchor-1' });
}

describe('a DECP amount stated finer than the cent', () => {
  it.each<[string, unknown, readonly string[], readonly number[]]>([
    ['a JSON number', 12345.678, [SIRET.a], [1234568]],
    ['a text, split between two holders', '83333.3333333', [SIRET.a, SIRET.b], [4166667, 4166666]],
    ['a negative amendment', '-0.125', [SIRET.a], [-13]],
  ])('%s: counted to the cent, flagged amount-rounded', (_, montant, holders, cents) => {
    const lines = linesOf(contract(montant, holders));
    if (!lines.ok) throw new Error(lines.reason);
    expect(lines.value.map((line) => line.amountCents)).toEqual(cents);
    for (const line of lines.value) expect(line.flags).toContain('amount-rounded');
  });

  it('an amount to the cent carries no such flag', () => {
    const lines = linesOf(contract('1000.50', [SIRET.a]));
    if (!lines.ok) throw new Error(lines.reason);
    expect(lines.value[0]?.flags).not.toContain('amount-rounded');
  });
});
