import { escapeHtml } from './html-escape.ts';
import type { Language } from './labels.ts';

/** Nothing in the page may fetch anything: no scripts, fonts, images or links. Written as is (no `"`). */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1a1a1a;
  background: #ffffff;
}
.page { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; overflow-wrap: break-word; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid #1d4f91; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
a { color: #1d4f91; }
a:focus-visible { outline: 3px solid #c05600; outline-offset: 2px; }
/* After the headline: what the report covers and how it was made. */
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 1.5rem 0 0; color: #3d4650; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.intro { max-width: 48rem; color: #3d4650; }
nav.toc { margin-top: 1.25rem; }
nav.toc h2 { font-size: 1rem; margin: 0 0 0.25rem; border-bottom: 0; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.25rem; columns: 2 16rem; column-gap: 2rem; }
.headline { margin-top: 1.5rem; padding: 1rem 1.25rem; background: #f1f5fa; border-left: 6px solid #1d4f91; }
.headline h2 { margin-top: 0; border-bottom: 0; font-size: 1.1rem; }
.headline .lead { font-size: 1.2rem; margin: 0 0 0.5rem; max-width: 48rem; }
.headline .big { display: block; font-size: 3rem; font-weight: 700; line-height: 1.1; color: #14365f; }
.headline figure.chart { margin: 0.5rem 0 0.75rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem; margin: 0.75rem 0 1rem; }
.facts.key { grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); }
.facts div { padding: 0.5rem 0.75rem; background: #ffffff; border: 1px solid #c5ccd3; }
.facts dt { font-size: 0.9rem; color: #3d4650; }
.facts dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
.facts dd.note { font-size: 0.9rem; font-weight: 400; color: #3d4650; }
.facts .leak { border-left: 5px solid #c05600; }
.facts .target { border-left: 5px solid #1a1a1a; }
.facts .opportunity { border-left: 5px solid #2e7d32; }
figure.chart { margin: 0 0 1rem; }
/*
 * Each chart comes drawn twice: for the column, stretched to it, and for a phone, shown near its own
 * size. Below 50rem the wide drawing would shrink its text under 11 px, so the narrow one shows.
 */
.chart-svg { display: block; width: 100%; height: auto; }
.chart-narrow { display: none; max-width: 26rem; }
/* A wide table scrolls in its own box, which a keyboard can focus and a screen reader names. */
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
.table-wrap:focus-visible { outline: 3px solid #c05600; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.5rem; caption-side: top; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid #c5ccd3; text-align: left; vertical-align: top; }
thead th { background: #e9eef4; border-bottom: 2px solid #8a96a3; }
tbody th { font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.rules { padding-left: 1.25rem; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid #c5ccd3; color: #3d4650; }
footer h2 { border-bottom: 0; margin-top: 0; font-size: 1.1rem; color: #1a1a1a; }
@media (max-width: 50rem) {
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
}
@media (max-width: 40rem) {
  .page { padding: 1rem 0.75rem 2rem; }
  .headline { padding: 0.75rem; }
  h1 { font-size: 1.5rem; }
  .headline .big { font-size: 2.4rem; }
  .meta { grid-template-columns: 1fr; }
  .meta dd { margin-bottom: 0.35rem; }
}
@media print {
  @page { margin: 15mm; }
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, .headline, .facts div, tr { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap, figure.chart { overflow: visible; }
  .chart-wide { display: block; }
  .chart-narrow { display: none; }
  .headline, .facts div, thead th, .chart-svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A complete, self-contained HTML page: inline CSS and SVG, a CSP that forbids every fetch. */
export function renderPage(page: { lang: Language; title: string; body: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    page.body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
