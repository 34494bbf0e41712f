import { escapeHtml } from '../html-escape.ts';
import type { View } from '../report-view.ts';

/** The headline's words (influenceable, rings, M57, CPV, HHI, ESS) explained right below it. */
export function renderGlossary(view: View): string {
  const { glossary } = view.L;
  const terms = glossary.terms
    .map(([term, meaning]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(meaning)}</dd>`)
    .join('\n');
  return (
    `<details class="glossary" data-testid="glossary" open>\n<summary>${escapeHtml(glossary.title)}</summary>\n` +
    `<dl>\n${terms}\n</dl>\n</details>`
  );
}
