import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS } from '../../contracts/metrics.ts';
import type { Observability } from '../observability/observability.ts';

/**
 * An event the function cannot act on, whatever it retries: one error line saying why, one count
 * (alarmed on), and no retry.
 */
export function refuseEvent(
  observed: Observability,
  reason: string,
  keys: Readonly<Record<string, string>> = {},
): void {
  observed.logger.error('event refused', { reason, ...keys });
  observed.metrics.addMetric(METRICS.eventsRefused, MetricUnit.Count, 1);
}
