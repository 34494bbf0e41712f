import { toCsvRecord } from '../csv-record.ts';
import { parseDate } from '../dates.ts';
import type { CanonicalRow } from '../formats/canonical-fields.ts';
import type { FormatProfile } from '../formats/format-profile.ts';
import { HEADER_SEARCH_ROWS, type LocatedHeader, locateHeader } from '../formats/header-match.ts';
import { columnReadingRecord, describeReading } from '../formats/inference/describe-choices.ts';
import { inferColumns, type NoReading, type RoleChoice } from '../formats/inference/infer-columns.ts';
import type { HolderSplit } from '../holder-split.ts';
import { readSpendAmount } from '../money.ts';
import { fail, ok, type Result } from '../result.ts';
import { createRowValidator, type RowValidator } from '../row-validation.ts';
import type { SpendLine } from '../spend-line.ts';
import type { UploadRights } from '../territory/upload-rights.ts';
import { foldForMatch } from '../text.ts';
import { type ColumnIndexes, columnIndexesOf, toCanonicalRow } from './canonical-row.ts';
import { ContractGrouping, type GroupOutcome } from './contract-grouping.ts';
import type { DatasetSummary } from './dataset-tally.ts';
import { FastLane } from './fast-lane.ts';
import { LineCollector } from './line-collector.ts';
import { OVERLONG_KEPT_CHARS, OverlongRecord } from './overlong-record.ts';
import type { Rejection } from './rejection.ts';
import { reasonText } from './rejection-reasons.ts';
import {
  checkRecord,
  hasUnclosedQuote,
  hasUndecodable,
  isBlank,
  isRepeatedHeader,
  isTooLong,
  MAX_LINE_LENGTH,
  valuesInPlace,
} from './row-checks.ts';
import { STRAY_QUOTE_FLAG, strayQuoteLines } from './stray-quote.ts';
import { summaryRowKind } from './summary-row.ts';
import type { SupplierRollups } from './supplier-rollup.ts';

/** A parsed record with the physical line it starts on. */
export interface RawRow {
  readonly lineNumber: number;
  readonly cells: readonly string[];
}

export interface IngestCoreOptions {
  readonly formats: readonly FormatProfile[];
  readonly defaultAnchorId: string;
  readonly rights?: UploadRights | undefined;
  readonly delimiter: string;
  /** Above this share of rejected lines the file is rejected whole: it is probably not what it seems. */
  readonly maxRejectedRatio: number;
  /** How far down the header may be (a mapping profile can place it below the first 30 lines). */
  readonly headerSearchRows?: number | undefined;
  readonly holderSplit?: HolderSplit | undefined;
  /** False reads every line the general way, which the fast lane must agree with (see its tests). */
  readonly fastLane?: boolean | undefined;
  /**
   * Physical lines the decoder read in Windows-1252 because they were not valid in the file's own
   * encoding (a record pasted from another program): counted, and flagged `re-decoded`. Filled as the
   * text is decoded, ahead of the rows.
   */
  readonly redecodedLines?: ReadonlySet<number> | undefined;
  /**
   * When no format fits the header, read the columns by inference (docs/formats.md). Off when the
   * caller names the layout (a mapping profile): then only that layout is tried.
   */
  readonly inferColumns?: boolean | undefined;
}

/**
 * The pure heart of ingest: header → canonical fields → validated lines → rollups. Synchronous and
 * I/O-free; the caller feeds rows and drains the accepted lines and rejections between batches.
 */
export class IngestCore {
  private readonly collected: LineCollector;
  private readonly pendingHeaderRows: RawRow[] = [];
  private header:
    | (LocatedHeader & {
        validate: RowValidator;
        columnIndexes: ColumnIndexes;
        grouping?: ContractGrouping;
        foldedHeader: readonly string[];
        fastLane: FastLane | undefined;
      })
    | undefined;
  private failure: string | undefined;
  private inferred: readonly RoleChoice[] | undefined;
  private guess: NoReading | undefined;

  constructor(private readonly options: IngestCoreOptions) {
    this.collected = new LineCollector(options.maxRejectedRatio);
  }

  get rollups(): SupplierRollups {
    return this.collected.rollups;
  }

  get format(): FormatProfile | undefined {
    return this.header?.format;
  }

