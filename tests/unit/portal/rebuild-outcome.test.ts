import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../portal/src/i18n/language.ts';
import { lastBuildFailure, rebuildOutcome } from '../../../portal/src/pages/rebuild-outcome.ts';
import type { RebuildAccepted, ReportBuild, ReportEntry } from '../../../shared/contracts/portal-api.ts';

const REQUESTED_AT = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-01T10:00:05.000Z';
const EARLIER = '2026-02-28T09:00:00.000Z';

const build = (at: string, failed = false): ReportBuild =>
  failed
    ? {
        ok: false,
        at,
        failure: 'several-currencies',
        reason: 'the datasets are in several currencies (EUR, GBP)',
      }
    : { ok: true, at, failure: null, reason: null };

function report(
  scope: 'consortium' | 'anchor',
  lastBuild: ReportBuild | null,
  localShare = 0.4,
): ReportEntry {
  return {
    id: `t/${scope === 'consortium' ? 'consortium' : 'anchor-a'}/payments/fr/`,
    territoryId: 't',
    territoryName: 'Territoire',
    scope:
      scope === 'consortium' ? { type: 'consortium' } : { type: 'anchor', anchorId: 'a', anchorName: null },
    kind: 'payments',
    language: 'fr',
    period: { from: '2025-01-01', to: '2025-12-31' },
    publishedAt: EARLIER,
    localShare,
    knownLocalityShare: 0.9,
    url: '/reports/x/report.html',
    lastBuild,
  };
}

const accepted: RebuildAccepted = {
  requested: [
    { kind: 'payments', scope: 'anchor' },
    { kind: 'payments', scope: 'consortium' },
  ],
  requestedAt: REQUESTED_AT,
};
const before = [report('anchor', build(EARLIER)), report('consortium', build(EARLIER))];

describe('where a requested rebuild stands, read from the report list', () => {
  it.each([
    [
      'pending while a report asked for has no build since the request',
      [report('anchor', build(LATER))],
      'pending',
    ],
    ['pending while the list still shows older builds only', before, 'pending'],
    [
      'failed when one of the builds failed',
      [report('anchor', build(LATER, true)), report('consortium', build(LATER))],
      'failed',
    ],
    [
      'unchanged when every build succeeded with the same figures',
      [report('anchor', build(LATER)), report('consortium', build(LATER))],
      'unchanged',
    ],
    [
      'rebuilt when a figure moved',
      [report('anchor', build(LATER), 0.5), report('consortium', build(LATER))],
      'rebuilt',
    ],
  ] as const)('%s', (_label, after, expected) => {
    expect(rebuildOutcome(accepted, before, after)).toBe(expected);
  });

  it('never says a rebuild is done on clicking: the message says it was requested', () => {
    expect(MESSAGES.fr.reports.requested).toBe('Reconstruction demandée…');
    expect(MESSAGES.en.reports.requested).toBe('Rebuild requested…');
  });
});

describe('a report whose last build failed', () => {
  it('says so in the reader’s language, with the reason worded for it', () => {
    const failed = report('anchor', build(LATER, true));
    expect(lastBuildFailure(failed, MESSAGES.fr.reports)).toBe(
      'La dernière reconstruction a échoué\u00a0: les fichiers comptés sont en plusieurs devises, et un rapport n’additionne qu’une devise',
    );
    expect(lastBuildFailure(failed, MESSAGES.en.reports)).toBe(
      'The last rebuild failed: the counted files are in several currencies, and a report adds one currency only',
    );
  });

  it('shows the API’s own reason for a failure it has no words for', () => {
    const failed = report('anchor', { ok: false, at: LATER, failure: null, reason: 'something new' });
    expect(lastBuildFailure(failed, MESSAGES.en.reports)).toBe('The last rebuild failed: something new');
  });

  it.each([
    ['succeeded', build(LATER)],
    ['was built before outcomes were recorded', null],
  ])('says nothing for a report whose last build %s', (_label, lastBuild) => {
    expect(lastBuildFailure(report('anchor', lastBuild), MESSAGES.fr.reports)).toBeUndefined();
  });
});
