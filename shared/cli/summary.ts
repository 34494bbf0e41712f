import { join } from 'node:path';
import type { DatasetRecord } from '../domain/dataset.ts';
import { describeReading, settlementText } from '../domain/formats/inference/describe-choices.ts';
import { lineFlagLabel, setAsideLabel } from '../domain/line-flags.ts';
import { formatMoneyCents, formatMoneyUnits } from '../domain/money-text.ts';
import { isUnknownBuyer } from '../domain/report/buyer-name.ts';
import type { AnalyzeResult } from './analyze.ts';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const lineCount = (count: number) => `${count} line${count === 1 ? '' : 's'}`;
/** A headline figure, in whole units, written as the CLI's language (English) writes money: `£1,235`. */
const money = (amount: number, currency: string) => formatMoneyUnits(amount, currency, 'en', 'whole');
/** A reconciliation figure, to the cent: it must tie out with the officer's own ledger. */
const exact = (cents: number, currency: string) => formatMoneyCents(cents, currency, 'en', 'minor');

/** Why a file read is not counted, naming the file that counts its spend instead. */
function notCountedNote(result: AnalyzeResult, dataset: DatasetRecord): string | undefined {
  const holderId =
    dataset.duplicateOf ?? (dataset.status === 'SUPERSEDED' ? dataset.supersededBy : undefined);
  if (!holderId) return undefined;
  const by = result.datasets.find((other) => other.id === holderId)?.fileName ?? `dataset ${holderId}`;
  return dataset.duplicateOf
    ? `read, not counted: the same bytes as ${by}, which counts them`
    : `read, not counted: all its spend is in ${by}`;
}

/** For a file no format fitted: the role each column was read as, and how close calls were settled. */
export function readingLines(dataset: Pick<DatasetRecord, 'columnReading'>): string[] {
  const records = dataset.columnReading;
  if (!records) return [];
  return [
    `    columns read as: ${describeReading(records)}`,
    ...records.flatMap((record) => {
      const settled = settlementText(record, 'en');
      return settled ? [`      ${record.role}: ${settled}`] : [];
    }),
  ];
}

/** One file's reconciliation: what was counted, set aside and rejected, and the flagged spend. */
function datasetLines(result: AnalyzeResult, dataset: DatasetRecord): string[] {
  const currency = dataset.currency ?? result.report.currency;
  const head = `  ${dataset.fileName} (${dataset.format}, ${dataset.encoding})`;
  const note = notCountedNote(result, dataset);
  if (note) return [`${head}: ${note}`];
  const r = dataset.reconciliation;
  if (!r) return [`${head}: ${lineCount(dataset.lines)} counted, ${dataset.rejectedLines} rejected`];
  const lines = [
    `${head}: ${lineCount(dataset.lines)} counted, ${exact(r.countedCents, currency)}` +
      (r.concessionCents !== 0 ? ` (and concessions ${exact(r.concessionCents, currency)}, apart)` : ''),
    ...readingLines(dataset),
  ];
  for (const entry of r.setAside) {
    lines.push(
      `    set aside: ${lineCount(entry.lines)}, ${setAsideLabel(entry.kind, 'en')}, ${exact(entry.cents, currency)}`,
    );
  }
  if (r.rejected.lines > 0) {
    const withAmount =
      r.rejected.withAmount > 0
        ? `, ${r.rejected.withAmount} of them stating ${exact(r.rejected.cents, currency)}`
        : ', none stating a readable amount';
    lines.push(`    rejected: ${lineCount(r.rejected.lines)}${withAmount}`);
  }
  if (r.totalRows.lines > 0) {
    lines.push(
      `    total rows (not spend): ${lineCount(r.totalRows.lines)}, ${exact(r.totalRows.cents, currency)}`,
    );
  }
  lines.push(`    control total (every amount read on a line of spend): ${exact(r.controlCents, currency)}`);
  if (r.statedTotal) {
    const verdict = r.statedTotal.agrees
      ? 'agrees with the lines counted'
      : `differs from the lines counted by ${exact(r.statedTotal.cents - r.countedCents, currency)}`;
    lines.push(
      `    the file's own total (line ${r.statedTotal.lineNumber}): ${exact(r.statedTotal.cents, currency)}, ${verdict}`,
    );
  }
  for (const flag of r.flags) {
    lines.push(
      `    counted, flagged: ${lineCount(flag.lines)}, ${lineFlagLabel(flag.flag, 'en')}, ${exact(flag.cents, currency)}`,
    );
  }
  return lines;
}

