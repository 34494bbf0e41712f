import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC_DIMENSIONS, METRICS } from '../../contracts/metrics.ts';
import type { IngestOutcome } from '../../use-cases/ingest-dataset.ts';

const DATASETS_ENDED = {
  ingested: METRICS.datasetsIngested,
  rejected: METRICS.datasetsRejected,
  failed: METRICS.datasetsFailed,
} as const;

/**
 * What one run of one file tells the operators: how the dataset ended (once, when it ends), its lines
 * and the money on the lines not counted, its flags (one datapoint per flag, each with its dimension),
 * and the run's speed. A run that paused at a checkpoint or found the file already done only counts
 * its time. `threw`: a technical error ended the run, the dataset is recorded FAILED until a retry.
 */
export function recordIngest(metrics: Metrics, outcome: IngestOutcome | 'threw', durationMs: number): void {
  metrics.addMetric(METRICS.ingestDuration, MetricUnit.Milliseconds, durationMs);
  if (outcome === 'threw') {
    metrics.addMetric(METRICS.datasetsFailed, MetricUnit.Count, 1);
    return;
  }
  if (outcome.outcome !== 'ingested' && outcome.outcome !== 'rejected' && outcome.outcome !== 'failed')
    return;
  const { dataset } = outcome;
  metrics.addMetric(DATASETS_ENDED[outcome.outcome], MetricUnit.Count, 1);
  if (outcome.outcome === 'ingested' && outcome.superseded > 0)
    metrics.addMetric(METRICS.datasetsSuperseded, MetricUnit.Count, outcome.superseded);
  metrics.addMetric(METRICS.linesAccepted, MetricUnit.Count, dataset.lines);
  metrics.addMetric(METRICS.linesRejected, MetricUnit.Count, dataset.rejectedLines);
  const reconciliation = dataset.reconciliation;
  if (reconciliation) {
    metrics.addMetric(METRICS.rejectedAmountCents, MetricUnit.Count, reconciliation.rejected.cents);
    for (const { flag, lines } of reconciliation.flags) {
      const single = metrics.singleMetric();
      single.addDimension(METRIC_DIMENSIONS.flag, flag);
      single.addMetric(METRICS.flaggedLines, MetricUnit.Count, lines);
    }
  }
  // A file read in one run: over several, each run re-reads what the one before wrote.
  const read = dataset.lines + dataset.rejectedLines;
  if ((dataset.runs ?? 1) === 1 && durationMs > 0 && read > 0)
    metrics.addMetric(METRICS.ingestLinesPerSecond, MetricUnit.CountPerSecond, (read * 1000) / durationMs);
}
