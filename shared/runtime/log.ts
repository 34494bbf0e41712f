import { LOG_EVENTS } from '../contracts/log-events.ts';

/**
 * One JSON line per event for CloudWatch. Outside Lambda (the CLI drives the same handlers in
 * process) information lines stay quiet: the CLI prints its own summary.
 */
export function logInfo(fields: Record<string, unknown>): void {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) console.log(JSON.stringify({ level: 'INFO', ...fields }));
}

/**
 * A report that could not be built: one JSON line, counted by a metric filter whose alarm tells the
 * operators (infra/stacks/app-stack.ts). Quiet outside Lambda, where the CLI says it itself.
 */
export function logReportNotBuilt(fields: { report: string; code: string; reason: string }): void {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME)
    console.error(JSON.stringify({ level: 'ERROR', event: LOG_EVENTS.reportNotBuilt, ...fields }));
}
