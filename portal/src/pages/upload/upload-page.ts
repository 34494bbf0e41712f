import type { DatasetKind, MappingProfile } from '../../../../shared/contracts/portal-api.ts';
import { uploadFile } from '../../api/upload-file.ts';
import type { Page, PortalContext } from '../../context.ts';
import { type Detection, detectFile } from '../../detect/detect-file.ts';
import { field, h, option, preservingFocus, replace } from '../../dom.ts';
import { formatShare } from '../../i18n/format.ts';
import { DatasetStatusView } from './dataset-status.ts';
import { detectionView } from './detection-view.ts';
import { dropZone } from './drop-zone.ts';
import { mappingForm } from './mapping-form.ts';
import { RecentUploadsView } from './recent-uploads-view.ts';
import { scopeSection } from './scope-choice.ts';
import { requestedScope, scopeOfferFor, type UploadScope } from './upload-scope.ts';

type Stage = 'choose' | 'reading' | 'detected' | 'sending' | 'sent';

/** Drop a file → see what it is → map it if needed → upload with progress → follow its status. */
export class UploadPage implements Page {
  readonly element = h('div', { class: 'page upload-page' });
  private stage: Stage = 'choose';
  private file: File | undefined;
  private detection: Detection | undefined;
  private profiles: readonly MappingProfile[] = [];
  private profile: MappingProfile | undefined;
  /** The officer asked to confirm or change the columns inference read: the mapping form is open on them. */
  private editingReading = false;
  private kind: DatasetKind | '' = '';
  /** Whose figures the file feeds, when the caller may choose: their institution's unless they say so. */
  private scope: UploadScope = 'anchor';
  private progress = 0;
  private error: string | undefined;
  private readonly recent: RecentUploadsView;
  private statusView: DatasetStatusView | undefined;

  constructor(private readonly context: PortalContext) {
    this.recent = new RecentUploadsView(context);
    void this.loadLists();
  }

