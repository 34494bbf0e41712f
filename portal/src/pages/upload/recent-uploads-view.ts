import type { DatasetSummary } from '../../../../shared/contracts/portal-api.ts';
import type { PortalContext } from '../../context.ts';
import { h, replace } from '../../dom.ts';
import { formatCount, formatInstant } from '../../i18n/format.ts';
import { datasetHref } from '../dataset/dataset-route.ts';
import type { ListPage } from '../paged-list.ts';
import { PagedSection } from '../paged-section.ts';
import { pagerView } from '../pager-view.ts';
import { statusName } from './counted-elsewhere.ts';

/** Uploads a page shows at once, under the upload form: the latest ones, and older a page at a time. */
const PAGE_SIZE = 10;

/** "Your latest uploads": newest first, each file a link to its dataset's page, paged. */
export class RecentUploadsView extends PagedSection<DatasetSummary> {
  readonly element = h('section', { 'aria-labelledby': 'recent-heading', 'data-testid': 'recent' });

  constructor(context: PortalContext) {
    super(context);
  }

  /** The first page again: after an upload, the new file comes first. A failure is the page's to show. */
  reload(): Promise<void> {
    return this.list.reload();
  }

  protected async fetchPage(cursor: string | undefined): Promise<ListPage<DatasetSummary>> {
    const page = await this.context.api.datasets({ cursor, limit: PAGE_SIZE });
    return { items: page.datasets, total: page.total, nextCursor: page.nextCursor };
  }

  protected caption(): string {
    return this.rangeCaption(this.context.i18n.messages.upload.recentCaption);
  }

  protected draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.upload;
    replace(
      this.element,
      h('h2', { id: 'recent-heading' }, t.recent),
      ...this.listBody(
        t.none,
        t.recentColumns,
        (dataset) => [
          h('a', { href: datasetHref(dataset.id) }, dataset.fileName),
          formatInstant(dataset.receivedAt, language),
          statusName(dataset, messages),
          formatCount(dataset.acceptedLines, language),
          formatCount(dataset.rejectedLines, language),
        ],
        new Set([3, 4]),
      ),
      pagerView(
        this.list,
        { previous: t.newer, previousLabel: t.newerLabel, next: t.older, nextLabel: t.olderLabel },
        'recent',
        (to) => void this.turn(to),
      ),
    );
  }
}
