import type { DatasetDetail } from '../../../../shared/contracts/portal-api.ts';
import { ApiError } from '../../api/api-error.ts';
import type { Page, PortalContext } from '../../context.ts';
import { h, preservingFocus, replace } from '../../dom.ts';
import { DatasetStatusView } from '../upload/dataset-status.ts';

/**
 * One dataset's page (`#/datasets/<id>`): what the upload page shows after an upload — status,
 * counts, reconciliation, rejects, unmatched suppliers — for a file uploaded any time before, by the
 * caller or a colleague of the same institution. A dataset still being read is followed to its end.
 */
export class DatasetPage implements Page {
  readonly element = h('div', { class: 'page dataset-page' });
  private detail: DatasetDetail | undefined;
  private status: DatasetStatusView | undefined;
  /** The API knows no such dataset for the caller's institution: it says the same of another's. */
  private missing = false;
  private error: string | undefined;
  private disposed = false;

  constructor(
    private readonly context: PortalContext,
    datasetId: string,
  ) {
    void this.load(datasetId);
  }

  private async load(datasetId: string): Promise<void> {
    try {
      this.detail = await this.context.api.dataset(datasetId);
    } catch (error) {
      // A malformed id in a pasted link (400) is no more a dataset than an unknown one (404).
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) this.missing = true;
      else this.error = (error as Error).message;
    }
    if (this.disposed) return;
    if (this.detail) {
      // Nothing else on this page changes when the dataset reaches its final status.
      this.status = new DatasetStatusView(this.context, { detail: this.detail }, () => {});
      this.status.start();
    }
    this.render();
  }

  dispose(): void {
    this.disposed = true;
    this.status?.dispose();
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const t = this.context.i18n.messages.dataset;
    this.status?.render();
    replace(
      this.element,
      h('a', { href: '#/upload', class: 'back' }, t.back),
      h(
        'h1',
        {},
        this.detail ? t.heading(this.detail.dataset.fileName) : this.missing ? t.notFoundHeading : t.loading,
      ),
      this.missing && h('p', { 'data-testid': 'dataset-not-found' }, t.notFound),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      !this.detail && !this.missing && !this.error && h('progress', { 'aria-label': t.loading }),
      this.status?.element,
    );
  }
}
