/**
 * `ancrage analyze` from the command line against pandas and a hand-written papaparse roll-up, over
 * the same SYNTHETIC payments file in the same run, each a command of its own with its whole process
 * tree measured. Part of `npm run bench`; alone, for a quick check:
 * `npx tsx bench/analyze-vs-pandas.ts [--rows N] [--repeat N] [--json] [--analyze-plain]` (1 000 000
 * lines by default; --analyze-plain runs the CLI without the phase hook; --repeat runs the three
 * commands in turn N times and adds their medians: one run's spread on a shared machine is larger
 * than most single changes).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchFiles, E2E_MAX_ROWS, smallReportRows, supplierCountFor } from './bench-files.ts';
import { benchOut, isMain, projectRoot } from './bench-paths.ts';
import type { GeneratedPayments } from './generate-payments.ts';
import { type AnalyzeCliMeasure, measureAnalyzeCli } from './measure-analyze-cli.ts';
import { measurePandas, type PandasMeasure } from './measure-pandas.ts';
import type { PapaparseRollupMeasure } from './measure-papaparse-rollup.ts';
import { median } from './median.ts';
import { type MeasuredCommand, runMeasuredCommand } from './process-tree-usage.ts';
import { bundleStages } from './stages-bundle.ts';

/** The issue's memory target for `analyze` of the 1 M-line file, whole process tree. */
export const ANALYZE_PEAK_RSS_TARGET_MB = 512;

export interface AnalyzeComparison {
  readonly rows: number;
  readonly analyze: AnalyzeCliMeasure;
  readonly pandas: PandasMeasure;
  readonly rollup: PapaparseRollupMeasure & { readonly command: MeasuredCommand };
}

export interface CompareOptions {
  readonly out: string;
  readonly stagesBundle: string;
  /** False: the CLI alone, without the phase hook; no ingest phase then. */
  readonly phases: boolean;
  readonly log: (message: string) => void;
}