  private async loadLists(): Promise<void> {
    try {
      const [profiles] = await Promise.all([this.context.api.mappingProfiles(), this.recent.reload()]);
      this.profiles = profiles.profiles;
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.render();
  }

  dispose(): void {
    this.statusView?.dispose();
  }

  private async choose(file: File, profile?: MappingProfile): Promise<void> {
    this.statusView?.dispose();
    this.statusView = undefined;
    this.file = file;
    this.profile = profile;
    this.editingReading = false;
    this.stage = 'reading';
    this.error = undefined;
    this.render();
    this.context.announce(this.context.i18n.messages.upload.reading(file.name));
    try {
      this.detection = await detectFile(
        file,
        file.name,
        profile ? { profile } : { savedProfiles: this.profiles },
      );
      const matched = this.detection.format?.id.startsWith('mapping:')
        ? this.profiles.find((saved) => `mapping:${saved.id}` === this.detection?.format?.id)
        : undefined;
      this.profile = profile ?? matched;
      this.stage = 'detected';
    } catch (error) {
      this.error = (error as Error).message;
      this.stage = 'choose';
    }
    this.render();
    this.element.querySelector<HTMLElement>('#detection-heading')?.focus();
  }

  private async saveProfile(profile: MappingProfile): Promise<void> {
    const saved = await this.context.api.saveMappingProfile(profile);
    this.profiles = [...this.profiles.filter((existing) => existing.id !== saved.id), saved];
    this.context.announce(this.context.i18n.messages.mapping.saved(saved.label));
    if (this.file) await this.choose(this.file, saved);
  }

  private async send(): Promise<void> {
    const file = this.file;
    if (!file) return;
    const t = this.context.i18n.messages.upload;
    this.stage = 'sending';
    this.progress = 0;
    this.error = undefined;
    this.render();
    try {
      const before = await this.context.api.datasets();
      const kind = this.kind || this.detection?.format?.kind;
      const scope = requestedScope(scopeOfferFor(this.context.me), this.scope);
      const form = await this.context.api.presignUpload({
        fileName: file.name,
        ...(kind ? { kind } : {}),
        ...(this.profile ? { mappingProfileId: this.profile.id } : {}),
        ...(scope ? { scope } : {}),
      });
      let announced = 0;
      await uploadFile(form, file, file.name, (fraction) => {
        this.progress = fraction;
        this.updateProgress();
        // Every quarter is enough for a screen reader; more would drown the page.
        if (fraction - announced >= 0.25) {
          announced = fraction;
          this.context.announce(t.progressValue(formatShare(fraction, this.context.i18n.language)));
        }
      });
      this.stage = 'sent';
      this.context.announce(t.sent);
      this.statusView = new DatasetStatusView(
        this.context,
        { fileName: file.name, seenBefore: new Set(before.datasets.map((dataset) => dataset.id)) },
        () => void this.loadLists(),
      );
      this.render();
      this.statusView.start();
    } catch (error) {
      this.error = t.sendFailed((error as Error).message);
      this.stage = 'detected';
      this.render();
    }
  }

  private openMapping(): void {
    this.editingReading = true;
    this.render();
    this.element.querySelector<HTMLElement>('#mapping-heading')?.focus();
  }

  private updateProgress(): void {
    const bar = this.element.querySelector('progress.upload-progress');
    if (bar instanceof HTMLProgressElement) bar.value = this.progress;
    const label = this.element.querySelector('[data-testid="progress-value"]');
    if (label) {
      label.textContent = this.context.i18n.messages.upload.progressValue(
        formatShare(this.progress, this.context.i18n.language),
      );
    }
  }

  private reset(): void {
    this.statusView?.dispose();
    this.statusView = undefined;
    this.file = undefined;
    this.detection = undefined;
    this.profile = undefined;
    this.editingReading = false;
    this.stage = 'choose';
    void this.loadLists();
  }

  render(): void {
    preservingFocus(this.element, () => this.draw());
  }

  private draw(): void {
    const { messages, language } = this.context.i18n;
    const t = messages.upload;
    const detection = this.detection;
    const kindSelect = h(
      'select',
      { name: 'kind' },
      option('', t.kindAuto, this.kind === ''),
      option('payments', t.kinds.payments, this.kind === 'payments'),
      option('contracts', t.kinds.contracts, this.kind === 'contracts'),
    );
    kindSelect.addEventListener('change', () => {
      this.kind = kindSelect.value as DatasetKind | '';
    });
    const sendButton = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'send', disabled: this.stage === 'sending' },
      t.send,
    );
    sendButton.addEventListener('click', () => void this.send());
    const anotherButton = h('button', { type: 'button' }, t.another);
    anotherButton.addEventListener('click', () => this.reset());
    const canSend = detection && (detection.format !== undefined || this.profile !== undefined);
    const showMapping =
      detection?.shape === 'delimited' &&
      (!detection.format || this.profile !== undefined || this.editingReading);
    const confirmReading =
      this.stage === 'detected' && !this.editingReading ? () => this.openMapping() : undefined;
    const choosing = this.stage === 'choose' || this.stage === 'detected' || this.stage === 'reading';
    if (this.statusView) this.statusView.render();
    this.recent.render();

    replace(
      this.element,
      h('h1', {}, t.heading),
      h('p', {}, t.intro),
      this.error && h('p', { class: 'error', role: 'alert' }, this.error),
      choosing &&
        scopeSection(messages, this.context.me, this.scope, (scope) => {
          this.scope = scope;
        }),
      choosing &&
        h(
          'div',
          { class: 'choose' },
          dropZone(messages, (file) => void this.choose(file)),
          field(t.kind, kindSelect),
        ),
      this.stage === 'reading' && this.file && h('p', { role: 'status' }, t.reading(this.file.name)),
      detection && detectionView(detection, messages, language, confirmReading),
      detection && !detection.format && h('p', { class: 'info' }, messages.detection.notRecognised),
      detection &&
        showMapping &&
        this.stage === 'detected' &&
        mappingForm(detection, this.profiles, messages, {
          apply: (profile) => {
            if (this.file) void this.choose(this.file, profile);
          },
          save: (profile) => this.saveProfile(profile),
        }),
      canSend && this.stage === 'detected' && sendButton,
      (this.stage === 'sending' || this.stage === 'sent') &&
        h(
          'div',
          { class: 'upload' },
          h('label', { for: 'upload-progress' }, t.progress),
          h('progress', { id: 'upload-progress', class: 'upload-progress', max: 1, value: this.progress }),
          h(
            'span',
            { 'data-testid': 'progress-value' },
            t.progressValue(formatShare(this.progress, language)),
          ),
        ),
      this.statusView?.element,
      this.stage === 'sent' && anotherButton,
      this.recent.element,
    );
  }
}
