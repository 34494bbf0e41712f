import type { FormatProfile } from './format-profile.ts';

/** Payment extracts (mandats) from French local-government finance software, as exported to Excel CSV. */
export const frPaymentsCsv: FormatProfile = {
  id: 'fr-payments-csv',
  label: 'French payment orders extract (finance software)',
  labelFr: 'Extraction de mandats (logiciel financier)',
  kind: 'payments',
  currency: 'EUR',
  decimal: ',',
  dateOrder: 'dmy',
  aliases: {
    anchorId: ['SIRET collectivité', 'SIRET acheteur', 'Code collectivité'],
    anchorName: ['Collectivité', 'Budget', 'Organisme'],
    supplierName: ['Tiers', 'Fournisseur', 'Raison sociale', 'Bénéficiaire', 'Créancier', 'Nom du tiers'],
    supplierLocalId: ['Code tiers', 'N° tiers', 'Code fournisseur'],
    supplierIdentifier: ['SIRET', 'SIREN', 'SIRET fournisseur', 'SIRET tiers', 'N° SIRET'],
    supplierPostcode: ['Code postal', 'CP', 'Code postal fournisseur', 'CP tiers'],
    supplierCommune: ['Ville', 'Commune', 'Localité'],
    supplierCommuneCode: ['Code commune', 'Code INSEE', 'Code INSEE commune'],
    supplierCountry: ['Pays'],
    amount: ['Montant', 'Montant TTC', 'Montant HT', 'Montant mandaté', 'Montant payé', 'Montant du mandat'],
    date: ['Date', 'Date mandat', 'Date de paiement', "Date d'émission", 'Date émission', 'Date du mandat'],
    categoryCode: ['Nature', 'Compte', 'Imputation', 'Article', 'Compte nature'],
    categoryLabel: ['Libellé nature', 'Libellé compte'],
    serviceArea: ['Fonction', 'Service', 'Direction'],
    description: ['Libellé', 'Objet', 'Libellé mandat', 'Objet du mandat'],
    reference: ['N° mandat', 'Numéro mandat', 'N° facture', 'Numéro de facture', 'Mandat'],
  },
  required: ['supplierName', 'amount', 'date'],
};
