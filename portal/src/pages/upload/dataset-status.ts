import type {
  DatasetDetail,
  DatasetStatus,
  DatasetSummary,
} from '../../../../shared/contracts/portal-api.ts';
import { formatName } from '../../../../shared/domain/formats/format-names.ts';
import { localiseReason } from '../../../../shared/domain/ingest/rejection-reasons.ts';
import type { PortalContext } from '../../context.ts';
import { h, replace, table } from '../../dom.ts';
import { formatCents, formatCount, formatDate } from '../../i18n/format.ts';
import { datasetHref } from '../dataset/dataset-route.ts';
import { columnReadingNote } from './column-reading-note.ts';
import { countedElsewhereNote, statusClass, statusName } from './counted-elsewhere.ts';
import { reconciliationFigures } from './reconciliation-figures.ts';
import { reconciliationView } from './reconciliation-view.ts';
import { parseRejectsCsv, rejectsCsvIn } from './rejects-csv.ts';
import { noRejectsNote, type RejectsOnPage, rejectsView } from './rejects-view.ts';
import { UnmatchedSuppliersView } from './unmatched-suppliers-view.ts';

const POLL_MS = 1_000;
const FINAL: ReadonlySet<DatasetStatus> = new Set(['INGESTED', 'REJECTED', 'FAILED', 'SUPERSEDED']);

/**
 * Which dataset to follow: a file just uploaded, known by its name until ingest lists it (ids seen
 * before the upload are not it), or a dataset already read by id (its own page).
 */
export type FollowedDataset =
  | { readonly fileName: string; readonly seenBefore: ReadonlySet<string> }
  | { readonly detail: DatasetDetail };

/**
 * Follows one dataset to a final status: polls it, then shows the counts, how its money ties out, the
 * rejects and the suppliers not matched — or, for a file read and not counted (a duplicate), which
 * file counts it. Every status change is announced.
 */
export class DatasetStatusView {
  readonly element = h('section', {
    class: 'status',
    'aria-labelledby': 'status-heading',
    'data-testid': 'status',
  });
  private dataset: DatasetSummary | undefined;
  private detail: DatasetDetail | undefined;
  /** `none`: the file was read through and every line counted. */
  private rejects: RejectsOnPage | 'none' | undefined;
  private unmatched: UnmatchedSuppliersView | undefined;
  /** File names of the datasets this one overlaps, by id. */
  private fileNames = new Map<string, string>();
  private error: string | undefined;
  private timer: number | undefined;
  private stopped = false;

  private readonly fileName: string;
  private readonly seenBefore: ReadonlySet<string>;
  /** Followed from the upload page: a link to the dataset's own page, to come back to it or share it. */
  private readonly linksToPage: boolean;

  constructor(
    private readonly context: PortalContext,
    followed: FollowedDataset,
    /** Called once the dataset has reached a final status (the page refreshes its list of uploads). */
    private readonly onFinal: () => void,
  ) {
    if ('detail' in followed) {
      this.detail = followed.detail;
      this.dataset = followed.detail.dataset;
      this.fileName = followed.detail.dataset.fileName;
      this.seenBefore = new Set();
      this.linksToPage = false;
    } else {
      this.fileName = followed.fileName;
      this.seenBefore = followed.seenBefore;
      this.linksToPage = true;
    }
  }

  start(): void {
    this.render();
    void this.poll();
  }

