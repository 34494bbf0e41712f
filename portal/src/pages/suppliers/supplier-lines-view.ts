import type {
  SupplierLine,
  SupplierLines,
  SupplierLinesDataset,
} from '../../../../shared/contracts/portal-api.ts';
import { lineFlagLabel } from '../../../../shared/domain/line-flags.ts';
import { ApiError } from '../../api/api-error.ts';
import type { PortalContext } from '../../context.ts';
import { h, preservingFocus, replace, table } from '../../dom.ts';
import { formatCents, formatCount, formatDate } from '../../i18n/format.ts';

/** Lines a table shows at once: about a screen of them. */
const PAGE_SIZE = 25;

/** Where a page of one file's table starts: the API's cursor (none for the first) and the rank of its first line. */
interface PageStart {
  readonly cursor: string | undefined;
  readonly first: number;
}

/** One file's table: the page shown, and where the pages before it started, to go back. */
interface FileTable {
  readonly dataset: SupplierLinesDataset;
  shown: PageStart;
  lines: readonly SupplierLine[];
  next: string | null;
  readonly earlier: PageStart[];
  busy: boolean;
}

/** The lines behind a supplier's figure: one table per counted file that pays it, each paged on its own. */
export class SupplierLinesView {
  readonly element = h('section', {
    class: 'supplier-lines',
    'data-testid': 'supplier-lines',
    'aria-labelledby': 'lines-heading',
    hidden: true,
  });
  private tables: FileTable[] | undefined;
  private error: string | undefined;

  constructor(
    private readonly context: PortalContext,
    private readonly key: string,
  ) {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const first = await this.context.api.supplierLines(this.key, { limit: PAGE_SIZE });
      // One file: this is its first page. Several: each file's table asks for its own.
      const pageOf = (dataset: SupplierLinesDataset): Promise<SupplierLines> =>
        first.datasets.length === 1
          ? Promise.resolve(first)
          : this.context.api.supplierLines(this.key, { dataset: dataset.id, limit: PAGE_SIZE });
      this.tables = await Promise.all(
        first.datasets.map(async (dataset) => {
          const page = await pageOf(dataset);
          return {
            dataset,
            shown: { cursor: undefined, first: 0 },
            lines: page.lines,
            next: page.nextCursor,
            earlier: [],
            busy: false,
          };
        }),
      );
    } catch (error) {
      // A supplier the institution does not pay: its page says so already, once is enough.
      if (!(error instanceof ApiError && error.status === 404)) this.error = (error as Error).message;
    }
    this.render();
  }

  private async turn(file: FileTable, to: 'next' | 'previous'): Promise<void> {
    const target =
      to === 'next'
        ? file.next
          ? { cursor: file.next, first: file.shown.first + file.lines.length }
          : undefined
        : file.earlier.at(-1);
    if (!target || file.busy) return;
    file.busy = true;
    try {
      const page = await this.context.api.supplierLines(this.key, {
        dataset: file.dataset.id,
        cursor: target.cursor,
        limit: PAGE_SIZE,
      });
      if (to === 'next') file.earlier.push(file.shown);
      else file.earlier.pop();
      file.shown = target;
      file.lines = page.lines;
      file.next = page.nextCursor;
      this.error = undefined;
      this.context.announce(this.caption(file));
    } catch (error) {
      this.error = (error as Error).message;
    }
    file.busy = false;
    this.render();
    // The button pressed is gone after the last page (or the first): the keyboard stays on the table.
    if (!this.element.contains(document.activeElement)) {
      this.element
        .querySelector<HTMLElement>(`[data-testid="lines-${CSS.escape(file.dataset.id)}"] .table-wrap`)
        ?.focus();
    }
  }

  private caption(file: FileTable): string {
    const { messages, language } = this.context.i18n;
    return messages.lines.caption(
      file.dataset.fileName,
      formatCount(file.shown.first + 1, language),
      formatCount(file.shown.first + file.lines.length, language),
      formatCount(file.dataset.lines, language),
    );
  }

  private row(line: SupplierLine): string[] {
    const { messages, language } = this.context.i18n;
    const t = messages.lines;
    const category = [line.categoryCode, line.categoryLabel].filter(Boolean).join(' ');
    const remarks = [
      ...line.flags.map((flag) => lineFlagLabel(flag, language)),
      line.concession ? t.concession : '',
      line.shareOf && line.shareOf > 1 ? t.shareOf(formatCount(line.shareOf, language)) : '',
    ];
    return [
      String(line.lineNumber),
      line.date ? formatDate(line.date, language) : t.undated,
      formatCents(line.amountCents, line.currency, language),
      line.reference ?? line.contractUid ?? '',
      [line.description, category].filter(Boolean).join(' — '),
      remarks.filter(Boolean).join('; '),
    ];
  }

  private fileTable(file: FileTable): HTMLElement {
    const t = this.context.i18n.messages.lines;
    const { dataset } = file;
    const button = (text: string, label: string, to: 'next' | 'previous') => {
      const element = h(
        'button',
        { type: 'button', 'aria-label': label, 'data-testid': `lines-${to}-${dataset.id}` },
        text,
      );
      element.addEventListener('click', () => void this.turn(file, to));
      return element;
    };
    return h(
      'div',
      { 'data-testid': `lines-${dataset.id}` },
      dataset.consortiumWide && h('p', {}, t.consortiumWide),
      file.lines.length === 0
        ? h('p', {}, t.unavailable(dataset.fileName))
        : table(
            this.caption(file),
            t.columns,
            file.lines.map((line) => this.row(line)),
            new Set([0, 2]),
          ),
      (file.earlier.length > 0 || file.next) &&
        h(
          'div',
          { class: 'pager' },
          file.earlier.length > 0 && button(t.previous, t.previousLabel(dataset.fileName), 'previous'),
          file.next && button(t.next, t.nextLabel(dataset.fileName), 'next'),
        ),
    );
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const t = this.context.i18n.messages.lines;
    this.element.hidden = !this.tables && !this.error;
    replace(
      this.element,
      h('h2', { id: 'lines-heading' }, t.heading),
      h('p', {}, t.intro),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      (this.tables ?? []).map((file) => this.fileTable(file)),
    );
  }
}