  /** The roles inference gave the columns, when no format fitted; undefined otherwise. */
  get columnReading(): readonly RoleChoice[] | undefined {
    return this.inferred;
  }

  /** The best reading inference found when none was good enough: what a mapping form starts from. */
  get bestGuess(): NoReading | undefined {
    return this.guess;
  }

  /** The header found, with its column mapping, once settled (for `ancrage inspect`). */
  get locatedHeader(): (LocatedHeader & { readonly line: number }) | undefined {
    return this.header ? { ...this.header, line: this.headerLineNumber() } : undefined;
  }

  /** Feeds one record. Returns a failure when the file as a whole cannot be read. */
  push(row: RawRow): Result<void> {
    if (this.failure) return fail(this.failure);
    if (this.header) {
      this.acceptDataRow(row);
      return ok(undefined);
    }
    this.pendingHeaderRows.push(row);
    if (this.pendingHeaderRows.length >= (this.options.headerSearchRows ?? HEADER_SEARCH_ROWS)) {
      return this.settleHeader();
    }
    return ok(undefined);
  }

  /** Accepted lines since the last drain, in file order. */
  drainLines(): SpendLine[] {
    return this.collected.drainLines();
  }

  drainRejections(): Rejection[] {
    return this.collected.drainRejections();
  }

  /** Ends the file: flushes the last contract and checks the file as a whole. */
  finish(): Result<DatasetSummary> {
    if (!this.header) {
      const blank = (row: RawRow) => !(row instanceof OverlongRecord) && isBlank(row.cells);
      if (this.pendingHeaderRows.every(blank)) return fail('the file is empty');
      const settled = this.settleHeader();
      if (!settled.ok) return fail(settled.reason);
    }
    if (this.failure) return fail(this.failure);
    this.takeGroupOutcomes(this.header?.grouping?.flush() ?? []);
    const summary = this.collected.summarise({
      unit: 'line',
      noData: 'the file has a header but no data lines',
    });
    if (!summary.ok) return fail(summary.reason);
    return ok({
      ...summary.value,
      format: this.header?.format.id ?? '',
      headerLine: this.headerLineNumber(),
      ...(this.inferred ? { columnReading: this.inferred } : {}),
    });
  }

  private headerLineNumber(): number {
    return this.header ? (this.pendingHeaderRows[this.header.rowIndex]?.lineNumber ?? 1) : 0;
  }

  private settleHeader(): Result<void> {
    const rows = this.pendingHeaderRows;
    const located = locateHeader(
      rows.map((row) => row.cells),
      this.options.formats,
      rows.map((row) => row.lineNumber),
      this.options.headerSearchRows,
    );
    const header = located.ok ? located.value : this.inferHeader();
    if (!header) {
      const reason = located.ok ? '' : this.withGuess(located.reason);
      // A line of megabytes is the file's first problem: say so before the header it hides.
      const overlong = rows.find((row) => row instanceof OverlongRecord);
      this.failure = overlong
        ? `line ${overlong.lineNumber} is ${overlong.length} characters long, more than the ${MAX_LINE_LENGTH} a line may have; ${reason}`
        : reason;
      return fail(this.failure);
    }
    return this.settleOn(header);
  }

  private inferHeader(): LocatedHeader | undefined {
    if (!this.options.inferColumns) return undefined;
    const inferred = inferColumns(
      this.pendingHeaderRows.map((row) => row.cells),
      this.options.headerSearchRows ?? HEADER_SEARCH_ROWS,
    );
    if ('noReading' in inferred) {
      this.guess = inferred.noReading;
      return undefined;
    }
    this.inferred = inferred.reading.choices;
    return inferred.reading.header;
  }

  /** A refusal says, after why no format fits, what inference made of the columns. */
  private withGuess(reason: string): string {
    const guess = this.guess;
    return guess?.guess
      ? reasonText(
          'columns-not-inferred',
          { reason, guess: describeReading(guess.guess.choices.map(columnReadingRecord)) },
          'en',
        )
      : reason;
  }

