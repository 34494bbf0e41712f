import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC_DIMENSIONS, METRICS } from '../../contracts/metrics.ts';
import { PORTAL_API_ROUTES, PUBLIC_SURVEY_ROUTES, routeKeyOf } from '../../contracts/portal-api.ts';

const ROUTE_KEYS = new Set([...PORTAL_API_ROUTES, ...PUBLIC_SURVEY_ROUTES].map(routeKeyOf));

/**
 * An error answer, counted by route (API Gateway counts them per API only). Successes are not: the
 * API's own `Count` has them, and a metric per route and status would cost for nothing.
 */
export function recordApiResponse(metrics: Metrics, routeKey: string, statusCode: number | undefined): void {
  const status = statusCode ?? 200;
  const name = status >= 500 ? METRICS.apiResponses5xx : status >= 400 ? METRICS.apiResponses4xx : undefined;
  if (!name) return;
  const single = metrics.singleMetric();
  // Each dimension value is a metric billed monthly: anything but the API's own routes is one.
  single.addDimension(METRIC_DIMENSIONS.route, ROUTE_KEYS.has(routeKey) ? routeKey : 'other');
  single.addMetric(name, MetricUnit.Count, 1);
}

/** What the survey's public form did: an answer stored or withdrawn, counted once each. */
export function recordSurveyEvent(metrics: Metrics, done: 'answered' | 'withdrawn' | undefined): void {
  if (!done) return;
  metrics.addMetric(
    done === 'answered' ? METRICS.surveyAnswers : METRICS.surveyWithdrawals,
    MetricUnit.Count,
    1,
  );
}
