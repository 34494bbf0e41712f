import type { RebuildAccepted, ReportEntry } from '../../../shared/contracts/portal-api.ts';
import type { Messages } from '../i18n/messages.ts';

/**
 * Where a requested rebuild stands, read from the report list: `pending` until every report asked
 * for has a build at or after the request; then `failed` if one of them failed, else `rebuilt` or
 * `unchanged` (reports are deterministic: rebuilt from the same data they are the same report).
 */
export type RebuildOutcome = 'pending' | 'failed' | 'rebuilt' | 'unchanged';

/** What a reader sees of a report: a rebuild that leaves it the same changed nothing. */
const figures = (reports: readonly ReportEntry[]) =>
  JSON.stringify(
    reports
      .filter((report) => report.publishedAt !== null)
      .map((report) => [report.id, report.localShare, report.knownLocalityShare, report.period]),
  );

export function rebuildOutcome(
  accepted: RebuildAccepted,
  before: readonly ReportEntry[],
  after: readonly ReportEntry[],
): RebuildOutcome {
  const built = after.filter(
    (report) => report.lastBuild !== null && report.lastBuild.at >= accepted.requestedAt,
  );
  const done = accepted.requested.every((asked) =>
    built.some((report) => report.kind === asked.kind && report.scope.type === asked.scope),
  );
  if (!done) return 'pending';
  if (built.some((report) => report.lastBuild?.ok === false)) return 'failed';
  return figures(before) === figures(after) ? 'unchanged' : 'rebuilt';
}

/** "The last rebuild failed: …" in the reader's language, for a report whose latest build failed. */
export function lastBuildFailure(report: ReportEntry, t: Messages['reports']): string | undefined {
  const build = report.lastBuild;
  if (!build || build.ok) return undefined;
  const reason = build.failure ? t.failures[build.failure] : build.reason;
  return reason ? t.lastBuildFailed(reason) : undefined;
}
