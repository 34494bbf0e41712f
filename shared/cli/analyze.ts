import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DatasetRecord } from '../domain/dataset.ts';
import type { LookupRun } from '../domain/registry/registry-status.ts';
import type { Report } from '../domain/report/report-schema.ts';
import { startEmbeddedStack } from '../local/embedded-stack.ts';
import { LocalPipeline } from '../local/local-pipeline.ts';
import type { FactsOutcome } from '../use-cases/load-facts.ts';
import type { AnalyzeArgs } from './analyze-args.ts';
import { RunError, UsageError } from './cli-error.ts';
import { showIngestProgress } from './progress-line.ts';

export type LoadedFacts = { readonly name: string } & Extract<FactsOutcome, { loaded: true }>;

export interface AnalyzeResult {
  readonly facts: readonly LoadedFacts[];
  readonly report: Report;
  readonly datasets: readonly DatasetRecord[];
  readonly files: readonly string[];
  readonly outDir: string;
  /** The company-search lookups made before the report; undefined when they are off. */
  readonly lookups?: LookupRun | undefined;
}

/** One refusal line for files of different kinds: a report never adds payments to contracts. */
function checkOneKind(datasets: readonly DatasetRecord[]): void {
  const kinds = new Set(datasets.map((dataset) => dataset.kind));
  if (kinds.size <= 1) return;
  const list = datasets.map((dataset) => `${dataset.fileName} (${dataset.kind})`).join(', ');
  throw new UsageError(
    `these files mix payments and contracts: ${list}. One report covers one kind: run analyze once per kind`,
  );
}

/** Uploads each file as a dataset, ingests it through the ingest handler, builds one report. */
export async function analyze(args: AnalyzeArgs): Promise<AnalyzeResult> {
  const stack = await startEmbeddedStack({
    territoryId: args.territory.id,
    stateDirectory: args.stateDirectory,
  });
  const pipeline = new LocalPipeline(stack);
  try {
    if (args.customTerritory) await pipeline.putTerritory(args.territory);
    if (args.mapping) await pipeline.putMappingProfile(args.anchorId, args.mapping);
    const loaded: LoadedFacts[] = [];
    const facts = [
      ...(args.registries ?? []).map((file) => ({ file, directoryOf: undefined })),
      ...(args.directories ?? []).map((file) => ({ file, directoryOf: args.anchorId })),
    ];
    for (const { file, directoryOf } of facts) {
      const stopProgress = showIngestProgress(basename(file));
      const [outcome] = await pipeline.loadFacts(file, directoryOf).finally(stopProgress);
      if (!outcome?.loaded)
        throw new RunError(`${basename(file)} could not be loaded: ${outcome?.reason ?? 'no outcome'}`);
      loaded.push({ ...outcome, name: basename(file) });
    }
    const datasets: DatasetRecord[] = [];
    await mkdir(join(args.outDir, 'rejects'), { recursive: true });
    for (const [order, file] of args.files.entries()) {
      const location = await pipeline.upload({
        path: file,
        order,
        anchorId: args.anchorId,
        kind: args.kind ?? args.mapping?.kind,
        mappingProfileId: args.mapping?.id,
      });
      const stopProgress = showIngestProgress(basename(file));
      const outcomes = await pipeline.ingest(location).finally(stopProgress);
      for (const { dataset } of outcomes) {
        if (dataset.rejectsKey) {
          const rejects = await pipeline.readObject(stack.buckets.uploads, dataset.rejectsKey);
          await writeFile(join(args.outDir, 'rejects', `${basename(file)}.rejects.csv`), rejects);
        }
        // Read, not counted: its spend is all in another file given (the quarter's export of a
        // month's: SUPERSEDED), or it is the same bytes as one (a duplicate).
        const readNotCounted = dataset.status === 'SUPERSEDED' || dataset.duplicateOf !== undefined;
        if (dataset.status !== 'INGESTED' && !readNotCounted) {
          throw new RunError(`${basename(file)} was rejected: ${dataset.message ?? dataset.status}`);
        }
        datasets.push(dataset);
      }
    }
    // As they stand at the end: a later file may have superseded an earlier one.
    const settled = await Promise.all(
      datasets.map(async (dataset) => (await pipeline.dataset(dataset.id)) ?? dataset),
    );
    checkOneKind(settled);
    const kind = settled[0]?.kind;
    if (!kind) throw new RunError('no dataset was ingested');
    const lookups = await pipeline.lookUpSuppliers();
    const outcome = await pipeline.report({ territoryId: args.territory.id, kind, language: args.language });
    if (!outcome.published) throw new RunError(`the report could not be built: ${outcome.reason}`);
    const files = await pipeline.download(outcome.prefix, args.outDir);
    return { report: outcome.report, datasets: settled, files, outDir: args.outDir, facts: loaded, lookups };
  } finally {
    pipeline.close();
    await stack.stop();
  }
}
