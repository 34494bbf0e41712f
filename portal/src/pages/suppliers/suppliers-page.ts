import type { SupplierSearch, SupplierSearchHit } from '../../../../shared/contracts/portal-api.ts';
import type { Page, PortalContext } from '../../context.ts';
import { field, h, preservingFocus, replace, table } from '../../dom.ts';
import { formatCentsIn, formatCount } from '../../i18n/format.ts';
import { SupplierLinesView } from './supplier-lines-view.ts';
import { SupplierProfileView } from './supplier-profile.ts';

/** Search the suppliers the anchor pays; a result opens its profile (`#/suppliers/<key>`). */
export class SuppliersPage implements Page {
  readonly element = h('div', { class: 'page suppliers-page' });
  private query = '';
  private hits: SupplierSearchHit[] = [];
  private result: SupplierSearch | undefined;
  private error: string | undefined;
  private readonly profile: SupplierProfileView | undefined;
  private readonly lines: SupplierLinesView | undefined;

  constructor(
    private readonly context: PortalContext,
    supplierKey: string | undefined,
  ) {
    if (supplierKey) {
      this.profile = new SupplierProfileView(context, supplierKey);
      this.lines = new SupplierLinesView(context, supplierKey);
    } else void this.search('');
  }

  dispose(): void {}

  private async search(query: string, more = false): Promise<void> {
    this.query = query;
    try {
      const result = await this.context.api.searchSuppliers(
        query,
        more ? (this.result?.nextCursor ?? undefined) : undefined,
      );
      this.hits = more ? [...this.hits, ...result.suppliers] : [...result.suppliers];
      this.result = result;
      this.error = undefined;
      this.context.announce(this.context.i18n.messages.suppliers.results(this.hits.length, result.total));
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.render();
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    if (this.profile) {
      this.profile.render();
      this.lines?.render();
      replace(this.element, this.profile.element, this.lines?.element);
      return;
    }
    const { messages, language } = this.context.i18n;
    const t = messages.suppliers;
    const input = h('input', { type: 'search', name: 'q', value: this.query, autocomplete: 'off' });
    const form = h(
      'form',
      { role: 'search', class: 'inline' },
      field(t.search, input, t.searchHint),
      h('button', { type: 'submit' }, t.searchButton),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search(input.value.trim());
    });
    const moreButton = h('button', { type: 'button' }, t.more);
    moreButton.addEventListener('click', () => void this.search(this.query, true));
    const money = (hit: SupplierSearchHit) => {
      const kind = hit.byKind.payments !== undefined ? 'payments' : 'contracts';
      return `${formatCentsIn(hit.amountCents, hit.currency, language)} (${messages.upload.kinds[kind]})`;
    };
    replace(
      this.element,
      h('h1', {}, t.heading),
      form,
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      this.result &&
        (this.hits.length === 0
          ? h('p', {}, t.none)
          : table(
              t.results(this.hits.length, this.result.total),
              t.columns,
              this.hits.map((hit) => [
                h(
                  'a',
                  {
                    href: `#/suppliers/${encodeURIComponent(hit.key)}`,
                    'aria-label': t.open(hit.name || hit.key),
                  },
                  hit.name || hit.key,
                ),
                [
                  hit.identifier ? `${hit.identifier.scheme} ${hit.identifier.value}` : hit.key,
                  hit.corrected ? h('span', { class: 'badge' }, t.corrected) : undefined,
                ],
                money(hit),
                formatCount(hit.lines, language),
              ]),
              new Set([2, 3]),
            )),
      this.result?.nextCursor && moreButton,
    );
  }
}
