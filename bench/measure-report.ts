import type { LocalPipeline } from '../shared/local/local-pipeline.ts';
import type { DynamoDbRequestCounter, DynamoDbRequests } from './dynamodb-request-counter.ts';

export interface ReportBuild {
  /** First build in this stack: loads the geography tables the report needs, once per environment. */
  readonly firstMs: number;
  /** A second build, geography warm: what a report costs once the function is warm. */
  readonly ms: number;
  /** CPU the bench process (the handler) used during the second build: far below `ms` means waiting on requests. */
  readonly cpuMs: number;
  readonly requests: DynamoDbRequests;
  readonly suppliers: number;
  readonly lines: number;
}

/** Invokes the real report handler twice (consortium payments report) and counts its DynamoDB requests. */
export async function measureReport(
  pipeline: LocalPipeline,
  counter: DynamoDbRequestCounter,
): Promise<ReportBuild> {
  const build = async () => {
    counter.take();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await pipeline.report({ kind: 'payments' });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (!outcome.published) throw new Error(`the report was not published: ${outcome.reason}`);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, requests: counter.take(), report: outcome.report };
  };
  const first = await build();
  const second = await build();
  return {
    firstMs: first.ms,
    ms: second.ms,
    cpuMs: second.cpuMs,
    requests: second.requests,
    suppliers: second.report.totals.suppliers,
    lines: second.report.totals.lines,
  };
}
