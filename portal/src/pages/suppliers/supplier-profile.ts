import type {
  Correction,
  FactSource,
  OverrideChange,
  PlaceFact,
  SourcedFact,
  SupplierDetail,
} from '../../../../shared/contracts/portal-api.ts';
import { supplierTypeLabel } from '../../../../shared/domain/supplier-type.ts';
import type { PortalContext } from '../../context.ts';
import { field, h, option, preservingFocus, replace, table } from '../../dom.ts';
import { formatCentsIn, formatDate, formatInstant } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';

type Row = readonly [string, string, FactSource | '', string];

function describePlace(place: PlaceFact, messages: Messages): string {
  return messages.profile.place({
    ...(place.communeCode ? { commune: place.communeCode } : {}),
    ...(place.postcode ? { postcode: place.postcode } : {}),
    ...(place.country ? { country: place.country } : {}),
  });
}

function describeChange(change: OverrideChange, messages: Messages, language: 'fr' | 'en'): string {
  const parts: string[] = [];
  if (change.supplierType)
    parts.push(messages.profile.changeType(supplierTypeLabel(change.supplierType, language)));
  if (change.place) parts.push(messages.profile.changePlace(describePlace(change.place, messages)));
  if (change.headOffice) parts.push(messages.profile.changePlace(describePlace(change.headOffice, messages)));
  return parts.join(', ');
}

/** One supplier: every fact with its source and date, the correction form and the audit trail. */
export class SupplierProfileView {
  readonly element = h('section', { class: 'supplier-profile', 'data-testid': 'supplier-profile' });
  private detail: SupplierDetail | undefined;
  private error: string | undefined;
  private notice: string | undefined;

  constructor(
    private readonly context: PortalContext,
    private readonly key: string,
  ) {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.detail = await this.context.api.supplier(this.key);
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.render();
  }

  private rows(detail: SupplierDetail): Row[] {
    const { messages, language } = this.context.i18n;
    const names = messages.profile.factNames;
    const profile = detail.profile;
    const fromFiles = detail.asInFiles;
    const rows: Row[] = [];
    const add = <T>(label: string, fact: SourcedFact<T> | undefined, show: (value: T) => string) => {
      if (fact) rows.push([label, show(fact.value), fact.source, formatDate(fact.asOf, language)]);
    };
    if (profile?.name) add(names.name, profile.name, String);
    else rows.push([names.name, fromFiles.name, 'file', '']);
    if (fromFiles.identifier) {
      rows.push([
        names.identifier,
        `${fromFiles.identifier.scheme} ${fromFiles.identifier.value}`,
        'file',
        '',
      ]);
    }
    // What the files say stays listed under a correction or the registry: every source is shown.
    add(names.establishment, profile?.establishment, (place) => describePlace(place, messages));
    if (fromFiles.postcode || fromFiles.commune) {
      const where = [fromFiles.postcode, fromFiles.commune].filter(Boolean).join(' ');
      rows.push([names.establishment, where, 'file', '']);
    }
    add(names.headOffice, profile?.headOffice, (place) => describePlace(place, messages));
    add(names.supplierType, profile?.supplierType, (type) => supplierTypeLabel(type, language));
    add(names.legalCategory, profile?.legalCategory, String);
    add(names.ess, profile?.ess, (ess) => (ess ? messages.profile.yes : messages.profile.no));
    add(names.sizeCategory, profile?.sizeCategory, String);
    add(names.headcountBand, profile?.headcountBand, String);
    add(names.activity, profile?.activity, String);
    // Each currency apart: amounts of two currencies are never added, each keeps its own sign.
    for (const { currency, byKind } of [fromFiles, ...fromFiles.otherCurrencies]) {
      for (const [kind, cents] of Object.entries(byKind) as [keyof typeof messages.upload.kinds, number][]) {
        rows.push([
          names.spend(messages.upload.kinds[kind]),
          formatCentsIn(cents, currency, language),
          'file',
          '',
        ]);
      }
    }
    return rows;
  }