  private settleOn(located: LocatedHeader): Result<void> {
    const rows = this.pendingHeaderRows;
    const format = located.format;
    const validate = createRowValidator({
      format,
      defaultAnchorId: this.options.defaultAnchorId,
      rights: this.options.rights,
    });
    const columnIndexes = columnIndexesOf(located.columns);
    this.header = {
      ...located,
      validate,
      columnIndexes,
      foldedHeader: located.headerCells.map(foldForMatch),
      fastLane:
        this.options.fastLane === false
          ? undefined
          : FastLane.for(located, columnIndexes, validate, this.options.delimiter, this.collected, {
              redecodedLines: this.options.redecodedLines,
            }),
      ...(format.groupRowsBy ? { grouping: new ContractGrouping(this.options.holderSplit) } : {}),
    };
    this.collected.countPreamble(located.rowIndex);
    for (const row of rows.slice(located.rowIndex + 1)) this.acceptDataRow(row);
    return ok(undefined);
  }

  private acceptDataRow(row: RawRow): void {
    const header = this.header;
    if (!header) return;
    if (row instanceof OverlongRecord) {
      const amountCents = this.longLineAmountIn(row.cells, header);
      this.collected.reject({ lineNumber: row.lineNumber, reason: row.reason, raw: row.start, amountCents });
      return;
    }
    if (header.fastLane?.take(row)) return;
    const glued = strayQuoteLines(row.cells, header.headerCells.length, this.options.delimiter);
    if (glued) {
      glued.forEach((cells, offset) => {
        this.acceptRecord({ lineNumber: row.lineNumber + offset, cells }, header, STRAY_QUOTE_FLAG);
      });
      return;
    }
    this.acceptRecord(row, header);
  }

  /** A data record the fast lane did not take, `flag` on its lines when counted. */
  private acceptRecord(row: RawRow, header: NonNullable<IngestCore['header']>, flag?: string): void {
    if (isBlank(row.cells)) {
      this.collected.countBlank();
      return;
    }
    if (hasUnclosedQuote(row.cells)) {
      this.failure = `line ${row.lineNumber} opens a quote (") that is never closed: the rest of the file would be read as one value`;
      return;
    }
    // The raw text is kept for rejected and grouped lines only: most lines never need it.
    const raw = () => toCsvRecord(row.cells, this.options.delimiter);
    const reason = this.readDataRow(row, header, raw, flag);
    if (reason) {
      const amountCents = this.rejectedAmountIn(row.cells, header);
      this.collected.reject({ lineNumber: row.lineNumber, reason, raw: raw(), amountCents });
    }
  }

  /** The amount a line states in the amount column, if it reads: what rejecting the line leaves out. */
  private amountIn(cells: readonly string[], header: NonNullable<IngestCore['header']>): number | undefined {
    const at = header.columnIndexes.amount;
    if (at === -1 || cells[at] === undefined) return undefined;
    const amount = readSpendAmount(cells[at], header.format.decimal);
    return amount.ok ? amount.value.cents : undefined;
  }

  /** The amount a rejected line states, read where its shape says it can be told. */
  private rejectedAmountIn(
    cells: readonly string[],
    header: NonNullable<IngestCore['header']>,
  ): number | undefined {
    if (isTooLong(cells)) return this.longLineAmountIn(cells, header);
    if (!valuesInPlace(cells, header)) return this.raggedAmountIn(cells, header);
    return this.amountIn(cells, header);
  }

  /**
   * The amount of a line too long to count: given when its amount column ends within the start an
   * overlong record keeps. Whether such a line reaches the core whole or as that start depends on
   * how the file's bytes arrive (chunks of 16 KB or of 1 MB), and its figures must not.
   */
  private longLineAmountIn(
    cells: readonly string[],
    header: NonNullable<IngestCore['header']>,
  ): number | undefined {
    const at = header.columnIndexes.amount;
    if (at === -1 || cells.length <= at + 1) return undefined;
    let end = 0;
    for (let index = 0; index <= at; index++) end += (cells[index]?.length ?? 0) + 1;
    return end <= OVERLONG_KEPT_CHARS ? this.amountIn(cells, header) : undefined;
  }

