import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tracingEnabled } from '../../../shared/runtime/observability/observability.ts';

/**
 * The X-Ray SDK installs a process-wide async hook as it loads (its `AWSXRay` namespace), which
 * slows every promise whether it records or not: it must load only where tracing is on.
 */

describe('tracingEnabled', () => {
  it.each([
    [{}, false],
    [{ POWERTOOLS_TRACE_ENABLED: 'true' }, false],
    [{ AWS_LAMBDA_FUNCTION_NAME: 'ingest' }, true],
    [{ AWS_LAMBDA_FUNCTION_NAME: 'ingest', POWERTOOLS_TRACE_ENABLED: 'true' }, true],
    [{ AWS_LAMBDA_FUNCTION_NAME: 'ingest', POWERTOOLS_TRACE_ENABLED: 'false' }, false],
    [{ AWS_LAMBDA_FUNCTION_NAME: 'ingest', POWERTOOLS_TRACE_ENABLED: 'FALSE' }, false],
  ])('%j traces: %s', (env, expected) => {
    expect(tracingEnabled(env)).toBe(expected);
  });
});

/** What a fresh process that loads the observability module has: a tracer, the X-Ray namespace. */
function loadedIn(env: Record<string, string>): { tracer: boolean; xRayHook: boolean } {
  const script = `
    const { tracer } = await import('./shared/runtime/observability/observability.ts');
    console.log(JSON.stringify({ tracer: tracer !== undefined, xRayHook: 'AWSXRay' in (process.namespaces ?? {}) }));`;
  const { AWS_LAMBDA_FUNCTION_NAME, POWERTOOLS_TRACE_ENABLED, ...inherited } = process.env;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...inherited, ...env },
    encoding: 'utf-8',
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
}

describe('the tracer', () => {
  it('is not loaded outside Lambda: the CLI, serve and the tests run without the hook', () => {
    expect(loadedIn({})).toEqual({ tracer: false, xRayHook: false });
  });

  it('is not loaded in a Lambda function whose deployment turned tracing off', () => {
    expect(loadedIn({ AWS_LAMBDA_FUNCTION_NAME: 'ingest', POWERTOOLS_TRACE_ENABLED: 'false' })).toEqual({
      tracer: false,
      xRayHook: false,
    });
  });

  it('is loaded in a Lambda function that traces', () => {
    expect(loadedIn({ AWS_LAMBDA_FUNCTION_NAME: 'ingest', POWERTOOLS_TRACE_ENABLED: 'true' })).toEqual({
      tracer: true,
      xRayHook: true,
    });
  });
});
