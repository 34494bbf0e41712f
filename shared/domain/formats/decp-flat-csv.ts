import type { FormatProfile } from './format-profile.ts';

/** decp.info tabular export: one row per contract × titulaire, the contract's amount on every row. */
export const decpFlatCsv: FormatProfile = {
  id: 'decp-flat-csv',
  label: 'DECP flattened CSV (one row per titulaire)',
  labelFr: 'DECP à plat (une ligne par titulaire)',
  kind: 'contracts',
  currency: 'EUR',
  decimal: '.',
  dateOrder: 'ymd',
  aliases: {
    contractUid: ['uid'],
    reference: ['id'],
    anchorId: ['acheteur_id', 'acheteur.id'],
    anchorName: ['acheteur_nom', 'acheteur.nom'],
    description: ['objet'],
    categoryCode: ['codeCPV'],
    amount: ['montant'],
    date: ['dateNotification'],
    supplierIdentifier: ['titulaire_id', 'titulaires.id'],
    supplierIdentifierType: ['titulaire_typeIdentifiant', 'titulaires.typeIdentifiant'],
    supplierName: ['titulaire_denominationSociale', 'titulaires.denominationSociale'],
    currentVersion: ['donneesActuelles'],
  },
  required: ['contractUid', 'anchorId', 'amount', 'date', 'supplierIdentifier'],
  groupRowsBy: 'contractUid',
};
