/**
 * `npm run bench [-- --rows N] [--json] [--e2e-rows N] [--repeat N] [--profile] [--analyze-plain]
 *   [--stock-rows N] [--no-registry-fetch] [--out DIR]`
 *
 * Generates the SYNTHETIC bench files (seeded, cached in bench/out/ while the generators are
 * unchanged), measures every stage in the same run — `ancrage analyze` from the command line
 * against pandas and a papaparse roll-up among them (analyze-vs-pandas.ts) — prints a table and, with
 * --json, one JSON object on its last line. Progress goes to stderr. Targets: /work/shared/DESIGN.md
 * §11, BENCHMARKS.md.
 */

import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { HEAP_GROWING_FLAG } from '../bin/heap-flags.js';
import { LocalPipeline } from '../shared/local/local-pipeline.ts';
import {
  ANALYZE_PEAK_RSS_TARGET_MB,
  analyzeFigures,
  analyzeTableRows,
  compareAnalyze,
} from './analyze-vs-pandas.ts';
import { BOUNDED_HEAP_MB, DEFAULT_SEED } from './bench-constants.ts';
import { benchFiles, E2E_MAX_ROWS, smallReportRows, supplierCountFor } from './bench-files.ts';
import { benchOut, projectRoot } from './bench-paths.ts';
import { profileEntries } from './cpu-profile-top.ts';
import { countDynamoDbRequests } from './dynamodb-request-counter.ts';
import { startEmulatorProcess } from './emulator-process.ts';
import type { GeneratedPayments } from './generate-payments.ts';
import { measureBundles } from './measure-bundles.ts';
import type { CoreMeasure } from './measure-core.ts';
import type { DecodeMeasure } from './measure-decode.ts';
import { measureDecpLocated } from './measure-decp-located.ts';
import { measureEndToEndIngest } from './measure-e2e.ts';
import type { PapaparseMeasure } from './measure-papaparse.ts';
import type { RegistryMeasure } from './measure-registry.ts';
import { measureRegistryEndToEnd } from './measure-registry-e2e.ts';
import type { RegistryFetchMeasure } from './measure-registry-fetch.ts';
import { measureReport } from './measure-report.ts';
import { bundleStages } from './stages-bundle.ts';
import { syntheticSuppliers } from './synthetic-suppliers.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Records papaparse sees before the data: a title line, a blank line, the header. */
const PREAMBLE_RECORDS = 3;

const TARGETS = {
  coreVsPapaparse: 2 / 3,
  /** ≤ 1 write request per 25 lines, plus 1 per 25 rollups, plus a few fixed ones (claim, content claim, save). */
  linesPerWrite: 25,
  fixedWrites: 5,
  peakRssMb: 256,
  reportRatio: 2,
  bundleKb: 1_536,
  /** The registry fetch of a national-size stock (the issue's target). */
  registryFetchPeakRssMb: 512,
} as const;

/**
 * The CSV stock is measured on the first rows of the Parquet's: 10 M rows of CSV are ~2 GB to write
 * and read again on every change of the generators, for a rate that does not change with size.
 */
const CSV_STOCK_MAX_ROWS = 1_000_000;
/** The heap growing factor `bin/ancrage.js` sets for the CLI, under which `ancrage registry fetch` runs. */
const CLI_V8_FLAGS = [HEAP_GROWING_FLAG];

const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'e2e-rows': { type: 'string' },
    repeat: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    /** `ancrage analyze` without the phase hook: the bare command, its ingest phase not measured. */
    'analyze-plain': { type: 'boolean', default: false },
    /** Establishment rows of the SYNTHETIC national stock `ancrage registry fetch` reads (Parquet). */
    'stock-rows': { type: 'string', default: '10000000' },
    /** Skips the registry fetch of that stock and the DECP located share. */
    'no-registry-fetch': { type: 'boolean', default: false },
    /** Where files, bundles and profiles go: bench/out/ by default; must be inside the project (node_modules). */
    out: { type: 'string' },
  },
});

const positive = (text: string | undefined, name: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
};

