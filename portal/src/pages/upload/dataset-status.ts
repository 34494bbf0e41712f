import type {
  DatasetDetail,
  DatasetStatus,
  DatasetSummary,
  UnmatchedSuppliers,
} from '../../../../shared/contracts/portal-api.ts';
import { formatName } from '../../../../shared/domain/formats/format-names.ts';
import { localiseReason } from '../../../../shared/domain/ingest/rejection-reasons.ts';
import type { PortalContext } from '../../context.ts';
import { h, replace, table } from '../../dom.ts';
import { formatCents, formatCentsIn, formatCount, formatDate, formatShare } from '../../i18n/format.ts';
import { columnReadingNote } from './column-reading-note.ts';
import { countedElsewhereNote, statusClass, statusName } from './counted-elsewhere.ts';
import { reconciliationFigures } from './reconciliation-figures.ts';
import { reconciliationView } from './reconciliation-view.ts';
import { parseRejectsCsv, rejectsCsvIn } from './rejects-csv.ts';
import { type RejectsOnPage, rejectsView } from './rejects-view.ts';

const POLL_MS = 1_000;
const FINAL: ReadonlySet<DatasetStatus> = new Set(['INGESTED', 'REJECTED', 'FAILED', 'SUPERSEDED']);

/**
 * Follows one upload from "sent" to a final status: finds the new dataset among the anchor's (ids
 * seen before the upload are not it), polls it, then shows the counts, how its money ties out, the
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
  private rejects: RejectsOnPage | undefined;
  private unmatched: UnmatchedSuppliers | undefined;
  /** File names of the anchor's datasets, to name the ones this dataset overlaps. */
  private fileNames = new Map<string, string>();
  private error: string | undefined;
  private timer: number | undefined;
  private stopped = false;

  constructor(
    private readonly context: PortalContext,
    private readonly fileName: string,
    private readonly seenBefore: ReadonlySet<string>,
    /** Called once the dataset has reached a final status (the page refreshes its list of uploads). */
    private readonly onFinal: () => void,
  ) {}

  start(): void {
    this.render();
    void this.poll();
  }

  dispose(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    if (this.rejects) URL.revokeObjectURL(this.rejects.downloadUrl);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const before = this.dataset?.status;
      if (!this.dataset) {
        const { datasets } = await this.context.api.datasets();
        this.dataset = datasets.find((d) => d.fileName === this.fileName && !this.seenBefore.has(d.id));
      } else {
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
    if (rejectsPath) {
      const text = await this.context.api.text(rejectsPath);
      // A Blob link downloads with the session's credentials already used; no token in a URL.
      const { language } = this.context.i18n;
      const downloadUrl = URL.createObjectURL(
        new Blob([rejectsCsvIn(text, language)], { type: 'text/csv;charset=utf-8' }),
      );
      this.rejects = {
        lines: parseRejectsCsv(text, language),
        downloadUrl,
        downloadName: `${this.fileName}.rejects.csv`,
      };
    }
    if (dataset.status === 'INGESTED') this.unmatched = await this.context.api.unmatchedSuppliers(dataset.id);
    if (dataset.overlaps.length > 0) {
      const { datasets } = await this.context.api.datasets();
      this.fileNames = new Map(datasets.map((other) => [other.id, other.fileName]));
    }
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
    replace(
      this.element,
      h('h2', { id: 'status-heading' }, t.heading),
      h('p', { class: `status-line ${statusClass(dataset)}`, 'data-testid': 'status-line' }, statusText),
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
      this.rejects && rejectsView(this.rejects, currency, messages, language),
      this.unmatched && this.unmatchedSection(this.unmatched),
    );
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
          this.fileNames.get(overlap.datasetId) ?? overlap.datasetId,
          formatCount(overlap.supplierMonths, language),
          formatCents(overlap.amountCents, dataset.currency ?? 'EUR', language),
        ]),
        new Set([1, 2]),
      ),
    );
  }

  private unmatchedSection(unmatched: UnmatchedSuppliers): HTMLElement {
    const { messages, language } = this.context.i18n;
    const t = messages.status;
    const currency = unmatched.currency;
    const share =
      unmatched.datasetAmountCents === 0 ? 0 : unmatched.amountCents / unmatched.datasetAmountCents;
    return h(
      'section',
      { 'aria-labelledby': 'unmatched-heading', 'data-testid': 'unmatched' },
      h('h3', { id: 'unmatched-heading' }, t.unmatched),
      unmatched.count === 0
        ? h('p', {}, t.noUnmatched)
        : h(
            'p',
            {},
            t.unmatchedIntro(
              formatCount(unmatched.count, language),
              formatCentsIn(unmatched.amountCents, currency, language),
              formatShare(share, language),
            ),
          ),
      unmatched.suppliers.length > 0 &&
        table(
          t.unmatched,
          t.unmatchedColumns,
          unmatched.suppliers.map((supplier) => [
            h(
              'a',
              { href: `#/suppliers/${encodeURIComponent(supplier.key)}` },
              supplier.name || supplier.key,
            ),
            supplier.identifier ? `${supplier.identifier.scheme} ${supplier.identifier.value}` : '',
            formatCentsIn(supplier.amountCents, supplier.currency, language),
            formatCount(supplier.lines, language),
          ]),
          new Set([2, 3]),
        ),
    );
  }
}
