import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS } from '../../contracts/metrics.ts';
import type { ReportDependencies } from '../../use-cases/publish-report.ts';

/**
 * The report use case's hooks, told to the operators: each report published (its time and reads),
 * each one its data cannot make (an error line and a count an alarm watches; status.json says why).
 */
export function reportObservers(
  logger: Logger,
  metrics: Metrics,
): Pick<ReportDependencies, 'onBuilt' | 'onBuildFailure'> {
  return {
    onBuilt: ({ report, durationMs, reads }) => {
      metrics.addMetric(METRICS.reportsBuilt, MetricUnit.Count, 1);
      metrics.addMetric(METRICS.reportBuildDuration, MetricUnit.Milliseconds, durationMs);
      metrics.addMetric(METRICS.reportReads, MetricUnit.Count, reads);
      logger.info('report published', { report, durationMs: Math.round(durationMs), reads });
    },
    onBuildFailure: ({ report, code, reason }) => {
      metrics.addMetric(METRICS.reportsNotBuilt, MetricUnit.Count, 1);
      logger.error('report not built', { report, code, reason });
    },
  };
}
