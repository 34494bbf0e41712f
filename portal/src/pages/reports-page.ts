import type { ReportEntry } from '../../../shared/contracts/portal-api.ts';
import type { Page, PortalContext } from '../context.ts';
import { h, preservingFocus, replace, table } from '../dom.ts';
import { formatDate, formatShare } from '../i18n/format.ts';
import { lastBuildFailure, rebuildOutcome } from './rebuild-outcome.ts';

const REBUILD_POLL_MS = 1_000;
/** A minute: a rebuild waits behind the ones the latest uploads started, and a build takes seconds. */
const REBUILD_POLLS = 60;

/** The published reports of the consortium and the anchor, each opening its HTML; a rebuild button. */
export class ReportsPage implements Page {
  readonly element = h('div', { class: 'page reports-page' });
  private reports: readonly ReportEntry[] | undefined;
  private error: string | undefined;
  private rebuilding = false;
  private notice: string | undefined;
  private timer: number | undefined;

  constructor(private readonly context: PortalContext) {
    void this.load();
  }

  dispose(): void {
    window.clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    try {
      this.reports = (await this.context.api.reports()).reports;
      this.error = undefined;
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.render();
  }

  /**
   * Asks for a rebuild, says it was requested, then refreshes the list until every report asked for
   * says how its build ended (or a while has passed), and says that: failed, rebuilt or unchanged.
   */
  private async rebuild(): Promise<void> {
    const t = this.context.i18n.messages.reports;
    const before = this.reports ?? [];
    this.rebuilding = true;
    this.notice = t.requested;
    this.context.announce(t.requested);
    this.render();
    try {
      const accepted = await this.context.api.rebuildReports();
      let outcome = rebuildOutcome(accepted, before, before);
      for (let poll = 0; poll < REBUILD_POLLS && outcome === 'pending'; poll++) {
        await new Promise((resolve) => {
          this.timer = window.setTimeout(resolve, REBUILD_POLL_MS);
        });
        this.reports = (await this.context.api.reports()).reports;
        outcome = rebuildOutcome(accepted, before, this.reports);
      }
      this.notice = t[outcome];
      this.context.announce(this.notice);
    } catch (error) {
      this.error = (error as Error).message;
      this.notice = undefined;
    }
    this.rebuilding = false;
    this.render();
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.reports;
    const button = h(
      'button',
      { type: 'button', class: 'primary', disabled: this.rebuilding, 'data-testid': 'rebuild' },
      t.rebuild,
    );
    button.addEventListener('click', () => void this.rebuild());
    const reports = [...(this.reports ?? [])].sort(
      (a, b) =>
        a.scope.type.localeCompare(b.scope.type) ||
        a.kind.localeCompare(b.kind) ||
        a.language.localeCompare(b.language),
    );
    const period = (report: ReportEntry) =>
      report.period.from && report.period.to
        ? messages.status.periodRange(
            formatDate(report.period.from, language),
            formatDate(report.period.to, language),
          )
        : t.periodUnknown;
    const scope = (report: ReportEntry) =>
      report.scope.type === 'consortium'
        ? t.consortium
        : t.anchor(report.scope.anchorName ?? report.scope.anchorId);
    const share = (report: ReportEntry) =>
      report.localShare !== null
        ? formatShare(report.localShare, language)
        : report.knownLocalityShare !== null
          ? t.notMeasurable(formatShare(report.knownLocalityShare, language))
          : '';
    replace(
      this.element,
      h('h1', {}, t.heading),
      h('p', {}, t.intro),
      button,
      h('p', { role: 'status', 'data-testid': 'rebuild-status' }, this.notice ?? ''),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      this.reports &&
        (reports.length === 0
          ? h('p', {}, t.none)
          : table(
              `${t.heading} — ${reports.find((report) => report.territoryName)?.territoryName ?? reports[0]?.territoryId ?? ''}`,
              t.columns,
              reports.map((report) => [
                scope(report),
                messages.upload.kinds[report.kind],
                t.languages[report.language],
                period(report),
                h('span', { 'data-testid': 'local-share' }, share(report)),
                [
                  report.url === null
                    ? t.neverPublished
                    : h(
                        'a',
                        {
                          href: report.url,
                          target: '_blank',
                          rel: 'noopener',
                          'aria-label': t.openLabel(
                            scope(report),
                            messages.upload.kinds[report.kind],
                            t.languages[report.language],
                          ),
                        },
                        t.open,
                      ),
                  lastBuildFailure(report, t) &&
                    h('p', { class: 'error', 'data-testid': 'build-failure' }, lastBuildFailure(report, t)),
                ],
              ]),
              new Set([4]),
            )),
    );
  }
}
