import type { Language } from '../../../../shared/contracts/portal-api.ts';
import { h, table } from '../../dom.ts';
import { formatCents } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { RejectedLine, RejectStatus } from './rejects-csv.ts';

/** The page shows the first lines; the download has them all. */
const SHOWN_REJECTS = 50;

export interface RejectsOnPage {
  readonly lines: readonly RejectedLine[];
  /** A Blob URL of the whole CSV. */
  readonly downloadUrl: string;
  readonly downloadName: string;
}

/** The lines not counted — rejected or set aside — each with its line number, reason and the amount it states. */
export function rejectsView(
  rejects: RejectsOnPage,
  currency: string,
  messages: Messages,
  language: Language,
): HTMLElement {
  const t = messages.status;
  const outcomes: Readonly<Record<RejectStatus, string>> = {
    rejected: t.rejectStatuses.rejected,
    'set aside': t.rejectStatuses.setAside,
  };
  const shown = rejects.lines.slice(0, SHOWN_REJECTS);
  return h(
    'section',
    { 'aria-labelledby': 'rejects-heading', 'data-testid': 'rejects' },
    h('h3', { id: 'rejects-heading' }, t.rejects),
    h(
      'a',
      {
        href: rejects.downloadUrl,
        download: rejects.downloadName,
        class: 'button',
        'data-testid': 'download-rejects',
      },
      t.downloadRejects,
    ),
    rejects.lines.length > shown.length && h('p', {}, t.rejectsMore(shown.length, rejects.lines.length)),
    table(
      t.rejects,
      t.rejectsColumns,
      shown.map((line) => [
        line.line,
        line.status ? outcomes[line.status] : '',
        line.reason,
        line.amountCents === undefined ? '' : formatCents(line.amountCents, currency, language),
        h('code', {}, line.content),
      ]),
      new Set([0, 3]),
    ),
  );
}

/** In place of an empty table and a download of nothing: every line the file holds was counted. */
export function noRejectsNote(messages: Messages): HTMLElement {
  const t = messages.status;
  return h(
    'section',
    { 'aria-labelledby': 'rejects-heading', 'data-testid': 'rejects' },
    h('h3', { id: 'rejects-heading' }, t.rejects),
    h('p', { 'data-testid': 'no-rejects' }, t.noRejects),
  );
}