/** The headline, or why it cannot be given yet and what would give it: never an unknown read as 0 %. */
function localShareLine(report: AnalyzeResult['report'], ring: string, localAmount: string): string {
  const { headline } = report;
  const known = percent(headline.knownLocalityShare);
  if (headline.measurable)
    return `local share (${ring}): ${percent(headline.localShare)} = ${localAmount}; locality known for ${known}`;
  return (
    `local share (${ring}): cannot be measured yet, locality known for only ${known} of influenceable spend ` +
    `(at least ${percent(headline.minimumKnownShare)} needed); fetch the register (ancrage registry fetch --state), or give a SIRENE extract (--registry) or a supplier directory (--directory)`
  );
}

/** LM3 with its range and what it rests on, or why there is none: the report has the arithmetic. */
function multiplierLine(report: AnalyzeResult['report']): string | undefined {
  const multiplier = report.localMultiplier;
  if (multiplier.reason === 'contracts') return undefined;
  if (!multiplier.lm3)
    return `local multiplier (LM3): not measured (${multiplier.reason}); the report says why`;
  const { central, low, high } = multiplier.lm3;
  const coverage = multiplier.coverage === null ? 'no local supplier' : percent(multiplier.coverage);
  return (
    `local multiplier (LM3): ${central.toFixed(2)} (${low.toFixed(2)}–${high.toFixed(2)} with the defaults' ranges); ` +
    `survey answers cover ${coverage} of local supplier spend, defaults the rest (docs/method.md)`
  );
}

/** Buyers the summary names before saying how many more there are. */
const NAMED_ANCHORS = 3;

/** Whose spend was counted: the buyers the files or `--anchor` name, or plainly that they are unknown. */
function anchorsLine(report: AnalyzeResult['report']): string | undefined {
  const known = report.anchors.filter((anchor) => !isUnknownBuyer(anchor)).map((anchor) => anchor.name);
  const unknown =
    known.length < report.anchors.length
      ? `not known (${report.datasets.length === 1 ? 'the file does not' : 'a file does not'} name its buyer): pass --anchor <id>, such as its SIRET, to name it`
      : undefined;
  if (known.length === 0) return unknown && `anchor institution ${unknown}`;
  const more = known.length > NAMED_ANCHORS ? `, and ${known.length - NAMED_ANCHORS} more` : '';
  const named = `${known.slice(0, NAMED_ANCHORS).join(', ')}${more}`;
  return `anchor institution${known.length === 1 ? '' : 's'}: ${named}${unknown ? `; for some lines ${unknown}` : ''}`;
}

/** One line when the lookups did something or could not: nothing when every supplier was known. */
function lookupsLine(run: AnalyzeResult['lookups']): string | undefined {
  if (!run || run.asked === 0) return undefined;
  if (run.offline)
    return `online lookups skipped: ${run.provider} could not be reached (no network?); the report says so`;
  const unanswered = run.unanswered > 0 ? `, ${run.unanswered} unanswered (asked again next time)` : '';
  return `looked up ${run.asked} unknown SIRET/SIREN through ${run.provider}: ${run.found} found, ${run.notFound} unknown to it${unanswered}`;
}

/** The lines printed after a run: what was read, how each file ties out, the headline, where to look. */
export function summarise(result: AnalyzeResult): string {
  const { report } = result;
  const local = report.byRing.find((band) => band.ring === report.headline.localRing);
  const lines = [
    ...result.facts.map(
      (loaded) =>
        `${loaded.name} (${loaded.file}): ${loaded.rows} rows, ${loaded.facts} facts stored, ${loaded.rejectedRows} rejected`,
    ),
    `${report.datasets.length} dataset(s) counted, ${report.kind}, ${report.period.from ?? 'undated'} → ${report.period.to ?? 'undated'}`,
    ...result.datasets.flatMap((dataset) => datasetLines(result, dataset)),
    ...[anchorsLine(report)].filter((line) => line !== undefined),
    `total ${money(report.totals.gross, report.currency)}, influenceable ${money(report.totals.influenceable, report.currency)}, ${report.totals.suppliers} suppliers`,
    localShareLine(
      report,
      local?.label ?? report.headline.localRing,
      money(report.headline.localAmount, report.currency),
    ),
    ...[multiplierLine(report), lookupsLine(result.lookups)].filter((line) => line !== undefined),
    `report: ${join(result.outDir, 'report.html')}`,
  ];
  if (result.datasets.some((dataset) => dataset.rejectedLines > 0 || dataset.setAsideLines > 0)) {
    lines.push(`lines not counted, with line numbers and reasons: ${join(result.outDir, 'rejects')}`);
  }
  return `${lines.join('\n')}\n`;
}