  dispose(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    if (this.rejects && this.rejects !== 'none') URL.revokeObjectURL(this.rejects.downloadUrl);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const before = this.dataset?.status;
      if (!this.dataset) {
        // The newest page: a file just uploaded is the newest of the institution's.
        const { datasets } = await this.context.api.datasets();
        this.dataset = datasets.find((d) => d.fileName === this.fileName && !this.seenBefore.has(d.id));
      } else if (!this.detail || !FINAL.has(this.detail.dataset.status)) {
        // A detail already final (the dataset's page read it) is not asked for again.
        this.detail = await this.context.api.dataset(this.dataset.id);
        this.dataset = this.detail.dataset;
      }
      const status = this.dataset?.status;
      if (this.dataset && status !== before) {
        const m = this.context.i18n.messages;
        this.context.announce(m.status.statusLine(this.fileName, statusName(this.dataset, m)));
      }
      if (this.dataset && FINAL.has(this.dataset.status)) {
        await this.loadOutcome(this.dataset);
        this.render();
        this.onFinal();
        return;
      }
      this.render();
    } catch (error) {
      this.error = (error as Error).message;
      this.render();
    }
    this.timer = window.setTimeout(() => void this.poll(), POLL_MS);
  }

  private async loadOutcome(dataset: DatasetSummary): Promise<void> {
    this.detail ??= await this.context.api.dataset(dataset.id);
    // A file counted elsewhere has its rejects and suppliers there: the note names that file.
    if (this.detail.countedElsewhere) return;
    const rejectsPath = this.detail.rejectsPath;
    const { language } = this.context.i18n;
    const text = rejectsPath ? await this.context.api.text(rejectsPath) : '';
    const lines = parseRejectsCsv(text, language);
    // Ingest writes a rejects file for every file it reads, a header alone when every line counted.
    if (lines.length > 0) {
      // A Blob link downloads with the session's credentials already used; no token in a URL.
      const downloadUrl = URL.createObjectURL(
        new Blob([rejectsCsvIn(text, language)], { type: 'text/csv;charset=utf-8' }),
      );
      this.rejects = { lines, downloadUrl, downloadName: `${this.fileName}.rejects.csv` };
    } else if (dataset.status === 'INGESTED' && dataset.rejectedLines + dataset.setAsideLines === 0) {
      this.rejects = 'none';
    }
    if (dataset.status === 'INGESTED') {
      const unmatched = new UnmatchedSuppliersView(this.context, dataset.id);
      await unmatched.load();
      this.unmatched = unmatched;
    }
    if (dataset.overlaps.length > 0) this.fileNames = await this.overlappingFileNames(dataset);
  }

  /** The names of the files this one overlaps; one the caller may not see keeps its id. */
  private async overlappingFileNames(dataset: DatasetSummary): Promise<Map<string, string>> {
    const named = await Promise.all(
      dataset.overlaps.map(({ datasetId }) =>
        this.context.api.dataset(datasetId).then(
          (other): [string, string] => [datasetId, other.dataset.fileName],
          () => undefined,
        ),
      ),
    );
    return new Map(named.filter((entry) => entry !== undefined));
  }

  render(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.status;
    const dataset = this.dataset;
    const statusText = dataset
      ? t.statusLine(this.fileName, statusName(dataset, messages))
      : t.waiting(this.fileName);
    const currency = dataset?.currency ?? 'EUR';
    const money = (cents: number) => formatCents(cents, currency, language);
    const countedElsewhere = this.detail?.countedElsewhere ?? null;
    const reconciliation = dataset?.status === 'INGESTED' ? this.detail?.reconciliation : undefined;
    const pairs: [string, string, string][] =
      dataset && FINAL.has(dataset.status) && !countedElsewhere
        ? [
            [t.accepted, formatCount(dataset.acceptedLines, language), 'accepted'],
            [t.rejected, formatCount(dataset.rejectedLines, language), 'rejected'],
            ...(dataset.setAsideLines > 0
              ? [
                  [t.setAside, formatCount(dataset.setAsideLines, language), 'set-aside'] as [
                    string,
                    string,
                    string,
                  ],
                ]
              : []),
            [t.amount, money(dataset.amountCents), 'amount'],
            [t.suppliers, formatCount(dataset.suppliers, language), 'suppliers'],
            ...(dataset.periodFrom && dataset.periodTo
              ? [
                  [
                    t.period,
                    t.periodRange(
                      formatDate(dataset.periodFrom, language),
                      formatDate(dataset.periodTo, language),
                    ),
                    'period',
                  ] as [string, string, string],
                ]
              : []),
            ...(dataset.format
              ? [[t.format, formatName(dataset.format, language), 'format'] as [string, string, string]]
              : []),
          ]
        : [];
    this.unmatched?.render();
    replace(
      this.element,
      h('h2', { id: 'status-heading' }, t.heading),
      h('p', { class: `status-line ${statusClass(dataset)}`, 'data-testid': 'status-line' }, statusText),
      this.linksToPage &&
        dataset &&
        h('p', {}, h('a', { href: datasetHref(dataset.id), 'data-testid': 'dataset-link' }, t.datasetLink)),
      !FINAL.has(dataset?.status ?? 'RECEIVED') && h('progress', { 'aria-label': statusText }),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      countedElsewhere
        ? h(
            'p',
            { class: 'note', 'data-testid': 'counted-elsewhere' },
            countedElsewhereNote(countedElsewhere, messages),
          )
        : dataset?.message &&
            h(
              'p',
              { class: dataset.status === 'INGESTED' ? 'note' : 'error' },
              // Stored in English; a reason of the catalogue reads in the reader's language.
              localiseReason(dataset.message, language),
            ),
      pairs.length > 0 &&
        h(
          'dl',
          { class: 'facts counts' },
          ...pairs.flatMap(([term, value, id]) => [
            h('dt', {}, term),
            h('dd', { 'data-testid': `count-${id}` }, value),
          ]),
        ),
      pairs.length > 0 &&
        dataset?.columnReading &&
        columnReadingNote(dataset.columnReading, messages, language),
      reconciliation &&
        reconciliationView(
          reconciliationFigures(reconciliation, dataset?.acceptedLines ?? 0, currency, messages, language),
          messages,
        ),
      dataset && dataset.overlaps.length > 0 && this.overlapsSection(dataset),
      this.rejects === 'none'
        ? noRejectsNote(messages)
        : this.rejects && rejectsView(this.rejects, currency, messages, language),
      this.unmatched?.element,
    );
  }

  /** An overlapping file by its name, a link to its page; one the caller may not see by its id alone. */
  private overlapName(datasetId: string): HTMLElement | string {
    const fileName = this.fileNames.get(datasetId);
    return fileName ? h('a', { href: datasetHref(datasetId) }, fileName) : datasetId;
  }

  /** Spend this file shares with other counted files: both count, and the officer should check. */
  private overlapsSection(dataset: DatasetSummary): HTMLElement {
    const { messages, language } = this.context.i18n;
    const t = messages.status;
    return h(
      'section',
      { 'aria-labelledby': 'overlaps-heading', 'data-testid': 'overlaps' },
      h('h3', { id: 'overlaps-heading' }, t.overlaps),
      h('p', { class: 'note' }, t.overlapsIntro),
      table(
        t.overlaps,
        t.overlapsColumns,
        dataset.overlaps.map((overlap) => [
          this.overlapName(overlap.datasetId),
          formatCount(overlap.supplierMonths, language),
          formatCents(overlap.amountCents, dataset.currency ?? 'EUR', language),
        ]),
        new Set([1, 2]),
      ),
    );
  }
}