export async function compareAnalyze(
  file: GeneratedPayments,
  { out, stagesBundle, phases, log }: CompareOptions,
): Promise<AnalyzeComparison> {
  log(`ancrage analyze of ${file.rows} lines from the command line, report included`);
  const analyze = await measureAnalyzeCli(file.path, out, { phases });
  log('pandas: the same file read and summed per supplier');
  const pandas = await measurePandas(file.path, file.encoding);
  if (!pandas.measured) log(`${pandas.reason}: not measured`);
  log('papaparse roll-up: the same sums by a hand-written loop');
  const command = await runMeasuredCommand(
    process.execPath,
    [stagesBundle, 'papaparse-rollup', JSON.stringify({ path: file.path, encoding: file.encoding })],
    { cwd: projectRoot },
  );
  if (command.code !== 0)
    throw new Error(`the papaparse roll-up exited with ${command.code}: ${command.stderrTail}`);
  const rollup = {
    ...(JSON.parse(command.stdout.trim().split('\n').at(-1) ?? '') as PapaparseRollupMeasure),
    command,
  };
  // The two baselines do the same work: if they disagree, one of them is wrong and no ratio holds.
  if (pandas.measured && (pandas.totalCents !== rollup.totalCents || pandas.suppliers !== rollup.suppliers)) {
    throw new Error(
      `pandas and the papaparse roll-up disagree: ${pandas.totalCents} vs ${rollup.totalCents} cents, ${pandas.suppliers} vs ${rollup.suppliers} suppliers`,
    );
  }
  return { rows: file.rows, analyze, pandas, rollup };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const ratio = (numerator: number | undefined, denominator: number | undefined) =>
  numerator === undefined || denominator === undefined ? null : round3(numerator / denominator);
/** A ratio as "times as long as". */
const times = (value: number | null) =>
  value === null ? 'not measured' : `×${value.toFixed(value >= 10 ? 1 : 2)}`;

/** The comparison's figures for the bench's JSON line: ratios are "times as long as", so lower is better. */
export function analyzeFigures(comparison: AnalyzeComparison, ingestCoreMs?: number) {
  const { analyze, pandas, rollup } = comparison;
  const pandasWorkMs = pandas.measured ? pandas.readMs + pandas.groupMs : undefined;
  const ingestMs = analyze.phases?.ingestMs;
  return {
    analyzeRows: comparison.rows,
    analyzeMs: Math.round(analyze.command.ms),
    analyzeCpuMs: Math.round(analyze.command.cpuMs),
    analyzeIngestMs: ingestMs === undefined ? null : Math.round(ingestMs),
    analyzePhasesMs: analyze.phases
      ? Object.fromEntries(Object.entries(analyze.phases).map(([name, ms]) => [name, Math.round(ms)]))
      : null,
    analyzePeakTreeRssMb: round1(analyze.command.peakTreeRssMb),
    analyzePeakProcessRssMb: round1(analyze.command.peakProcessRssMb),
    analyzeProcesses: analyze.command.processes,
    analyzeLinesCounted: analyze.linesCounted ?? null,
    analyzeTotalAgrees:
      analyze.controlCents === undefined ? null : analyze.controlCents === rollup.totalCents,
    pandas: pandas.measured ? `pandas ${pandas.pandasVersion}` : `${pandas.reason}: not measured`,
    pandasMs: pandas.measured ? Math.round(pandas.command.ms) : null,
    pandasReadGroupMs: pandasWorkMs === undefined ? null : Math.round(pandasWorkMs),
    pandasPeakTreeRssMb: pandas.measured ? round1(pandas.command.peakTreeRssMb) : null,
    papaparseRollupMs: Math.round(rollup.command.ms),
    papaparseRollupLoopMs: Math.round(rollup.ms),
    papaparseRollupPeakTreeRssMb: round1(rollup.command.peakTreeRssMb),
    /** Whole commands, start to exit. */
    analyzeVsPandas: ratio(analyze.command.ms, pandas.measured ? pandas.command.ms : undefined),
    /** The ingest handler's run against pandas' read_csv + groupby (its import and start-up left out). */
    analyzeIngestVsPandas: ratio(ingestMs, pandasWorkMs),
    analyzeIngestVsPapaparseRollup: ratio(ingestMs, rollup.ms),
    analyzeIngestVsCore: ratio(ingestMs, ingestCoreMs),
    papaparseRollupVsPandas: ratio(rollup.ms, pandasWorkMs),
  };
}

type Row = readonly [string, string, string, string];

const number = (value: number) => Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const tree = (command: MeasuredCommand) =>
  `peak RSS ${round1(command.peakTreeRssMb)} MB over ${command.processes} process${command.processes === 1 ? '' : 'es'} (largest ${round1(command.peakProcessRssMb)} MB), CPU ${seconds(command.cpuMs)}`;

/** Table rows in run.ts's shape: stage, figure, target, verdict. */
export function analyzeTableRows(comparison: AnalyzeComparison, ingestCoreMs?: number): Row[] {
  const { analyze, pandas, rollup } = comparison;
  const figures = analyzeFigures(comparison, ingestCoreMs);
  const phases = analyze.phases;
  const rssHeld = analyze.command.peakTreeRssMb < ANALYZE_PEAK_RSS_TARGET_MB;
  const rows: Row[] = [
    [
      'ancrage analyze (CLI)',
      `${seconds(analyze.command.ms)} over ${number(comparison.rows)} lines, report included; ${tree(analyze.command)}`,
      '',
      '',
    ],
    [
      'analyze phases',
      phases
        ? `start-up ${seconds(phases.startupMs)}, upload ${seconds(phases.uploadMs)}, ingest ${seconds(phases.ingestMs)}, lookups ${seconds(phases.lookupsMs)}, report ${seconds(phases.reportMs)}, download ${seconds(phases.downloadMs)}, stop ${seconds(phases.teardownMs)}`
        : 'not measured (--analyze-plain, or the phase hook saw no ingest step): whole command only',
      '',
      '',
    ],
    [
      'analyze peak RSS',
      `${round1(analyze.command.peakTreeRssMb)} MB, whole process tree`,
      `< ${ANALYZE_PEAK_RSS_TARGET_MB} MB`,
      rssHeld ? 'met' : 'MISSED',
    ],
    [
      'pandas',
      pandas.measured
        ? `${seconds(pandas.command.ms)} (pandas ${pandas.pandasVersion}: import ${seconds(pandas.importMs)}, read_csv ${seconds(pandas.readMs)}, groupby ${seconds(pandas.groupMs)}); ${tree(pandas.command)}`
        : `${pandas.reason}: not measured`,
      '',
      '',
    ],
    [
      'papaparse roll-up',
      `${seconds(rollup.command.ms)} (loop ${seconds(rollup.ms)}), ${number(rollup.suppliers)} suppliers, ${number(rollup.amounts)} amounts; ${tree(rollup.command)}`,
      '',
      '',
    ],
    [
      'analyze / pandas',
      `whole commands ${times(figures.analyzeVsPandas)}; ingest phase / read_csv + groupby ${times(figures.analyzeIngestVsPandas)}`,
      'measured',
      '',
    ],
    [
      'analyze ingest / baselines',
      `vs the papaparse roll-up loop ${times(figures.analyzeIngestVsPapaparseRollup)}; vs the bare ingest core ${times(figures.analyzeIngestVsCore)}; roll-up loop / pandas ${times(figures.papaparseRollupVsPandas)}`,
      'measured',
      '',
    ],
    [
      'totals agree',
      figures.analyzeTotalAgrees === null
        ? "the CLI's control total could not be read from its summary"
        : `${figures.analyzeTotalAgrees ? 'yes' : 'NO'}: analyze's control total vs the roll-up's ${number(rollup.totalCents / 100)} €${pandas.measured ? ' (= pandas)' : ''}`,
      '',
      '',
    ],
  ];
  return rows;
}

/** The medians of repeated comparisons, and the ratios of those medians. */
function mediansLine(comparisons: readonly AnalyzeComparison[]): string {
  const figures = comparisons.map((comparison) => analyzeFigures(comparison));
  const of = (pick: (one: (typeof figures)[number]) => number | null) => {
    const picked = figures.map(pick);
    return picked.every((value) => value !== null) ? median(picked as number[]) : undefined;
  };
  const analyze = of((one) => one.analyzeMs);
  const ingest = of((one) => one.analyzeIngestMs);
  const pandas = of((one) => one.pandasMs);
  const pandasWork = of((one) => one.pandasReadGroupMs);
  const shown = (ms: number | undefined) => (ms === undefined ? 'not measured' : seconds(ms));
  return [
    `medians of ${comparisons.length} runs`,
    `analyze ${shown(analyze)} (ingest ${shown(ingest)}), pandas ${shown(pandas)} (read_csv + groupby ${shown(pandasWork)})`,
    `whole commands ${times(ratio(analyze, pandas))}; ingest / read_csv + groupby ${times(ratio(ingest, pandasWork))}`,
  ].join('  |  ');
}

// Alone: the comparison only, over the file `npm run bench -- --rows N` would use.
if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      json: { type: 'boolean', default: false },
      'analyze-plain': { type: 'boolean', default: false },
      repeat: { type: 'string', default: '1' },
    },
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error('--rows takes a positive whole number');
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  const out = benchOut();
  const supplierCount = supplierCountFor(smallReportRows(Math.min(rows, E2E_MAX_ROWS)));
  const file = await benchFiles(out, supplierCount, log).payments(rows, 'windows-1252');
  const stagesBundle = await bundleStages(out);
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat <= 0) throw new Error('--repeat takes a positive whole number');
  const comparisons: AnalyzeComparison[] = [];
  for (let run = 1; run <= repeat; run++) {
    const comparison = await compareAnalyze(file, {
      out,
      stagesBundle,
      phases: !values['analyze-plain'],
      log,
    });
    comparisons.push(comparison);
    console.log(
      `${repeat > 1 ? `run ${run} of ${repeat}: ` : ''}${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.versions.node}; load average ${round1(loadavg()[0] ?? 0)}`,
    );
    for (const row of analyzeTableRows(comparison))
      console.log(row.filter((cell) => cell !== '').join('  |  '));
    if (values.json) console.log(JSON.stringify(analyzeFigures(comparison)));
  }
  if (repeat > 1) console.log(mediansLine(comparisons));
}
