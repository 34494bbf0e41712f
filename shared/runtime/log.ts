/**
 * One JSON line per event for CloudWatch. Outside Lambda (the CLI drives the same handlers in
 * process) information lines stay quiet: the CLI prints its own summary.
 */
export function logInfo(fields: Record<string, unknown>): void {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) console.log(JSON.stringify({ level: 'INFO', ...fields }));
}