  /**
   * The amount of a line with values too many or too few. Too many: the stray `;` may sit before the
   * amount column (a name cut in two: the amount is as many values later) or after it (a comment cut
   * in two: the amount is where its column says); given only when one of the two places reads as an
   * amount, or both read the same, so that a SIRET or a postcode shifted into the column is never
   * taken for money. Too few: a line cut short, whose values before the cut are in place; the amount
   * is read in its column if the line reaches it, never in a place a cut could have shifted.
   */
  private raggedAmountIn(
    cells: readonly string[],
    header: NonNullable<IngestCore['header']>,
  ): number | undefined {
    const at = header.columnIndexes.amount;
    if (at === -1) return undefined;
    const shift = Math.max(0, cells.length - header.headerCells.length);
    const read = new Set<number>();
    for (const index of [at, at + shift]) {
      const cell = cells[index];
      const amount = cell === undefined ? undefined : readSpendAmount(cell, header.format.decimal);
      if (amount?.ok) read.add(amount.value.cents);
    }
    return read.size === 1 ? [...read][0] : undefined;
  }

  /** Counts the row's lines, or says why it cannot be counted. */
  private readDataRow(
    row: RawRow,
    header: NonNullable<IngestCore['header']>,
    raw: () => string,
    flag?: string,
  ): string | undefined {
    if (isRepeatedHeader(row.cells, header.foldedHeader))
      return 'the header line again (a page break in the export), not data';
    const record = checkRecord(row.cells, header);
    if (!record.ok) return record.reason;
    const canonical = toCanonicalRow(row.cells, header.columnIndexes);
    const amountCents = this.amountIn(row.cells, header);
    if (isOlderVersion(canonical)) {
      this.collected.setAside({
        lineNumber: row.lineNumber,
        reason: OLDER_VERSION_REASON,
        raw: raw(),
        amountCents,
        setAside: 'older-version',
      });
      return undefined;
    }
    if (amountCents !== undefined) {
      const dateReads = () => parseDate(canonical.date ?? '', header.format.dateOrder).ok;
      const summary = summaryRowKind(row.cells, header, dateReads);
      if (summary) {
        const reason = SUMMARY_REASON[summary];
        this.collected.setAside({
          lineNumber: row.lineNumber,
          reason,
          raw: raw(),
          amountCents,
          setAside: 'summary-row',
        });
        if (summary === 'grand-total') this.collected.noteStatedTotal(row.lineNumber, amountCents);
        return undefined;
      }
    }
    // A row naming several titulaires is counted whole or not at all.
    const validated = (header.format.expandRow?.(canonical) ?? [canonical]).map((one) =>
      header.validate(one, row.lineNumber),
    );
    const problem = validated.find((result) => !result.ok);
    if (problem && !problem.ok) return problem.reason;
    const redecoded = this.options.redecodedLines?.has(row.lineNumber) === true;
    const undecodable = hasUndecodable(row.cells);
    for (const line of validated) {
      if (!line.ok) continue;
      if (redecoded) line.value.flags.push(REDECODED_FLAG);
      if (undecodable) line.value.flags.push(UNDECODABLE_FLAG);
      if (flag) line.value.flags.push(flag);
      if (header.grouping) this.takeGroupOutcomes(header.grouping.push(line.value, raw()));
      else this.collected.accept(line.value);
    }
    return undefined;
  }

  private takeGroupOutcomes(outcomes: readonly GroupOutcome[]): void {
    for (const outcome of outcomes) {
      if ('line' in outcome) this.collected.accept(outcome.line);
      else this.collected.setAside(outcome.duplicate);
    }
  }
}

/** The flag of a line decoded on its own in Windows-1252. */
export const REDECODED_FLAG = 're-decoded';
/** The flag of a line with characters no decoding could read. */
const UNDECODABLE_FLAG = 'undecodable';

const SUMMARY_REASON = {
  'grand-total': "a total row of the file (no payee of its own), not a payment: compared with the lines' sum",
  'sub-total': 'a sub-total row of the file (no payee of its own), not a payment: its lines are counted',
} as const;

const OLDER_VERSION_REASON =
  'an older version of this contract (donneesActuelles = non): its current version is counted instead';

/** decp.info keeps every version of a contract; only the current one (`donneesActuelles`) counts. */
function isOlderVersion(row: CanonicalRow): boolean {
  const flag = row.currentVersion?.trim().toLowerCase();
  return flag === 'non' || flag === 'false' || flag === '0';
}
