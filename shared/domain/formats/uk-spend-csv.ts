import type { FormatProfile } from './format-profile.ts';

/**
 * UK Local Government Transparency Code "spend over £500" files. There is no fixed header: these are
 * the names councils actually use (Oxford's "Expenditure Catergory" typo included).
 */
export const ukSpendCsv: FormatProfile = {
  id: 'uk-spend-csv',
  label: 'UK spend over £500 (Local Government Transparency Code)',
  labelFr: 'Dépenses britanniques de plus de 500 £ (Local Government Transparency Code)',
  kind: 'payments',
  currency: 'GBP',
  decimal: '.',
  dateOrder: 'dmy',
  aliases: {
    anchorName: ['Client', 'Body Name', 'Organisation Name', 'Body'],
    supplierName: [
      'Supplier Name',
      'supplier_name',
      'Supplier',
      'Beneficiary',
      'Vendor Name',
      'Payee Name',
      'Supplier Text',
    ],
    supplierLocalId: ['Supplier ID', 'Supplier Number', 'Vendor ID', 'Supplier Code'],
    supplierIdentifier: ['Company Number', 'Supplier Company Number', 'Registered Company Number'],
    amount: [
      'Amount',
      'Net amount',
      'Net Amount',
      'Value',
      'Amount (£)',
      'Total',
      'Amount Paid',
      'Invoiced Value',
    ],
    date: [
      'Paid Date',
      'Pay Date',
      'Payment Date',
      'Date',
      'Transaction date',
      'Date Paid',
      'Clearing Date',
      'GL Date',
    ],
    serviceArea: ['Service Area', 'Department', 'Directorate', 'Service Division'],
    categoryLabel: [
      'Expenditure Category',
      'Expenditure Catergory',
      'Expense Type',
      'Account Description',
      'Expense Area',
      'Purpose of Expenditure',
    ],
    categoryCode: ['Expenditure Code', 'Account Code', 'Expense Code'],
    reference: ['Trans No', 'Transaction Number', 'Transaction No', 'Reference', 'Invoice Number'],
    supplierPostcode: ['Supplier Postcode', 'Postcode'],
  },
  // A file with no payment date (some publish only the accounting period) is still spend: its lines
  // are counted undated, in the dataset's period.
  required: ['supplierName', 'amount'],
  defaultIdentifierType: 'company-number',
};
