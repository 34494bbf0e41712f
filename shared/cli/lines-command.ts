import { parseArgs } from 'node:util';
import type { SupplierLines } from '../contracts/portal-api.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import { lineFlagLabel } from '../domain/line-flags.ts';
import { formatMoneyCents } from '../domain/money-text.ts';
import { apiDependencies } from '../runtime/api-dependencies.ts';
import { matchingSuppliers, suppliersOf } from '../use-cases/portal-suppliers.ts';
import { DEFAULT_LINES_PAGE, MAX_LINES_PAGE, supplierLinesIn } from '../use-cases/supplier-lines.ts';
import { RunError, UsageError } from './cli-error.ts';
import { withState } from './with-state.ts';

/** Suppliers listed when a search names several, for the user to pick a key from. */
const CANDIDATES_SHOWN = 10;

function wholeNumber(
  value: string | undefined,
  option: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw new UsageError(`lines: ${option} is a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

/**
 * The supplier a user names: its key as in suppliers.csv, or a SIRET, SIREN or part of its name that
 * names one supplier only among those the state folder's counted datasets pay.
 */
async function supplierKeyOf(
  deps: ReturnType<typeof apiDependencies>,
  records: readonly DatasetRecord[],
  text: string,
): Promise<string> {
  const suppliers = await suppliersOf(deps, records);
  if (suppliers.has(text)) return text;
  const found = matchingSuppliers([...suppliers.values()], text).sort(
    (a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key),
  );
  const [only] = found;
  if (only && found.length === 1) return only.key;
  if (!only) throw new RunError(`no counted dataset in the state folder pays a supplier "${text}"`);
  const listed = found.slice(0, CANDIDATES_SHOWN).map((supplier) => `  ${supplier.key}  (${supplier.name})`);
  const others = found.length > listed.length ? [`  … and ${found.length - listed.length} more`] : [];
  throw new UsageError(
    [`lines: "${text}" names ${found.length} suppliers; give one key:`, ...listed, ...others].join('\n'),
  );
}

/** One spend line per row, its columns aligned: file and line, date, amount, supplier, flags. */
function linesText(page: SupplierLines, offset: number): string {
  const rows = page.lines.map((line) => [
    `${line.fileName}:${line.lineNumber}`,
    line.date ?? 'undated',
    formatMoneyCents(line.amountCents, line.currency, 'en', 'minor'),
    line.flags.length > 0
      ? `${line.supplierName}  [${line.flags.map((flag) => lineFlagLabel(flag, 'en')).join('; ')}]`
      : line.supplierName,
  ]);
  const width = (column: number) => Math.max(0, ...rows.map((row) => row[column]?.length ?? 0));
  const [where, date, amount] = [width(0), width(1), width(2)];
  const out = [
    `${page.total} line(s) of ${page.key} in ${page.datasets.length} counted dataset(s)`,
    ...rows.map(
      ([file = '', day = '', money = '', supplier = '']) =>
        `${file.padEnd(where)}  ${day.padEnd(date)}  ${money.padStart(amount)}  ${supplier}`,
    ),
  ];
  const next = offset + page.lines.length;
  if (page.nextCursor && page.total > next) out.push(`${page.total - next} more: --offset ${next}`);
  return `${out.join('\n')}\n`;
}

/**
 * `ancrage lines <supplier> --state <dir> [--dataset <id>] [--limit N] [--offset N]`: the lines behind
 * a supplier's figure in the state folder's counted datasets, as the portal lists them.
 */
export async function linesCommand(argv: readonly string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      dataset: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
    },
  });
  const [supplier, ...extra] = positionals;
  if (!supplier) {
    throw new UsageError(
      'lines needs a supplier: its key (as in suppliers.csv), SIRET, SIREN or part of its name',
    );
  }
  if (extra.length > 0)
    throw new UsageError(`lines takes one supplier; quote a name with spaces: "${supplier} …"`);
  if (values.dataset !== undefined && !/^[a-f0-9]{24}$/.test(values.dataset)) {
    throw new UsageError(
      `lines: --dataset is a dataset id (24 hexadecimal characters), not "${values.dataset}"`,
    );
  }
  const limit = wholeNumber(values.limit, '--limit', 1, MAX_LINES_PAGE) ?? DEFAULT_LINES_PAGE;
  const offset = wholeNumber(values.offset, '--offset', 0, 999_999_999) ?? 0;
  return withState(values.state, 'lines', async () => {
    const deps = apiDependencies();
    // The state folder is the user's own: every dataset in it, whoever uploaded it.
    const records = await deps.datasets.listDatasets({});
    const supplierKey = await supplierKeyOf(deps, records, supplier);
    const found = await supplierLinesIn(deps, records, {
      supplierKey,
      datasetId: values.dataset,
      from: { skip: offset },
      limit,
    });
    if (found.outcome !== 'page') {
      throw new RunError(
        `no counted dataset ${values.dataset ?? ''} in the state folder holds lines of ${supplierKey}`,
      );
    }
    return linesText(found.page, offset);
  });
}
