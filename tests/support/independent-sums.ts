import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Sums computed without Ancrage's code, to check its totals: the CSV is split by papaparse and every
 * amount turned into cents by plain string handling.
 */
export function decimalToCents(text: string): number {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const [units = '0', decimals = ''] = trimmed.replace('-', '').split('.');
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0').slice(0, 2));
  return negative ? -cents : cents;
}

export function readCsvObjects(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** DECP flattened: a contract repeated once per titulaire is counted once. */
export function decpContractTotalCents(path: string): { cents: number; contracts: number } {
  const amountByUid = new Map<string, number>();
  for (const row of readCsvObjects(path)) amountByUid.set(row.uid ?? '', decimalToCents(row.montant ?? ''));
  let cents = 0;
  for (const amount of amountByUid.values()) cents += amount;
  return { cents, contracts: amountByUid.size };
}

export function ukSpendTotalCents(path: string): { cents: number; lines: number } {
  const rows = readCsvObjects(path);
  let cents = 0;
  for (const row of rows) cents += decimalToCents((row.Amount ?? '').replace(/,/g, ''));
  return { cents, lines: rows.length };
}