  private correctionForm(detail: SupplierDetail): HTMLFormElement {
    const { messages, language } = this.context.i18n;
    const t = messages.profile;
    const type = h(
      'select',
      { name: 'supplierType' },
      option('', t.keepType),
      ...detail.supplierTypes.map((id) => option(id, supplierTypeLabel(id, language))),
    );
    const commune = h('input', {
      name: 'communeCode',
      type: 'text',
      inputmode: 'text',
      pattern: '[0-9AB]{5}',
      autocomplete: 'off',
    });
    const postcode = h('input', { name: 'postcode', type: 'text', pattern: '[0-9]{5}', autocomplete: 'off' });
    const country = h('input', {
      name: 'country',
      type: 'text',
      pattern: '[A-Za-z]{2}',
      maxlength: 2,
      autocomplete: 'off',
    });
    const reason = h('textarea', { name: 'reason', required: true, maxlength: 500, rows: 2 });
    const submit = h('button', { type: 'submit', class: 'primary' }, t.saveCorrection);
    const form = h(
      'form',
      { class: 'correction', 'aria-labelledby': 'correction-heading' },
      h('h2', { id: 'correction-heading' }, t.correct),
      h('p', {}, t.correctIntro),
      h(
        'div',
        { class: 'grid' },
        field(t.type, type),
        field(t.communeCode, commune, t.communeCodeHint),
        field(t.postcode, postcode),
        field(t.country, country),
      ),
      field(t.reason, reason, t.reasonHint),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const place: PlaceFact = {
        ...(commune.value.trim() ? { communeCode: commune.value.trim() } : {}),
        ...(postcode.value.trim() ? { postcode: postcode.value.trim() } : {}),
        ...(country.value.trim() ? { country: country.value.trim().toUpperCase() } : {}),
      };
      submit.disabled = true;
      this.context.api
        .override(this.key, {
          reason: reason.value.trim(),
          ...(type.value ? { supplierType: type.value } : {}),
          ...(Object.keys(place).length > 0 ? { place } : {}),
        })
        .then(async () => {
          this.notice = t.saved;
          this.error = undefined;
          this.context.announce(t.saved);
          await this.load();
        })
        .catch((error: unknown) => {
          this.error = (error as Error).message;
          this.render();
        });
    });
    return form;
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.profile;
    const detail = this.detail;
    const back = h('a', { href: '#/suppliers', class: 'back' }, t.back);
    if (!detail) {
      replace(
        this.element,
        back,
        this.error ? h('p', { class: 'error', role: 'alert' }, this.error) : h('progress', {}),
      );
      return;
    }
    const name = detail.profile?.name?.value ?? detail.asInFiles.name ?? detail.key;
    const corrections: readonly Correction[] = detail.corrections;
    replace(
      this.element,
      back,
      h('h1', {}, t.heading(name)),
      h('p', { class: 'key' }, h('code', {}, detail.key)),
      this.notice && h('p', { class: 'note', role: 'status' }, this.notice),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      !detail.profile && h('p', {}, t.nothingKnown),
      table(
        t.facts,
        t.factColumns,
        this.rows(detail).map(([fact, value, source, asOf]) => [
          fact,
          value,
          source ? t.sources[source] : '',
          asOf,
        ]),
      ),
      this.correctionForm(detail),
      h(
        'section',
        { 'aria-labelledby': 'audit-heading', 'data-testid': 'audit' },
        h('h2', { id: 'audit-heading' }, t.audit),
        corrections.length === 0
          ? h('p', {}, t.auditEmpty)
          : h(
              'ol',
              { class: 'audit' },
              ...corrections.map((correction) =>
                h(
                  'li',
                  {},
                  t.auditEntry(
                    formatInstant(correction.at, language),
                    correction.by,
                    describeChange(correction.change, messages, language),
                    correction.reason,
                  ),
                ),
              ),
            ),
      ),
    );
  }
}
