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

/** An amount (a JSON number as its decimal text, or a cell) to cents by string handling; `undefined` when unreadable. */
function plainAmountCents(value: unknown): number | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  if (/\.\d{3,}$/.test(text))
    throw new Error(`amount ${text} has more than two decimals: decide how to round it`);
  return decimalToCents(text);
}

interface DecpModificationObject {
  readonly montant?: unknown;
  readonly valeurGlobale?: unknown;
  readonly titulaires?: readonly unknown[];
  readonly concessionnaires?: readonly unknown[];
  readonly dateNotificationModification?: string;
  readonly dateSignatureModification?: string;
  readonly datePublicationDonneesModification?: string;
}

interface DecpContractObject {
  readonly _type?: string;
  readonly id?: string | number;
  readonly acheteur?: { readonly id?: string | number };
  readonly autoriteConcedante?: { readonly id?: string | number };
  readonly montant?: unknown;
  readonly valeurGlobale?: unknown;
  readonly titulaires?: readonly unknown[];
  readonly concessionnaires?: readonly unknown[];
  readonly modifications?: readonly (
    | DecpModificationObject
    | { readonly modification: DecpModificationObject }
  )[];
}

interface DecpV2Marches {
  readonly marche?: readonly DecpContractObject[];
  readonly 'contrat-concession'?: readonly DecpContractObject[];
}

const isV1 = (
  marches: readonly DecpContractObject[] | DecpV2Marches,
): marches is readonly DecpContractObject[] => Array.isArray(marches);

/** Each contract of the file in its order, told a concession or a purchase (v1 `_type`, v2 array). */
function taggedContracts(marches: readonly DecpContractObject[] | DecpV2Marches) {
  if (isV1(marches)) {
    return marches.map((contract) => ({ contract, concession: contract._type === 'Contrat de concession' }));
  }
  return [
    ...(marches.marche ?? []).map((contract) => ({ contract, concession: false })),
    ...(marches['contrat-concession'] ?? []).map((contract) => ({ contract, concession: true })),
  ];
}

/**
 * The latest modification (by its date) stating a value replaces the original: a modification gives
 * the contract's new total, never an increment. Ties keep the order of the file.
 */
function currentValue<T>(contract: DecpContractObject, pick: (m: DecpModificationObject) => T | undefined) {
  const dateOf = (m: DecpModificationObject) =>
    m.dateNotificationModification ??
    m.dateSignatureModification ??
    m.datePublicationDonneesModification ??
    '';
  const stating = (contract.modifications ?? [])
    .map((m) => ('modification' in m ? m.modification : m))
    .filter((m) => pick(m) !== undefined)
    .sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
  const latest = stating.at(-1);
  return latest === undefined ? undefined : pick(latest);
}

export interface DecpJsonTotals {
  /** Purchase contracts counted: the first occurrence of each key, with a readable amount. */
  readonly contracts: number;
  readonly countedCents: number;
  /** Spend lines of those contracts: one per titulaire, one for a contract naming none. */
  readonly lines: number;
  readonly concessions: { readonly contracts: number; readonly cents: number };
  /** Contracts whose key was seen earlier in the file, at their own current amount. */
  readonly duplicates: { readonly contracts: number; readonly cents: number };
  /** Contracts (first occurrences) whose amount cannot be read. */
  readonly rejected: number;
  /** Every readable amount, each contract of the file once: counted + concessions + duplicates. */
  readonly controlCents: number;
  /** The current amount of each purchase contract counted, by key. */
  readonly centsByKey: ReadonlyMap<string, number>;
}

/**
 * A DECP JSON file (v1 `{"marches":[…]}` or v2 `{"marches":{"marche":[…],"contrat-concession":[…]}}`)
 * totalled by the documented rules: buyer id + "/" + contract id counts once, at its first occurrence;
 * the latest modification stating an amount gives the current amount; concessions (v1 `_type`
 * "Contrat de concession", v2 `contrat-concession`) are totalled apart, at their valeur globale.
 */
export function decpJsonTotals(path: string): DecpJsonTotals {
  const file = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as {
    readonly marches: readonly DecpContractObject[] | DecpV2Marches;
  };
  const seen = new Set<string>();
  const centsByKey = new Map<string, number>();
  const totals = { contracts: 0, countedCents: 0, lines: 0, rejected: 0 };
  const concessions = { contracts: 0, cents: 0 };
  const duplicates = { contracts: 0, cents: 0 };
  for (const { contract, concession } of taggedContracts(file.marches)) {
    const field = concession ? 'valeurGlobale' : 'montant';
    const cents = plainAmountCents(currentValue(contract, (m) => m[field]) ?? contract[field]);
    const buyer = concession ? contract.autoriteConcedante?.id : contract.acheteur?.id;
    const key = `${buyer}/${contract.id}`;
    if (seen.has(key)) {
      duplicates.contracts++;
      duplicates.cents += cents ?? 0;
      continue;
    }
    seen.add(key);
    if (cents === undefined) totals.rejected++;
    else if (concession) {
      concessions.contracts++;
      concessions.cents += cents;
    } else {
      const holders = currentValue(contract, (m) => m.titulaires) ?? contract.titulaires ?? [];
      centsByKey.set(key, cents);
      totals.contracts++;
      totals.countedCents += cents;
      totals.lines += Math.max(1, holders.length);
    }
  }
  const controlCents = totals.countedCents + concessions.cents + duplicates.cents;
  return { ...totals, concessions, duplicates, controlCents, centsByKey };
}

export interface UkSpendColumns {
  /** The amount column, as the council names it (`Invoiced Value`, `Net Amount`, `Net amount`, `Amount`…). */
  readonly amount: string;
  /** The payee column: a row naming none whose text says "Total" is a summary row, not spend. */
  readonly supplier: string;
}

export interface UkSpendTotals {
  readonly countedCents: number;
  readonly lines: number;
  /** Summary rows ("Total", "Grand Total", "Sous-total"… and no payee): not spend. */
  readonly totalRows: { readonly lines: number; readonly cents: number };
  /** Rows whose amount cannot be read. */
  readonly rejected: number;
}

const SUMMARY_ROW = /^\s*(grand[\s-]*total|sub[\s-]*total|sous[\s-]*total|total)\b/i;

/**
 * A UK spend file totalled with papaparse and string arithmetic: the amount column named per file,
 * `£`, spaces and thousands commas dropped, a leading minus kept.
 */
export function ukSpendTotals(path: string, columns: UkSpendColumns): UkSpendTotals {
  const rows = readCsvObjects(path);
  if (rows[0] && !(columns.amount in rows[0] && columns.supplier in rows[0])) {
    throw new Error(`${path} has no column "${columns.amount}" or "${columns.supplier}"`);
  }
  const totals = { countedCents: 0, lines: 0, rejected: 0 };
  const totalRows = { lines: 0, cents: 0 };
  for (const row of rows) {
    const cents = plainAmountCents((row[columns.amount] ?? '').replace(/[£,\s]/g, ''));
    const summary =
      (row[columns.supplier] ?? '').trim() === '' &&
      Object.values(row).some((cell) => SUMMARY_ROW.test(cell));
    if (cents === undefined) totals.rejected++;
    else if (summary) {
      totalRows.lines++;
      totalRows.cents += cents;
    } else {
      totals.lines++;
      totals.countedCents += cents;
    }
  }
  return { ...totals, totalRows };
}
