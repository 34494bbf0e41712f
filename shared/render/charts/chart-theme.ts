import type { Config } from 'vega-lite';
import type { Currency } from '../../domain/dataset-kind.ts';
import type { Language } from '../labels.ts';

/** The page's own system font stack: nothing is fetched, and the charts match the text around them. */
export const CHART_FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';

/**
 * Colours checked against white (WCAG 1.4.11 asks 3:1 for graphics, 1.4.3 4.5:1 for text): local blue
 * 8.1:1, leaking orange 4.6:1, unknown grey 4.7:1, social-economy green 5.1:1, text 17:1. Blue and
 * orange stay apart for the common colour-vision deficiencies; adjacent segments get a white edge.
 */
export const COLOURS = {
  local: '#1d4f91',
  nonLocal: '#c05600',
  unknown: '#6b7580',
  socialEconomy: '#2e7d32',
  /** The rings closer in, under a ring's own band: light fill, outlined at 3.3:1. */
  closer: '#c9d5e4',
  closerStroke: '#7d8fa6',
  text: '#1a1a1a',
  mutedText: '#3d4650',
  grid: '#e1e5ea',
  axis: '#6b7580',
  target: '#1a1a1a',
  baseline: '#6b7580',
} as const;

/**
 * Drawing width of every chart: each is laid out to fit it, so that the page, which stretches the
 * charts to its column width, shows all their text at one size (13 px here, about the body text).
 */
export const CHART_WIDTH = 760;

/**
 * Drawing width of the same charts for a phone (a 390 px screen leaves about 340 px for them): they
 * are shown there at about their own size, so their text stays at 12–16 px instead of shrinking.
 */
export const NARROW_CHART_WIDTH = 320;

/** Title sizes, in px: a narrow chart wraps its title and subtitle to its width at these sizes. */
export const TITLE_FONT = 16;
export const SUBTITLE_FONT = 13;

/** d3-format locale for what Vega formats itself (axis ticks): `40 %` in French, `40%` in English. */
function numberLocale(language: Language, currency: Currency) {
  const symbol = currency === 'EUR' ? '€' : '£';
  return language === 'fr'
    ? {
        decimal: ',',
        thousands: '\u202F',
        grouping: [3],
        currency: ['', `\u00A0${symbol}`] as [string, string],
        percent: '\u00A0%',
        minus: '-',
      }
    : { decimal: '.', thousands: ',', grouping: [3], currency: [symbol, ''] as [string, string], minus: '-' };
}

/**
 * The shared look: system fonts, dark text, light grid, no interactivity, and no ARIA inside the
 * SVG (Vega would write English descriptions into a French page; the SVG as a whole is one labelled
 * image, followed by its data table).
 */
export function chartConfig(language: Language, currency: Currency): Config {
  return {
    font: CHART_FONT,
    aria: false,
    background: 'white',
    padding: { left: 4, right: 4, top: 4, bottom: 4 },
    locale: { number: numberLocale(language, currency) },
    view: { stroke: null },
    title: {
      anchor: 'start',
      fontSize: TITLE_FONT,
      fontWeight: 'bold',
      color: COLOURS.text,
      subtitleFontSize: SUBTITLE_FONT,
      subtitleColor: COLOURS.mutedText,
      subtitlePadding: 4,
      offset: 14,
    },
    axis: {
      labelFontSize: 12,
      labelColor: COLOURS.text,
      titleFontSize: 12,
      titleColor: COLOURS.mutedText,
      titleFontWeight: 'normal',
      gridColor: COLOURS.grid,
      domainColor: COLOURS.axis,
      tickColor: COLOURS.axis,
    },
    legend: {
      orient: 'top',
      direction: 'horizontal',
      labelFontSize: 12,
      labelColor: COLOURS.text,
      labelLimit: 320,
      symbolType: 'square',
      symbolSize: 140,
      symbolStrokeWidth: 0,
      columnPadding: 18,
      title: null,
    },
    text: { fontSize: 13, color: COLOURS.text },
  };
}
