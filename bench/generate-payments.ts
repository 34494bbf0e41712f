/**
 * Writes a SYNTHETIC payments extract (mandats) the way French finance software exports it: a title
 * line, `;` separator, decimal commas, dd/mm/yyyy, CRLF, Windows-1252 or UTF-8 with a BOM, quoted
 * fields, a share of bad lines. Seeded: the same arguments always give the same bytes, and a file of
 * N lines is the first N lines of a longer one.
 *
 * Run alone: `npx tsx bench/generate-payments.ts [--rows N] [--encoding windows-1252|utf-8]`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BAD_SHARE, DEFAULT_SEED, DEFAULT_SUPPLIERS } from './bench-constants.ts';
import { benchOut, isMain } from './bench-paths.ts';
import { between, pick, type Random, seededRandom } from './seeded-random.ts';
import { breakLuhn } from './synthetic-ids.ts';
import { type SyntheticSupplier, syntheticSuppliers } from './synthetic-suppliers.ts';
import { createTextFileWriter } from './text-file-writer.ts';

export const PAYMENTS_HEADER = [
  'N° mandat',
  'Date mandat',
  'Code tiers',
  'Tiers',
  'SIRET',
  'Code postal',
  'Ville',
  'Pays',
  'Nature',
  'Objet du mandat',
  'Montant TTC',
] as const;

export type PaymentsEncoding = 'windows-1252' | 'utf-8';

export interface PaymentsSpec {
  /** Data lines (records after the header), good and bad. */
  readonly rows: number;
  readonly encoding: PaymentsEncoding;
  readonly suppliers: readonly SyntheticSupplier[];
  readonly seed: number;
  /** Share of lines with a defect a real export has: an unreadable amount or a broken line (rejected), or a bad date or SIRET (counted, flagged). */
  readonly badShare: number;
  readonly path: string;
}

export interface GeneratedPayments {
  readonly path: string;
  readonly encoding: PaymentsEncoding;
  readonly rows: number;
  readonly badLines: number;
  /** The bad lines ingest must reject: no readable amount, a header repeated, a line cut short. */
  readonly unreadableLines: number;
  /** Distinct suppliers paid by the good lines. */
  readonly suppliersPaid: number;
  readonly bytes: number;
}

const BAD_KINDS = [
  'date',
  'amount-empty',
  'amount-text',
  'siret-excel',
  'siret-luhn',
  'short',
  'header',
] as const;
/** The kinds whose spend cannot be read: the others are counted and flagged. */
const UNREADABLE_KINDS: ReadonlySet<(typeof BAD_KINDS)[number]> = new Set([
  'amount-empty',
  'amount-text',
  'header',
  'short',
]);
const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** `-1 234,56` with the grouping the export happened to use (space, NBSP or none). */
function frenchAmount(cents: number, group: string): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const units = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${units},${two(absolute % 100)}`;
}

const spacedSiret = (siret: string) =>
  `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;

const needsQuotes = /[;"\n]/;
const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** Picks suppliers with a long tail: a few are paid often, most a few times a year. */
function supplierPicker(random: Random, suppliers: readonly SyntheticSupplier[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < suppliers.length; rank++) {
    total += 1 / (rank + 1) ** 0.8;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return suppliers[low] as SyntheticSupplier;
  };
}

/** Writes the file; every line is drawn from one seeded stream, so a shorter file is a prefix of a longer one. */
export async function generatePayments(spec: PaymentsSpec): Promise<GeneratedPayments> {
  const random = seededRandom(spec.seed);
  const nextSupplier = supplierPicker(random, spec.suppliers);
  const writer = createTextFileWriter(spec.path, spec.encoding === 'utf-8' ? 'utf-8-bom' : 'windows-1252');
  const header = PAYMENTS_HEADER.join(';');
  await writer.write(
    'Extraction des mandats 2025 — Ville fictive (DONNÉES SYNTHÉTIQUES, banc d’essai Ancrage)\r\n\r\n',
  );
  await writer.write(`${header}\r\n`);
  const paid = new Set<SyntheticSupplier>();
  let badLines = 0;
  let unreadableLines = 0;
  for (let row = 0; row < spec.rows; row++) {
    // The first lines pay every supplier once: any file at least that long has them all.
    const supplier = spec.suppliers[row] ?? nextSupplier();
    const [nature, , typical] = pick(random, supplier.natures);
    const month = between(random, 1, 12);
    const day = between(random, 1, 28);
    const date = `${two(day)}/${two(month)}/2025`;
    let shownDate = date;
    let cents = Math.max(100, Math.round(typical * (0.1 + random() * 1.8)));
    if (random() < 0.015) cents = -Math.round(cents / 4);
    const grouping = random();
    let amount = frenchAmount(cents, grouping < 0.7 ? ' ' : grouping < 0.8 ? '\u00A0' : '');
    if (random() < 0.03) amount += ' €';
    const siretRoll = random();
    let siret = supplier.siret
      ? siretRoll < 0.1
        ? spacedSiret(supplier.siret)
        : supplier.siret
      : siretRoll < 0.2
        ? 'NC'
        : '';
    const invoice = `F${between(random, 10_000, 99_999)}`;
    // Most exports leave the object empty; a few spell it out, rarely over two lines.
    const described = random();
    const description =
      described < 0.00004
        ? `Facture ${invoice}\nannule et remplace la facture du ${date}`
        : described < 0.15
          ? `Facture ${invoice} ${MONTHS[month - 1]}`
          : '';
    // The first lines stay good, so that every supplier is really paid in any file that long.
    const badRoll = random();
    const bad = row >= spec.suppliers.length && badRoll < spec.badShare ? pick(random, BAD_KINDS) : undefined;
    if (bad === 'date') shownDate = '31/02/2025';
    if (bad === 'amount-empty') amount = '';
    if (bad === 'amount-text') amount = 'à régulariser';
    if (bad === 'siret-excel') siret = '8,9E+13';
    if (bad === 'siret-luhn') siret = breakLuhn(supplier.siret ?? '89000000100012');
    const record = [
      `2025-${String(row + 1).padStart(7, '0')}`,
      shownDate,
      supplier.code,
      supplier.name,
      siret,
      supplier.postcode,
      supplier.town,
      supplier.country,
      nature,
      description,
      amount,
    ].map((cell, index) => (needsQuotes.test(cell) || (index === 3 && row % 7 === 0) ? quoted(cell) : cell));
    if (bad) badLines += 1;
    if (bad && UNREADABLE_KINDS.has(bad)) unreadableLines += 1;
    else paid.add(supplier);
    const line =
      bad === 'header' ? header : bad === 'short' ? record.slice(0, 6).join(';') : record.join(';');
    await writer.write(`${line}\r\n`);
  }
  const bytes = await writer.close();
  return {
    path: spec.path,
    encoding: spec.encoding,
    rows: spec.rows,
    badLines,
    unreadableLines,
    suppliersPaid: paid.size,
    bytes,
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      encoding: { type: 'string', default: 'windows-1252' },
      suppliers: { type: 'string', default: String(DEFAULT_SUPPLIERS) },
    },
  });
  const encoding = values.encoding === 'utf-8' ? 'utf-8' : 'windows-1252';
  const rows = Number(values.rows);
  const generated = await generatePayments({
    rows,
    encoding,
    suppliers: syntheticSuppliers(Number(values.suppliers), DEFAULT_SEED),
    seed: DEFAULT_SEED,
    badShare: BAD_SHARE,
    path: join(benchOut(), `payments-${rows}-${encoding}.csv`),
  });
  console.log(JSON.stringify(generated));
}
