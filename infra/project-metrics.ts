import type { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric, type MetricOptions } from 'aws-cdk-lib/aws-cloudwatch';
import { METRIC_DIMENSIONS, type METRICS, metricNamespace } from '../shared/contracts/metrics.ts';
import type { FUNCTION_ACCESS } from './access.ts';

/** A function by its folder under functions/: the `service` dimension of everything it emits. */
export type Service = keyof typeof FUNCTION_ACCESS;
export type MetricName = (typeof METRICS)[keyof typeof METRICS];

/** Powertools' own metric, one datapoint per cold start, with the dimensions `service` and `function_name`. */
export const COLD_START = { metricName: 'ColdStart', functionDimension: 'function_name' } as const;

/**
 * A metric of shared/contracts/metrics.ts as one function emits it: the stage's namespace and the
 * function's `service` are the whole dimension set, so the alarm or graph reads exactly that series.
 * Summed unless told otherwise: most are counts.
 */
export function projectMetric(
  stage: string,
  service: Service,
  metricName: MetricName,
  options: MetricOptions = {},
): Metric {
  return new Metric({
    namespace: metricNamespace(stage),
    metricName,
    dimensionsMap: { [METRIC_DIMENSIONS.service]: service },
    statistic: 'Sum',
    ...options,
  });
}

export interface SearchOptions {
  /** The dimensions besides `service` the series carry, e.g. `flag`. */
  readonly dimensions: readonly string[];
  /** Which dimension's value names each series on the graph. */
  readonly labelBy: string;
  readonly statistic: string;
  readonly period: Duration;
}

/**
 * Every series of a metric whose extra dimension takes values unknown at deploy time (a flag, a
 * route, a generated function name): a SEARCH expression finds whichever exist. Dashboards only: an
 * alarm cannot watch a search. The namespace is quoted, a stage may hold a hyphen.
 */
export function projectSearch(stage: string, metricName: string, options: SearchOptions): MathExpression {
  const schema = [`"${metricNamespace(stage)}"`, METRIC_DIMENSIONS.service, ...options.dimensions].join(',');
  return new MathExpression({
    expression: `SEARCH('{${schema}} MetricName="${metricName}"', '${options.statistic}', ${options.period.toSeconds()})`,
    usingMetrics: {},
    period: options.period,
    label: `\${PROP('Dim.${options.labelBy}')}`,
  });
}
