import { escapeHtml } from '../html-escape.ts';
import { type Fact, figure, paragraph, renderFacts, section, subheading } from '../html-table.ts';
import { formatRatio } from '../labels.ts';
import type { View } from '../report-view.ts';
import { anchorNameOf, defaultsTable, roundsTable, scenarioSteps, statedTable } from './multiplier-tables.ts';

type Section = View['report']['localMultiplier'];

/** LM3 with its range, the survey coverage, and what one unit brings locally spent here or outside. */
function multiplierFacts(view: View, m: Section, lm3: NonNullable<Section['lm3']>): string {
  const M = view.L.multiplier;
  const ratio = (value: number) => formatRatio(value, view.lang);
  const unit = view.money(1);
  const perUnit = (value: Section['perLocal']) =>
    value &&
    M.perValue(view.moneyToCent(value.central), view.moneyToCent(value.low), view.moneyToCent(value.high));
  const facts: Fact[] = [
    {
      term: M.lm3,
      value: ratio(lm3.central),
      notes: [
        M.lm3Range(ratio(lm3.low), ratio(lm3.high)),
        ...(m.unknownLocalityAmount !== 0 ? [M.lm3Note] : []),
      ],
    },
    {
      term: M.coverage,
      value:
        m.coverage === null ? M.coverageNone : M.coverageValue(view.share(m.coverage), m.answersUsed.local),
      notes: m.coverage === 1 ? [] : [M.coverageNote],
    },
    {
      term: M.perLocal(unit),
      value: perUnit(m.perLocal) ?? M.noLocalSpend,
      notes: m.perLocal ? [M.perLocalNote] : [],
    },
    {
      term: M.perOutside(unit),
      value: perUnit(m.perOutside) ?? M.noNonLocalSpend,
      notes: m.perOutside ? [M.perOutsideNote(m.answersUsed.nonLocal)] : [],
    },
  ];
  return renderFacts(facts, 'key');
}

/** The Northumberland-style scenario, its arithmetic written out one step a line. */
function scenarioPart(view: View, m: Section): string {
  const M = view.L.multiplier.scenario;
  const heading = subheading('s-multiplier-scenario', M.heading);
  if (!m.scenario) return [heading, paragraph(M.none)].join('\n');
  const steps = scenarioSteps(view, m.scenario);
  return [
    heading,
    paragraph(M.lead(view.share(m.scenario.shift), view.money(m.scenario.addedAmount))),
    `<ol class="arithmetic">${steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>`,
  ].join('\n');
}

/** The measured multiplier: its figures, the chart and table of the rounds, and the scenario. */
function measured(view: View, m: Section, lm3: NonNullable<Section['lm3']>, chart: string | undefined) {
  const M = view.L.multiplier;
  const { r1, r2, r3 } = m.rounds;
  const withheld = m.answersWithheld.local + m.answersWithheld.nonLocal;
  return [
    multiplierFacts(view, m, lm3),
    chart ? figure(chart) : '',
    roundsTable(view, m),
    paragraph(
      M.rounds.formula(
        view.money(r1.total),
        view.money(r2.total),
        view.money(r3.total),
        formatRatio(lm3.central, view.lang),
      ),
      'formula',
    ),
    paragraph(M.base[m.base]),
    m.base !== m.baseAsked ? paragraph(M.baseFallback) : '',
    m.unknownLocalityAmount !== 0 ? paragraph(M.unknownLocality(view.money(m.unknownLocalityAmount))) : '',
    withheld > 0 ? paragraph(M.answersWithheld(withheld, m.minimumAnswers)) : '',
    scenarioPart(view, m),
  ];
}

/**
 * Local multiplier (LM3): what the spend is worth to the territory once re-spent, with every
 * assumption beside it; when it cannot be measured, why, in words, never a number.
 */
export function renderLocalMultiplier(view: View, chart: string | undefined): string {
  const m = view.report.localMultiplier;
  const M = view.L.multiplier;
  const body = [
    paragraph(M.intro, 'intro'),
    ...(m.lm3 === null || m.reason !== null
      ? [paragraph(M.notMeasurable[m.reason ?? 'no-spend'], 'not-measurable')]
      : measured(view, m, m.lm3, chart)),
    subheading('s-multiplier-defaults', M.defaults.heading),
    paragraph(M.defaults.intro),
    defaultsTable(view, m),
    ...(m.reason === 'contracts'
      ? []
      : [
          subheading('s-multiplier-stated', M.stated.heading),
          statedTable(view, m),
          ...m.statedNotUsed.map((entry) =>
            paragraph(M.stated.notUsed(anchorNameOf(view, entry.anchorId), entry.year, entry.reason)),
          ),
        ]),
  ];
  return section('s-multiplier', M.heading, body.filter(Boolean).join('\n'));
}
