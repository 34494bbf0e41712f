import { vi } from 'vitest';

/** One embedded-metric-format blob, as CloudWatch reads it from a log line. */
export interface EmfBlob {
  readonly _aws: {
    readonly Timestamp: number;
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string; readonly Unit: string }[];
    }[];
  };
  readonly [key: string]: unknown;
}

export interface PowertoolsOutput<T> {
  readonly result: T;
  /** The structured log lines (Powertools Logger), in order. */
  readonly logs: readonly Record<string, unknown>[];
  readonly emf: readonly EmfBlob[];
}

export const TEST_NAMESPACE = 'Ancrage/test';

/**
 * Runs `run` with Powertools switched on as the deployed stack switches it on (metrics published,
 * INFO logs, a namespace), on modules imported afresh — the instances read their settings when
 * created — and returns what it wrote to stdout and stderr, parsed: what CloudWatch would receive.
 * `run` must import the handler itself (`await import(...)`) to get the fresh modules.
 */
export async function withPowertoolsOutput<T>(run: () => Promise<T>): Promise<PowertoolsOutput<T>> {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', TEST_NAMESPACE);
  // What Lambda sets for an environment it started on demand: Powertools tells cold starts by it.
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.resetModules();
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  let result: T;
  try {
    result = await run();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    vi.unstubAllEnvs();
    vi.resetModules();
  }
  const objects = written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    result,
    logs: objects.filter((object) => !('_aws' in object)),
    emf: objects.filter((object): object is EmfBlob => '_aws' in object),
  };
}

/** Every value a metric took across the blobs (a blob holds one value or an array of them). */
export function metricValues(emf: readonly EmfBlob[], name: string, dimensions: Record<string, string> = {}) {
  const values: number[] = [];
  for (const blob of emf) {
    const declared = blob._aws.CloudWatchMetrics.some((set) =>
      set.Metrics.some((metric) => metric.Name === name),
    );
    if (!declared) continue;
    if (!Object.entries(dimensions).every(([key, value]) => blob[key] === value)) continue;
    const value = blob[name];
    values.push(...(Array.isArray(value) ? value : [value]).map(Number));
  }
  return values;
}

export const metricSum = (emf: readonly EmfBlob[], name: string, dimensions: Record<string, string> = {}) =>
  metricValues(emf, name, dimensions).reduce((sum, value) => sum + value, 0);
