import type { SupplierSpend, UnmatchedSuppliers } from '../../../../shared/contracts/portal-api.ts';
import type { PortalContext } from '../../context.ts';
import { h, replace, table } from '../../dom.ts';
import { formatCentsIn, formatCount, formatShare } from '../../i18n/format.ts';
import type { ListPage } from '../paged-list.ts';
import { PagedSection } from '../paged-section.ts';
import { pagerView } from '../pager-view.ts';

/** About a screen of suppliers: a file may name hundreds that no registry knows. */
const PAGE_SIZE = 25;

/**
 * The suppliers of a dataset that no registry or directory describes, largest spend first (as the
 * API orders them), a page at a time, with how many there are and how much they weigh in the file.
 */
export class UnmatchedSuppliersView extends PagedSection<SupplierSpend> {
  readonly element = h('section', { 'aria-labelledby': 'unmatched-heading', 'data-testid': 'unmatched' });
  /** What every page says of them all: how many, how much, against the file's whole spend. */
  private totals: UnmatchedSuppliers | undefined;

  constructor(
    context: PortalContext,
    private readonly datasetId: string,
  ) {
    super(context);
  }

  /** The first page; a failure is the caller's to show, like the rest of the dataset's outcome. */
  load(): Promise<void> {
    return this.list.reload();
  }

  protected async fetchPage(cursor: string | undefined): Promise<ListPage<SupplierSpend>> {
    const page = await this.context.api.unmatchedSuppliers(this.datasetId, { cursor, limit: PAGE_SIZE });
    this.totals = page;
    return { items: page.suppliers, total: page.total, nextCursor: page.nextCursor };
  }

  protected caption(): string {
    return this.rangeCaption(this.context.i18n.messages.status.unmatchedCaption);
  }

  protected draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.status;
    const totals = this.totals;
    if (!totals) {
      replace(this.element);
      return;
    }
    const share = totals.datasetAmountCents === 0 ? 0 : totals.amountCents / totals.datasetAmountCents;
    replace(
      this.element,
      h('h3', { id: 'unmatched-heading' }, t.unmatched),
      totals.total === 0
        ? h('p', {}, t.noUnmatched)
        : h(
            'p',
            {},
            t.unmatchedIntro(
              formatCount(totals.total, language),
              formatCentsIn(totals.amountCents, totals.currency, language),
              formatShare(share, language),
            ),
          ),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      this.list.items.length > 0 &&
        table(
          this.caption(),
          t.unmatchedColumns,
          this.list.items.map((supplier) => [
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
      pagerView(
        this.list,
        {
          previous: t.unmatchedPrevious,
          previousLabel: t.unmatchedPreviousLabel,
          next: t.unmatchedNext,
          nextLabel: t.unmatchedNextLabel,
        },
        'unmatched',
        (to) => void this.turn(to),
      ),
    );
  }
}