const rows = positive(options.rows, 'rows');
const e2eRows = Math.min(
  rows,
  options['e2e-rows'] ? positive(options['e2e-rows'], 'e2e-rows') : E2E_MAX_ROWS,
);
const smallRows = smallReportRows(e2eRows);
/** Every supplier is paid within the first lines of each file, so both report files share them all. */
const supplierCount = supplierCountFor(smallRows);
const repeat = positive(options.repeat, 'repeat');
const stockRows = positive(options['stock-rows'], 'stock-rows');

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------------------------------------------
// Files

const out = options.out ? resolve(projectRoot, options.out) : benchOut();
mkdirSync(out, { recursive: true });
const files = benchFiles(out, supplierCount, log);

// ---------------------------------------------------------------------------------------------------
// Stages in child processes

const execFileAsync = promisify(execFile);

async function runStage<T>(
  stage: string,
  args: object,
  flags: readonly string[] = [],
): Promise<T & { peakRssMb: number; cpuMs: number }> {
  const { stdout } = await execFileAsync(
    process.execPath,
    [...flags, stagesBundle, stage, JSON.stringify(args)],
    {
      cwd: projectRoot,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T & { peakRssMb: number; cpuMs: number };
}

const bounded = [`--max-old-space-size=${BOUNDED_HEAP_MB}`];

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench consistency check failed: ${message}`);
}

// ---------------------------------------------------------------------------------------------------
// Run

const loadAverageStart = loadavg()[0] ?? 0;
log(
  `rows ${rows}, end to end ${e2eRows}${e2eRows < rows ? ' (capped)' : ''}, small report ${smallRows}, suppliers ${supplierCount}`,
);
const mainFile = await files.payments(rows, 'windows-1252');
const utf8File = await files.payments(rows, 'utf-8');
const e2eFile = e2eRows === rows ? mainFile : await files.payments(e2eRows, 'windows-1252');
const smallFile = await files.payments(smallRows, 'windows-1252');
const registryFile = await files.establishments(rows);
const supplierEstablishments = await files.establishments(0);
const units = await files.units();

const stagesBundle = await bundleStages(out);
const baseline = await runStage<object>('baseline', {}, bounded);

type Measured<T> = T & { readonly peakRssMb: number; readonly cpuMs: number };
let papaparse: Measured<PapaparseMeasure> | undefined;
let core: Measured<CoreMeasure> | undefined;
let decode: Measured<DecodeMeasure> | undefined;
for (let round = 1; round <= repeat; round++) {
  log(`decoding alone over ${rows} lines (round ${round}/${repeat})`);
  const decoded = await runStage<DecodeMeasure>('decode', { path: mainFile.path });
  if (!decode || decoded.ms < decode.ms) decode = decoded;
  log(`papaparse alone over ${rows} lines (round ${round}/${repeat})`);
  const parsed = await runStage<PapaparseMeasure>('papaparse', {
    path: mainFile.path,
    encoding: mainFile.encoding,
    mode: 'chunk',
  });
  if (!papaparse || parsed.ms < papaparse.ms) papaparse = parsed;
  log(`ingest core over ${rows} lines (round ${round}/${repeat})`);
  const measured = await runStage<CoreMeasure>('core', { path: mainFile.path });
  if (!core || measured.ms < core.ms) core = measured;
}
if (!papaparse || !core || !decode) throw new Error('no round ran');
log('papaparse duplex stream (the mode the ingest adapter uses)');
const duplex = await runStage<PapaparseMeasure>('papaparse', {
  path: mainFile.path,
  encoding: mainFile.encoding,
  mode: 'duplex',
});
log('papaparse over the text the core decodes (hashed, Windows-1252, newlines)');
const decodedPapaparse = await runStage<PapaparseMeasure>('papaparse', {
  path: mainFile.path,
  encoding: mainFile.encoding,
  mode: 'decoded',
});
log('ingest core over the UTF-8 variant');
const coreUtf8 = await runStage<CoreMeasure>('core', { path: utf8File.path });
log(`ingest core, heap bounded to ${BOUNDED_HEAP_MB} MB`);
const coreBounded = await runStage<CoreMeasure>('core', { path: mainFile.path }, bounded);
log(`registry load of ${registryFile.rows} establishment rows, heap bounded to ${BOUNDED_HEAP_MB} MB`);
const registry = await runStage<RegistryMeasure>('registry', { path: registryFile.path }, bounded);

let profileTop: { name: string; selfPercent: number; totalPercent: number }[] = [];
if (options.profile) {
  const directory = join(out, 'profiles');
  mkdirSync(directory, { recursive: true });
  for (const file of readdirSync(directory)) rmSync(join(directory, file));
  log('ingest core under --cpu-prof');
  await runStage<CoreMeasure>('core', { path: mainFile.path }, ['--cpu-prof', `--cpu-prof-dir=${directory}`]);
  const [profile] = readdirSync(directory).filter((file) => file.endsWith('.cpuprofile'));
  if (profile) {
    profileTop = profileEntries(join(directory, profile))
      .slice(0, 20)
      .map((entry) => ({
        name: entry.name,
        selfPercent: Math.round(entry.selfShare * 1000) / 10,
        totalPercent: Math.round(entry.totalShare * 1000) / 10,
      }));
  }
}

check(papaparse.records === rows + PREAMBLE_RECORDS, `papaparse read ${papaparse.records} records`);
check(
  decodedPapaparse.records === papaparse.records,
  `papaparse read ${decodedPapaparse.records} records of the decoded text`,
);
for (const measured of [core, coreUtf8, coreBounded]) {
  check(
    measured.accepted + measured.rejected === rows,
    `the core counted ${measured.accepted}+${measured.rejected}`,
  );
  check(
    measured.rejected === mainFile.unreadableLines,
    `the core rejected ${measured.rejected} of ${mainFile.unreadableLines}`,
  );
  check(measured.summaryLines === measured.accepted, 'the summary and the drained lines disagree');
}
check(registry.rejectedRows === registryFile.badRows, `the registry rejected ${registry.rejectedRows} rows`);

/** `ancrage registry fetch` of a national-size stock, Parquet then CSV; the DECP sample's located share. */
async function registryFetchRun() {
  const stock = await files.stock(stockRows, Math.min(stockRows, CSV_STOCK_MAX_ROWS));
  // The stage is bundled into out/: it reads the suppliers the dataset names from a file, not from data/.
  const suppliersPath = join(out, 'registry-fetch-suppliers.json');
  writeFileSync(
    suppliersPath,
    JSON.stringify(
      syntheticSuppliers(supplierCount, DEFAULT_SEED).map(({ code, name, siret }) => ({ code, name, siret })),
    ),
  );
  const fetchOf = (base: string) =>
    runStage<RegistryFetchMeasure>('registry-fetch', { base, suppliers: suppliersPath }, CLI_V8_FLAGS);
  log(`registry fetch of ${stock.rows} establishment rows in Parquet (row groups of ${stock.rowGroupRows})`);
  const parquet = await fetchOf(stock.parquetFolder);
  log(`registry fetch of ${stock.csvRows} establishment rows in CSV`);
  const csv = await fetchOf(stock.csvFolder);
  for (const [measured, format, rows, facts] of [
    [parquet, 'parquet', stock.rows, stock.supplierRows],
    [csv, 'csv', stock.csvRows, stock.csvSupplierRows],
  ] as const) {
    check(measured.format === format, `the ${format} folder was read as ${measured.format}`);
    check(
      measured.establishmentRows === rows,
      `the ${format} fetch read ${measured.establishmentRows} of ${rows} rows`,
    );
    check(
      measured.establishmentFacts === facts,
      `the ${format} fetch kept ${measured.establishmentFacts} of ${facts} establishments`,
    );
    check(measured.unitRows === stock.unitRows, `the ${format} fetch read ${measured.unitRows} units`);
    check(measured.unitFacts === stock.supplierUnits, `the ${format} fetch kept ${measured.unitFacts} units`);
  }
  log('DECP sample: located share before and after a fetch (ancrage analyze, registry fetch, analyze)');
  const decp = await measureDecpLocated();
  check(
    Math.abs(decp.spend - decp.reportedSpend) < 1,
    `the DECP spend read ${decp.spend}, reported ${decp.reportedSpend}`,
  );
  check(
    decp.after >= decp.ceiling - 0.001,
    `located ${decp.after} after the fetch, below the ceiling ${decp.ceiling}`,
  );
  return { stock, parquet, csv, decp };
}
const fetched = options['no-registry-fetch'] ? undefined : await registryFetchRun();

/** One embedded stack: the suppliers' registry facts loaded, one payments file ingested, its report built twice. */
async function stackRun(file: GeneratedPayments) {
  const stack = await startEmulatorProcess();
  const pipeline = new LocalPipeline(stack);
  const counter = countDynamoDbRequests();
  try {
    log(`end to end: registry facts of the ${supplierCount} suppliers through the registry-load handler`);
    const facts = await measureRegistryEndToEnd(pipeline, counter, [units.path, supplierEstablishments.path]);
    log(`end to end: ${file.rows} payment lines through the ingest handler`);
    const ingest = await measureEndToEndIngest(pipeline, counter, file.path, () => stack.cpuMs());
    log(`report over ${file.rows} lines`);
    const report = await measureReport(pipeline, counter);
    return { facts, ingest, report, emulatorPeakRssMb: stack.peakRssMb() ?? 0 };
  } finally {
    counter.stop();
    pipeline.close();
    await stack.stop();
  }
}

const large = await stackRun(e2eFile);
const small = await stackRun(smallFile);
check(
  large.ingest.dataset.lines + large.ingest.dataset.rejectedLines === e2eFile.rows,
  `end to end counted ${large.ingest.dataset.lines}+${large.ingest.dataset.rejectedLines} of ${e2eFile.rows}`,
);
check(
  large.ingest.dataset.rejectedLines === e2eFile.unreadableLines,
  'end to end rejected another count of lines',
);
check(
  large.facts.rows === units.rows + supplierEstablishments.rows,
  `the registry-load handler read ${large.facts.rows} rows`,
);
// Both files pay the same 5 000 suppliers; a line whose SIRET is mistyped is counted under its
// supplier's name instead (never merged into the SIRET's), so the longer file names a few more.
check(large.report.suppliers >= small.report.suppliers, 'the longer file names fewer suppliers');

// The issue's comparison: the CLI as a user runs it, pandas and a papaparse roll-up over the same
// file, one after another, each with its whole process tree measured.
const analyze = await compareAnalyze(mainFile, { out, stagesBundle, phases: !options['analyze-plain'], log });
// Counts read from the CLI's summary, when its wording still gives them.
const { linesCounted, linesRejected } = analyze.analyze;
if (linesCounted !== undefined) {
  check(
    linesCounted === analyze.rollup.amounts,
    `analyze counted ${linesCounted} lines, the roll-up read ${analyze.rollup.amounts} amounts`,
  );
}
if (linesRejected !== undefined) {
  check(
    linesRejected === mainFile.unreadableLines,
    `analyze rejected ${linesRejected} of ${mainFile.unreadableLines} lines`,
  );
}

log('bundles and cold init');
// Five cold starts each (median) in a full run; two in a quick one, where only the plumbing is checked.
const bundles = await measureBundles(join(out, 'bundles'), rows >= 100_000 ? 5 : 2);

// ---------------------------------------------------------------------------------------------------
// Figures

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

const loadAverageEnd = loadavg()[0] ?? 0;
const papaparseRowsPerSec = perSecond(rows, papaparse.ms);
const ingestCoreRowsPerSec = perSecond(rows, core.ms);
const coreVsPapaparse = round3(ingestCoreRowsPerSec / papaparseRowsPerSec);
const e2eDataset = large.ingest.dataset;
const writes = large.ingest.requests.writes;
const writeBudget =
  Math.ceil(e2eDataset.lines / TARGETS.linesPerWrite) +
  Math.ceil(e2eDataset.suppliers / TARGETS.linesPerWrite) +
  TARGETS.fixedWrites;
const reportRatio = round3(large.report.ms / small.report.ms);
const bundleKb = Object.fromEntries(bundles.map((bundle) => [bundle.name, round1(bundle.bytes / 1024)]));
const coldInitMs = Object.fromEntries(bundles.map((bundle) => [bundle.name, Math.round(bundle.coldInitMs)]));

const targets = {
  coreVsPapaparse: coreVsPapaparse >= TARGETS.coreVsPapaparse,
  peakRss: coreBounded.peakRssMb < TARGETS.peakRssMb,
  ddbWrites: writes <= writeBudget,
  reportReadsBySuppliers: large.report.requests.reads <= small.report.requests.reads * 1.1 + 5,
  reportRatio: reportRatio <= TARGETS.reportRatio,
  bundles: bundles.every((bundle) => bundle.bytes / 1024 < TARGETS.bundleKb),
  analyzePeakRss: analyze.analyze.command.peakTreeRssMb < ANALYZE_PEAK_RSS_TARGET_MB,
  ...(fetched ? { registryFetchPeakRss: fetched.parquet.peakRssMb < TARGETS.registryFetchPeakRssMb } : {}),
};

const registryFetch = fetched && {
  rows: fetched.stock.rows,
  rowGroupRows: fetched.stock.rowGroupRows,
  parquetMb: round1(fetched.stock.bytes / 1024 / 1024),
  parquetSeconds: round1(fetched.parquet.establishmentMs / 1000),
  parquetRowsPerSec: perSecond(fetched.parquet.establishmentRows, fetched.parquet.establishmentMs),
  csvRows: fetched.stock.csvRows,
  csvMb: round1(fetched.stock.csvBytes / 1024 / 1024),
  csvSeconds: round1(fetched.csv.establishmentMs / 1000),
  csvRowsPerSec: perSecond(fetched.csv.establishmentRows, fetched.csv.establishmentMs),
  unitRows: fetched.stock.unitRows,
  unitRowsPerSec: perSecond(fetched.parquet.unitRows, fetched.parquet.unitMs),
  /** Both files, start to end, as the command takes them. */
  seconds: round1(fetched.parquet.ms / 1000),
  peakRssMb: round1(fetched.parquet.peakRssMb),
  csvPeakRssMb: round1(fetched.csv.peakRssMb),
  factsKept: fetched.parquet.establishmentFacts,
  unitFactsKept: fetched.parquet.unitFacts,
  wantedSirets: fetched.parquet.wantedSirets,
  communesCounted: fetched.parquet.communesCounted,
  localEstablishments: fetched.parquet.localEstablishments,
  writeRequests: fetched.parquet.writeRequests,
  generatedSeconds: round1(fetched.stock.ms / 1000),
};
const decpLocatedShare = fetched && {
  before: fetched.decp.before,
  after: fetched.decp.after,
  // To the millionth, as the report gives `knownLocalityShare`.
  ceiling: Math.round(fetched.decp.ceiling * 1e6) / 1e6,
  contracts: fetched.decp.contracts,
  validSirets: fetched.decp.validSirets,
};

const result = {
  machine: `${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.versions.node}, ${process.platform}`,
  loadAverageStart: round1(loadAverageStart),
  loadAverageEnd: round1(loadAverageEnd),
  rows,
  fileMb: round1(mainFile.bytes / 1024 / 1024),
  badLines: mainFile.badLines,
  unreadableLines: mainFile.unreadableLines,
  acceptedLines: core.accepted,
  rejectedLines: core.rejected,
  suppliers: core.suppliers,
  papaparseRowsPerSec,
  papaparseDuplexRowsPerSec: perSecond(rows, duplex.ms),
  ingestCoreRowsPerSec,
  ingestCoreUtf8RowsPerSec: perSecond(rows, coreUtf8.ms),
  coreVsPapaparse,
  papaparseMs: Math.round(papaparse.ms),
  ingestCoreMs: Math.round(core.ms),
  /** Reading, hashing and decoding alone, which bare papaparse's figure does not include. */
  decodeMs: Math.round(decode.ms),
  coreVsPapaparseDuplex: round3(ingestCoreRowsPerSec / perSecond(rows, duplex.ms)),
  /** papaparse over the same decoded text as the core: the ceiling when both pay for decoding. */
  papaparseDecodedRowsPerSec: perSecond(rows, decodedPapaparse.ms),
  coreVsPapaparseDecoded: round3(ingestCoreRowsPerSec / perSecond(rows, decodedPapaparse.ms)),
  /** The same ratio in CPU time, less sensitive to busy neighbours than the wall clock. */
  coreVsPapaparseCpu: round3(papaparse.cpuMs / core.cpuMs),
  peakRssMb: round1(coreBounded.peakRssMb),
  peakRssUnboundedMb: round1(core.peakRssMb),
  baselineRssMb: round1(baseline.peakRssMb),
  e2eRows,
  e2eMs: Math.round(large.ingest.ms),
  e2eLinesPerSec: perSecond(e2eRows, large.ingest.ms),
  e2eHandlerCpuMs: Math.round(large.ingest.handlerCpuMs),
  e2eEmulatorCpuMs: Math.round(large.ingest.emulatorCpuMs),
  e2eEmulatorPeakRssMb: round1(large.emulatorPeakRssMb),
  ddbRequests: large.ingest.requests.total,
  ddbWriteRequests: writes,
  ddbWriteBudget: writeBudget,
  ddbRequestsPer1000Lines: round3((large.ingest.requests.total / e2eRows) * 1000),
  ddbRequestsByOperation: large.ingest.requests.byOperation,
  reportRowsSmall: smallRows,
  reportRowsLarge: e2eRows,
  reportSuppliers: large.report.suppliers,
  reportSuppliers10k: small.report.suppliers,
  reportMs10k: Math.round(small.report.ms),
  reportMs1M: Math.round(large.report.ms),
  reportFirstMs10k: Math.round(small.report.firstMs),
  reportFirstMs1M: Math.round(large.report.firstMs),
  reportRatio,
  reportCpuMs10k: Math.round(small.report.cpuMs),
  reportCpuMs1M: Math.round(large.report.cpuMs),
  reportReads10k: small.report.requests.reads,
  reportReads1M: large.report.requests.reads,
  registryRows: registry.rows,
  registryRowsPerSec: perSecond(registry.rows, registry.ms),
  registryPeakRssMb: round1(registry.peakRssMb),
  registryWriteRequests: registry.writeRequests,
  registryE2eRows: large.facts.rows,
  registryE2eRowsPerSec: perSecond(large.facts.rows, large.facts.ms),
  registryE2eWriteRequests: large.facts.requests.writes,
  bundleKb,
  coldInitMs,
  ...analyzeFigures(analyze, core.ms),
  registryFetch: registryFetch ?? null,
  decpLocatedShare: decpLocatedShare ?? null,
  targets,
  ...(profileTop.length > 0 ? { profile: profileTop } : {}),
};

// ---------------------------------------------------------------------------------------------------
// Table

const number = (value: number) => Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
const verdict = (held: boolean) => (held ? 'met' : 'MISSED');
const table: (readonly [string, string, string, string])[] = [
  ['stage', 'figure', 'target', ''],
  [
    'machine',
    `${result.machine}; load average ${result.loadAverageStart} → ${result.loadAverageEnd}`,
    '',
    '',
  ],
  [
    'files',
    `${number(rows)} lines, ${result.fileMb} MB (Windows-1252), ${number(result.badLines)} bad, ${number(result.suppliers)} suppliers`,
    '',
    '',
  ],
  [
    'papaparse alone',
    `${number(papaparseRowsPerSec)} rows/s (chunk); ${number(result.papaparseDuplexRowsPerSec)} rows/s (duplex stream); ${number(result.papaparseDecodedRowsPerSec)} rows/s (chunk, over the core's decoding)`,
    'ceiling',
    '',
  ],
  [
    'ingest core',
    `${number(ingestCoreRowsPerSec)} rows/s (Windows-1252); ${number(result.ingestCoreUtf8RowsPerSec)} rows/s (UTF-8)`,
    '',
    '',
  ],
  [
    'decoding alone',
    `${number(result.decodeMs)} ms: read, SHA-256, Windows-1252, newlines (papaparse ${number(result.papaparseMs)} ms, core ${number(result.ingestCoreMs)} ms)`,
    '',
    '',
  ],
  [
    'core / papaparse',
    `${coreVsPapaparse} (in CPU time: ${result.coreVsPapaparseCpu}; vs duplex: ${result.coreVsPapaparseDuplex}; vs papaparse over the same decoding: ${result.coreVsPapaparseDecoded})`,
    '≥ 0.667',
    verdict(targets.coreVsPapaparse),
  ],
  [
    'ingest peak RSS',
    `${result.peakRssMb} MB with --max-old-space-size=${BOUNDED_HEAP_MB} (${result.peakRssUnboundedMb} MB unbounded; bare node ${result.baselineRssMb} MB)`,
    '< 256 MB',
    verdict(targets.peakRss),
  ],
  [
    'end to end ingest',
    `${number(result.e2eLinesPerSec)} lines/s over ${number(e2eRows)} lines${e2eRows < rows ? ' (capped: dynalite)' : ''}; CPU handler ${number(result.e2eHandlerCpuMs)} ms, emulators ${number(result.e2eEmulatorCpuMs)} ms`,
    '',
    '',
  ],
  [
    'DynamoDB writes',
    `${number(writes)} requests (${result.ddbRequestsPer1000Lines} per 1 000 lines, all requests); budget ${number(writeBudget)}`,
    'lines/25 + suppliers/25',
    verdict(targets.ddbWrites),
  ],
  [
    'report build',
    `${number(result.reportMs10k)} ms at ${number(smallRows)} lines, ${number(result.reportMs1M)} ms at ${number(e2eRows)} lines: ×${reportRatio} (handler CPU ${number(result.reportCpuMs10k)} / ${number(result.reportCpuMs1M)} ms)`,
    '≤ ×2',
    verdict(targets.reportRatio),
  ],
  [
    'report reads',
    `${number(result.reportReads10k)} vs ${number(result.reportReads1M)} requests for ${number(result.reportSuppliers10k)} vs ${number(result.reportSuppliers)} suppliers`,
    'O(suppliers)',
    verdict(targets.reportReadsBySuppliers),
  ],
  [
    'registry load',
    `${number(result.registryRowsPerSec)} rows/s over ${number(registry.rows)} rows, peak RSS ${result.registryPeakRssMb} MB, ${number(registry.writeRequests)} writes; end to end ${number(result.registryE2eRowsPerSec)} rows/s`,
    '< 256 MB',
    verdict(registry.peakRssMb < TARGETS.peakRssMb),
  ],
  ...(registryFetch
    ? ([
        [
          'registry fetch',
          `Parquet ${number(registryFetch.parquetRowsPerSec)} rows/s over ${number(registryFetch.rows)} rows (${registryFetch.parquetSeconds} s, ${registryFetch.parquetMb} MB); CSV ${number(registryFetch.csvRowsPerSec)} rows/s over ${number(registryFetch.csvRows)} rows (${registryFetch.csvSeconds} s); units ${number(registryFetch.unitRowsPerSec)} rows/s over ${number(registryFetch.unitRows)}; peak RSS ${registryFetch.peakRssMb} MB (CSV ${registryFetch.csvPeakRssMb} MB); ${number(registryFetch.factsKept)} + ${number(registryFetch.unitFactsKept)} facts kept, ${number(registryFetch.localEstablishments)} local establishments in ${registryFetch.communesCounted} communes`,
          '< 512 MB',
          verdict(targets.registryFetchPeakRss ?? false),
        ],
        [
          'DECP located share',
          `${decpLocatedShare?.before} before a fetch, ${decpLocatedShare?.after} after (valid SIRETs: ${decpLocatedShare?.ceiling} of the spend; ${decpLocatedShare?.validSirets} SIRETs, ${decpLocatedShare?.contracts} contracts)`,
          '',
          '',
        ],
      ] as const)
    : []),
  ...analyzeTableRows(analyze, core.ms),
  ...bundles.map(
    (bundle) =>
      [
        `bundle ${bundle.name}`,
        `${result.bundleKb[bundle.name]} KB, cold init ${number(bundle.coldInitMs)} ms; largest: ${bundle.largest.map((part) => `${part.source} ${number(part.bytes / 1024)} KB`).join(', ')}`,
        '< 1 536 KB',
        verdict(bundle.bytes / 1024 < TARGETS.bundleKb),
      ] as const,
  ),
];
const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => row[column]?.length ?? 0)));
for (const row of table) {
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
if (profileTop.length > 0) {
  console.log('\ningest core profile (self %, total %):');
  for (const entry of profileTop)
    console.log(`  ${entry.selfPercent}%  ${entry.totalPercent}%  ${entry.name}`);
}
if (options.json) console.log(JSON.stringify(result));
