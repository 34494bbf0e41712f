import type { MultiplierLabels } from './labels-multiplier.ts';

const NBSP = '\u00A0';
const s = (n: number): string => (n > 1 ? 's' : '');

export const multiplierFr: MultiplierLabels = {
  heading: 'Effet multiplicateur local (LM3)',
  intro:
    'Ce que la dépense vaut pour le territoire une fois redépensée, selon la méthode Local Multiplier 3 ' +
    'de la New Economics Foundation\u00A0: tour 1, la dépense des institutions\u00A0; tour 2, la part qui ' +
    'arrive dans le territoire (fournisseurs locaux, salaires des agents qui y habitent)\u00A0; tour 3, ce ' +
    'que ces destinataires y redépensent. LM3 = (tour 1 + tour 2 + tour 3) / tour 1.',
  notMeasurable: {
    contracts:
      'Non calculé pour les marchés notifiés\u00A0: ce sont des montants engagés, souvent sur plusieurs années, ' +
      'pas l’argent dépensé sur une période. Voir le rapport des paiements.',
    'no-spend': 'Non mesurable\u00A0: aucune dépense n’est comptée sur la période.',
    'locality-not-measurable':
      'Non mesurable\u00A0: trop peu de la dépense est localisée pour mesurer la part locale (voir «\u00A0Où va ' +
      'l’argent\u00A0»)\u00A0; un multiplicateur calculé sur le reste passerait pour une mesure qu’il n’est pas.',
  },
  lm3: 'Multiplicateur local (LM3)',
  lm3Range: (low, high) => `de ${low} à ${high} selon les valeurs par défaut (hypothèses basses et hautes)`,
  lm3Note:
    'Un minimum\u00A0: la dépense dont le fournisseur n’est pas localisé n’est comptée ni locale ni hors territoire.',
  coverage: 'Couverture par l’enquête fournisseurs',
  coverageValue: (share, answers) =>
    `${share} du tour 2 (fournisseurs) couvert par ${answers} réponse${s(answers)}`,
  coverageNone: 'Aucune dépense auprès de fournisseurs locaux',
  coverageNote: 'Le reste du tour 3 repose sur les valeurs par défaut ci-dessous, qui sont des hypothèses.',
  perLocal: (unit) => `${unit} dépensé auprès de fournisseurs locaux`,
  perOutside: (unit) => `${unit} dépensé hors du territoire`,
  perValue: (value, low, high) => `vaut ${value} pour le territoire (de ${low} à ${high})`,
  perLocalNote: 'La somme elle-même, plus ce que ces fournisseurs redépensent localement.',
  perOutsideNote: (answers) =>
    answers > 0
      ? `Ce que les fournisseurs hors territoire redépensent localement\u00A0: ${answers} réponse${s(answers)}, les autres à la valeur par défaut.`
      : 'Ce que les fournisseurs hors territoire redépensent localement, à la valeur par défaut.',
  noLocalSpend: 'aucune dépense auprès de fournisseurs locaux',
  noNonLocalSpend: 'aucune dépense auprès de fournisseurs localisés hors du territoire',
  answersWithheld: (answers, minimum) =>
    `${answers === 1 ? 'Une réponse à l’enquête attend' : `${answers} réponses à l’enquête attendent`} d’être utilisée${answers === 1 ? '' : 's'}\u00A0: un chiffre publié ne repose jamais sur moins de ${minimum} réponses d’un même groupe (fournisseurs locaux, autres), pour qu’aucun fournisseur ne puisse y reconnaître les siens (secret statistique). D’ici là, la valeur par défaut s’applique.`,
  unknownLocality: (amount) =>
    `${amount} payés à des fournisseurs non localisés ne sont comptés ni localement ni hors du territoire.`,
  base: {
    influenceable:
      'Tour 1\u00A0: la dépense influençable, plus les frais de personnel quand l’institution les déclare.',
    'total-expenditure': 'Tour 1\u00A0: la dépense totale déclarée par les institutions, personnel compris.',
  },
  baseFallback:
    'La dépense totale était demandée, mais chaque institution ne la déclare pas pour cette année\u00A0: le tour 1 est la dépense influençable.',
  rounds: {
    caption: 'Les trois tours de dépense',
    round: 'Tour',
    what: 'Ce qui est compté',
    amount: 'Montant',
    detail: 'Dont',
    r1: 'Tour 1',
    r2: 'Tour 2',
    r3: 'Tour 3',
    r1What: 'La dépense des institutions',
    r2What: 'La part qui arrive dans le territoire',
    r3What: 'Ce que les destinataires locaux y redépensent',
    spend: (amount) => `dépense auprès des fournisseurs${NBSP}: ${amount}`,
    staff: (amount) => `frais de personnel déclarés${NBSP}: ${amount}`,
    localSuppliers: (amount) => `fournisseurs locaux${NBSP}: ${amount}`,
    localWages: (amount) => `salaires des agents habitant le territoire${NBSP}: ${amount}`,
    answered: (amount) => `fournisseurs ayant répondu, d’après leurs réponses${NBSP}: ${amount}`,
    defaults: (amount) => `autres fournisseurs locaux, valeurs par défaut${NBSP}: ${amount}`,
    staffRespend: (amount) => `agents, valeur par défaut${NBSP}: ${amount}`,
    r3Range: (low, high) => `de ${low} à ${high} selon les valeurs par défaut`,
    formula: (r1, r2, r3, lm3) => `LM3 = (${r1} + ${r2} + ${r3}) / ${r1} = ${lm3}`,
  },
  chart: {
    title: 'Les trois tours de l’effet multiplicateur local',
    subtitle: 'Montants de chaque tour, par origine',
    description: 'Montant de chaque tour',
    spend: 'Dépense auprès des fournisseurs',
    staff: 'Personnel',
    localSuppliers: 'Fournisseurs locaux',
    answered: 'Réponses à l’enquête',
    defaults: 'Valeurs par défaut (hypothèses)',
  },
  defaults: {
    heading: 'Les valeurs par défaut et leurs sources',
    intro:
      'Sans réponse d’un fournisseur, sa part de redépense locale est celle de son groupe ci-dessous. ' +
      'Le seul chiffre publié est l’étude LM3 de la New Economics Foundation pour le Northumberland ' +
      '(fournisseurs locaux\u00A0: 76\u00A0% redépensés localement, hors territoire\u00A0: 36\u00A0%)\u00A0; aucun ' +
      'chiffre par type ou par taille n’est publié, et les fourchettes sont des hypothèses de la méthode.',
    caption: 'Part de redépense locale supposée, par groupe',
    row: 'Groupe',
    central: 'Valeur retenue',
    range: 'Fourchette',
    basis: 'Nature',
    source: 'Source',
    covered: 'Dépense couverte',
    rows: {
      'social-economy': 'Économie sociale et solidaire (coopératives, associations…)',
      'small-business': 'PME et entrepreneurs individuels',
      'large-business': 'ETI et grandes entreprises',
      public: 'Organismes et entreprises publics',
      'size-unknown': 'Type ou taille non déterminés',
      'non-local': 'Fournisseurs hors territoire',
      staff: 'Agents habitant le territoire',
    },
    bases: { published: 'publiée', assumption: 'hypothèse de la méthode', territory: 'donnée du territoire' },
    basisText: (central, range) => `valeur\u00A0: ${central}\u00A0; fourchette\u00A0: ${range}`,
    sources: {
      'nef-northumberland-2005':
        'New Economics Foundation et Northumberland County Council, étude LM3 (résultats publiés le 7 mars 2005)',
      'method-assumption':
        'Hypothèse de la méthode Ancrage (aucun chiffre publié)\u00A0: à remplacer par une valeur d’enquête',
    },
    sourceShort: {
      'nef-northumberland-2005': 'nef, Northumberland (2005)',
      'method-assumption': 'Méthode Ancrage',
    },
    territoryShort: 'Territoire',
    citation: (short, full) => `${short}\u00A0: ${full}`,
    nefNote: (nonLocal) =>
      nonLocal
        ? 'moyenne publiée des fournisseurs hors du Northumberland'
        : 'moyenne publiée des fournisseurs locaux, appliquée à ce groupe faute de chiffre propre',
    territorySource: (text) => `Territoire\u00A0: ${text}`,
  },
  stated: {
    heading: 'Données déclarées par les institutions',
    caption: 'Personnel et dépense totale déclarés, avec leur source',
    none: 'Aucune donnée déclarée pour cette période\u00A0: ni frais de personnel ni dépense totale ne sont comptés.',
    anchor: 'Institution',
    year: 'Année',
    totalExpenditure: 'Dépense totale',
    staffCosts: 'Frais de personnel',
    localStaffShare: 'Part des agents habitant le territoire',
    sourceOf: (anchor, year, source, asOf) =>
      `Source des données de ${anchor} pour ${year} (à la date du ${asOf})\u00A0: ${source}`,
    notUsed: (anchor, year, reason) =>
      reason === 'other-year'
        ? `Les données de ${anchor} pour ${year} ne sont pas utilisées\u00A0: la période du rapport est une autre année.`
        : `Les données de ${anchor} pour ${year} ne sont pas utilisées\u00A0: la période du rapport ne couvre pas une année entière (janvier à décembre).`,
  },
  scenario: {
    heading: 'Et si une part de la dépense hors territoire allait à des fournisseurs locaux\u00A0?',
    lead: (share, amount) =>
      `Déplacer ${share} de la dépense hors territoire ajouterait ${amount} à l’économie locale.`,
    shifted: (share, nonLocal, shifted) => `${share} × ${nonLocal} (dépense hors territoire) = ${shifted}`,
    worth: (perLocal, perOutside, difference) =>
      `chaque unité déplacée vaut ${perLocal} localement au lieu de ${perOutside}\u00A0: ${perLocal} − ${perOutside} = ${difference}`,
    added: (shifted, difference, added) => `${shifted} × ${difference} = ${added}`,
    none: 'Pas de scénario\u00A0: il faut une dépense auprès de fournisseurs locaux et hors territoire, et un multiplicateur mesurable.',
  },
};
