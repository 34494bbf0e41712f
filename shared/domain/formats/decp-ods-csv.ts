import type { CanonicalRow } from './canonical-fields.ts';
import type { FormatProfile } from './format-profile.ts';

/** data.economie.gouv.fr writes these where a titulaire is missing. */
const MISSING = new Set(['CDL', 'INX']);
const present = (value: string | undefined) =>
  value !== undefined && value.trim() !== '' && !MISSING.has(value.trim());

/**
 * One row per contract with up to three titulaires in numbered columns → one row per titulaire,
 * keyed by buyer + contract id, so the contract's amount is split between them and counted once.
 */
function oneRowPerTitulaire(row: CanonicalRow): CanonicalRow[] {
  const holders = [
    [row.supplierIdentifier, row.supplierIdentifierType],
    [row.supplierIdentifier2, row.supplierIdentifierType2],
    [row.supplierIdentifier3, row.supplierIdentifierType3],
  ].filter(([identifier]) => present(identifier));
  const contractUid = `${row.anchorId ?? ''}/${row.reference ?? ''}`;
  // A contract whose titulaire is missing keeps its spend, with an unknown supplier.
  if (holders.length === 0) return [{ ...row, supplierIdentifier: '', contractUid }];
  return holders.map(([identifier, type]) => ({
    ...row,
    supplierIdentifier: identifier,
    supplierIdentifierType: type,
    contractUid,
  }));
}

/** data.economie.gouv.fr's `decp-2022-marches-valides` export (";" separated, lower-case names). */
export const decpOdsCsv: FormatProfile = {
  id: 'decp-ods-csv',
  label: 'DECP export data.economie.gouv.fr (titulaire_id_1..3)',
  labelFr: 'Export DECP data.economie.gouv.fr (titulaire_id_1..3)',
  kind: 'contracts',
  currency: 'EUR',
  decimal: '.',
  dateOrder: 'ymd',
  aliases: {
    reference: ['id'],
    anchorId: ['acheteur_id', 'acheteur.id'],
    anchorName: ['acheteur_nom'],
    description: ['objet'],
    categoryCode: ['codecpv'],
    amount: ['montant'],
    date: ['datenotification'],
    supplierIdentifier: ['titulaire_id_1'],
    supplierIdentifierType: ['titulaire_typeidentifiant_1'],
    supplierIdentifier2: ['titulaire_id_2'],
    supplierIdentifierType2: ['titulaire_typeidentifiant_2'],
    supplierIdentifier3: ['titulaire_id_3'],
    supplierIdentifierType3: ['titulaire_typeidentifiant_3'],
  },
  required: ['reference', 'anchorId', 'amount', 'date', 'supplierIdentifier'],
  groupRowsBy: 'contractUid',
  expandRow: oneRowPerTitulaire,
};
