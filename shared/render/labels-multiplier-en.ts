import type { MultiplierLabels } from './labels-multiplier.ts';

const s = (n: number): string => (n === 1 ? '' : 's');

export const multiplierEn: MultiplierLabels = {
  heading: 'Local multiplier (LM3)',
  intro:
    'What the spend is worth to the area once re-spent, by the New Economics Foundation’s Local ' +
    'Multiplier 3 method: round 1, the anchors’ spending; round 2, the part that reaches the area (local ' +
    'suppliers, the wages of staff living there); round 3, what those recipients re-spend there. ' +
    'LM3 = (round 1 + round 2 + round 3) / round 1.',
  notMeasurable: {
    contracts:
      'Not computed for contracts notified: they are amounts committed, often over several years, not money ' +
      'spent in a period. See the payments report.',
    'no-spend': 'Not measurable: no spend is counted for the period.',
    'locality-not-measurable':
      'Not measurable: too little of the spend is located to measure the local share (see “Where the money ' +
      'goes”); a multiplier computed from the rest would read as a measurement it is not.',
  },
  lm3: 'Local multiplier (LM3)',
  lm3Range: (low, high) => `${low} to ${high} depending on the defaults (low and high assumptions)`,
  lm3Note: 'A lower bound: spend whose supplier is not located counts neither as local nor as outside.',
  coverage: 'Supplier survey coverage',
  coverageValue: (share, answers) =>
    `${share} of round 2 (suppliers) covered by ${answers} answer${s(answers)}`,
  coverageNone: 'No spend with local suppliers',
  coverageNote: 'The rest of round 3 rests on the defaults below, which are assumptions.',
  perLocal: (unit) => `${unit} spent with local suppliers`,
  perOutside: (unit) => `${unit} spent outside the area`,
  perValue: (value, low, high) => `is worth ${value} to the area (${low} to ${high})`,
  perLocalNote: 'The money itself, plus what those suppliers re-spend locally.',
  perOutsideNote: (answers) =>
    answers > 0
      ? `What suppliers outside the area re-spend locally: ${answers} answer${s(answers)}, the others at the default.`
      : 'What suppliers outside the area re-spend locally, at the default.',
  noLocalSpend: 'no spend with local suppliers',
  noNonLocalSpend: 'no spend with suppliers located outside the area',
  answersWithheld: (answers, minimum) =>
    `${answers === 1 ? 'One survey answer is' : `${answers} survey answers are`} not used yet: a published figure never rests on fewer than ${minimum} answers from one group (local suppliers, the others), so that no supplier’s own figures can be read from it (statistical confidentiality). Until then, the default applies.`,
  unknownLocality: (amount) =>
    `${amount} paid to suppliers that are not located counts neither as local nor as outside the area.`,
  base: {
    influenceable: 'Round 1: the influenceable spend, plus staff costs where the anchor states them.',
    'total-expenditure': 'Round 1: the total expenditure the anchors state, staff included.',
  },
  baseFallback:
    'The total expenditure was asked for, but not every anchor states it for this year: round 1 is the influenceable spend.',
  rounds: {
    caption: 'The three rounds of spending',
    round: 'Round',
    what: 'What is counted',
    amount: 'Amount',
    detail: 'Of which',
    r1: 'Round 1',
    r2: 'Round 2',
    r3: 'Round 3',
    r1What: 'The anchors’ spending',
    r2What: 'The part that reaches the area',
    r3What: 'What local recipients re-spend there',
    spend: (amount) => `spend with suppliers: ${amount}`,
    staff: (amount) => `stated staff costs: ${amount}`,
    localSuppliers: (amount) => `local suppliers: ${amount}`,
    localWages: (amount) => `wages of staff living in the area: ${amount}`,
    answered: (amount) => `suppliers that answered, from their answers: ${amount}`,
    defaults: (amount) => `other local suppliers, defaults: ${amount}`,
    staffRespend: (amount) => `staff, default: ${amount}`,
    r3Range: (low, high) => `${low} to ${high} depending on the defaults`,
    formula: (r1, r2, r3, lm3) => `LM3 = (${r1} + ${r2} + ${r3}) / ${r1} = ${lm3}`,
  },
  chart: {
    title: 'The three rounds of the local multiplier',
    subtitle: 'Each round’s amount, by where it comes from',
    description: 'Each round’s amount',
    spend: 'Spend with suppliers',
    staff: 'Staff',
    localSuppliers: 'Local suppliers',
    answered: 'Survey answers',
    defaults: 'Defaults (assumptions)',
  },
  defaults: {
    heading: 'The defaults and their sources',
    intro:
      'A supplier that has not answered takes its group’s local re-spend share below. The only published ' +
      'figures are the New Economics Foundation’s LM3 study for Northumberland (local suppliers re-spent ' +
      '76% locally, suppliers outside 36%); no figure by type or size is published, and the ranges are ' +
      'this method’s assumptions.',
    caption: 'Assumed local re-spend share, by group',
    row: 'Group',
    central: 'Value used',
    range: 'Range',
    basis: 'Basis',
    source: 'Source',
    covered: 'Spend covered',
    rows: {
      'social-economy': 'Social economy (cooperatives, associations…)',
      'small-business': 'SMEs and sole traders',
      'large-business': 'Mid-size and large companies',
      public: 'Public bodies and publicly owned companies',
      'size-unknown': 'Type or size not known',
      'non-local': 'Suppliers outside the area',
      staff: 'Staff living in the area',
    },
    bases: { published: 'published', assumption: 'method assumption', territory: 'territory’s own' },
    basisText: (central, range) => `value: ${central}; range: ${range}`,
    sources: {
      'nef-northumberland-2005':
        'New Economics Foundation and Northumberland County Council, LM3 study (results released 7 March 2005)',
      'method-assumption': 'Ancrage method assumption (no published figure): replace with a surveyed value',
    },
    sourceShort: {
      'nef-northumberland-2005': 'nef, Northumberland (2005)',
      'method-assumption': 'Ancrage method',
    },
    territoryShort: 'Territory',
    citation: (short, full) => `${short}: ${full}`,
    nefNote: (nonLocal) =>
      nonLocal
        ? 'the published average of suppliers from outside Northumberland'
        : 'the published average of local suppliers, applied to this group for want of its own figure',
    territorySource: (text) => `Territory: ${text}`,
  },
  stated: {
    heading: 'What the anchors state',
    caption: 'Stated staff costs and total expenditure, with their source',
    none: 'Nothing stated for this period: neither staff costs nor a total expenditure are counted.',
    anchor: 'Anchor',
    year: 'Year',
    totalExpenditure: 'Total expenditure',
    staffCosts: 'Staff costs',
    localStaffShare: 'Share of staff living in the area',
    sourceOf: (anchor, year, source, asOf) =>
      `Source of ${anchor}’s inputs for ${year} (as of ${asOf}): ${source}`,
    notUsed: (anchor, year, reason) =>
      reason === 'other-year'
        ? `${anchor}’s inputs for ${year} are not used: the report’s period is another year.`
        : `${anchor}’s inputs for ${year} are not used: the report’s period is not one whole year (January to December).`,
  },
  scenario: {
    heading: 'What if part of the spend outside went to local suppliers?',
    lead: (share, amount) =>
      `Moving ${share} of the spend outside the area would add ${amount} to the local economy.`,
    shifted: (share, nonLocal, shifted) => `${share} × ${nonLocal} (spend outside the area) = ${shifted}`,
    worth: (perLocal, perOutside, difference) =>
      `each unit moved is worth ${perLocal} locally instead of ${perOutside}: ${perLocal} − ${perOutside} = ${difference}`,
    added: (shifted, difference, added) => `${shifted} × ${difference} = ${added}`,
    none: 'No scenario: it needs spend with local suppliers and outside the area, and a measurable multiplier.',
  },
};
