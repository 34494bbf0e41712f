import type { Language } from '../contracts/portal-api.ts';
import type { SurveyAnswerField } from '../domain/multiplier/survey-answer.ts';

/** Every word of the supplier survey's form, in French and English. */
export interface SurveyFormText {
  readonly title: string;
  readonly otherLanguage: string;
  readonly asks: (institution: string, supplier: string) => string;
  readonly why: string;
  readonly validUntil: (date: string) => string;
  readonly fields: Readonly<Record<SurveyAnswerField, { readonly label: string; readonly hint: string }>>;
  readonly errorsTitle: string;
  readonly submit: string;
  readonly thanks: string;
  readonly saved: string;
  readonly answeredAlready: string;
  readonly withdrawIntro: string;
  readonly withdraw: string;
  readonly withdrawn: string;
  readonly withdrawnNow: string;
  readonly expired: string;
  readonly unknown: string;
  readonly tooLarge: string;
  readonly privacyTitle: string;
  readonly privacy: readonly string[];
}

const FR: SurveyFormText = {
  title: 'Questionnaire fournisseurs — achats et emplois locaux',
  otherLanguage: 'English',
  asks: (institution, supplier) =>
    `${institution} demande à ${supplier} cinq chiffres sur ses achats et ses emplois.`,
  why: 'Ils servent à estimer ce que chaque euro dépensé auprès de vous rapporte au territoire (le « multiplicateur local »). Des ordres de grandeur suffisent.',
  validUntil: (date) => `Ce lien est valable jusqu’au ${date}.`,
  fields: {
    purchasesSharePercent: {
      label: 'Vos achats auprès d’autres entreprises, en % de votre chiffre d’affaires',
      hint: 'Entre 0 et 100, par exemple 40.',
    },
    localPurchasesSharePercent: {
      label: 'Part de ces achats faite auprès d’entreprises du territoire, en %',
      hint: 'Entre 0 et 100.',
    },
    wageBillSharePercent: {
      label: 'Votre masse salariale, en % de votre chiffre d’affaires',
      hint: 'Achats et salaires ensemble ne dépassent pas 100.',
    },
    employees: { label: 'Votre effectif (nombre de salariés)', hint: 'Un nombre entier, par exemple 12.' },
    localEmployees: {
      label: 'Nombre de vos salariés qui habitent le territoire',
      hint: 'Au plus votre effectif.',
    },
    respondentRole: {
      label: 'Votre fonction',
      hint: 'Par exemple « gérante » ou « comptable ». Ne donnez pas votre nom.',
    },
  },
  errorsTitle: 'Certaines réponses sont à corriger :',
  submit: 'Envoyer mes réponses',
  thanks: 'Merci !',
  saved: 'Vos réponses sont enregistrées.',
  answeredAlready: 'Ce lien a déjà servi à répondre : une réponse ne peut être envoyée qu’une fois.',
  withdrawIntro:
    'Vous pouvez retirer votre réponse à tout moment : elle est alors effacée et n’est plus utilisée.',
  withdraw: 'Retirer ma réponse / ne pas participer',
  withdrawn: 'Ce lien a servi à retirer la réponse ; il ne fonctionne plus.',
  withdrawnNow: 'C’est fait : votre réponse est effacée et vous ne recevrez pas de rappel.',
  expired: 'Ce lien a expiré. Demandez-en un nouveau à l’institution qui vous l’a envoyé.',
  unknown: 'Ce lien ne mène à aucun questionnaire : il est erroné, ou un lien plus récent l’a remplacé.',
  tooLarge: 'Ces réponses sont trop longues pour être celles du questionnaire : rien n’est enregistré.',
  privacyTitle: 'Vos données',
  privacy: [
    'Ce qui est conservé : les six réponses ci-dessus, la date de la réponse et la fonction déclarée. Aucun nom n’est demandé ; l’application n’enregistre ni votre adresse e-mail ni votre adresse IP avec la réponse.',
    'Qui le voit : les agents de l’institution qui vous a écrit, dans leur portail. Les rapports publiés ne montrent que des totaux sur l’ensemble des fournisseurs, jamais vos chiffres.',
    'Combien de temps : tant que l’institution mène l’enquête, et jusqu’à ce que vous retiriez votre réponse. Un rapport déjà publié garde ses totaux ; les suivants ne l’utilisent plus.',
    'Retrait : avec ce même lien, le bouton « Retirer ma réponse » efface votre réponse. Le lien ne sert ensuite plus.',
  ],
};

const EN: SurveyFormText = {
  title: 'Supplier survey — local purchases and jobs',
  otherLanguage: 'Français',
  asks: (institution, supplier) =>
    `${institution} asks ${supplier} for five figures on its purchases and jobs.`,
  why: 'They are used to estimate what each euro or pound spent with you brings to the area (the “local multiplier”). Rough figures are fine.',
  validUntil: (date) => `This link works until ${date}.`,
  fields: {
    purchasesSharePercent: {
      label: 'Your purchases from other businesses, as a % of your turnover',
      hint: 'Between 0 and 100, such as 40.',
    },
    localPurchasesSharePercent: {
      label: 'Share of those purchases made from businesses based in the area, in %',
      hint: 'Between 0 and 100.',
    },
    wageBillSharePercent: {
      label: 'Your wage bill, as a % of your turnover',
      hint: 'Purchases and wages together do not exceed 100.',
    },
    employees: { label: 'Your headcount (number of employees)', hint: 'A whole number, such as 12.' },
    localEmployees: { label: 'How many of your employees live in the area', hint: 'At most your headcount.' },
    respondentRole: {
      label: 'Your role',
      hint: 'Such as “owner” or “finance manager”. Do not give your name.',
    },
  },
  errorsTitle: 'Some answers need correcting:',
  submit: 'Send my answers',
  thanks: 'Thank you!',
  saved: 'Your answers are recorded.',
  answeredAlready: 'This link was used to answer already: an answer can be sent once only.',
  withdrawIntro: 'You can withdraw your answer at any time: it is then deleted and no longer used.',
  withdraw: 'Withdraw my answer / do not take part',
  withdrawn: 'This link was used to withdraw the answer; it no longer works.',
  withdrawnNow: 'Done: your answer is deleted and you will not be reminded.',
  expired: 'This link has expired. Ask the institution that sent it for a new one.',
  unknown: 'This link leads to no survey: it is wrong, or a newer link replaced it.',
  tooLarge: 'These answers are too long to be the survey’s: nothing is recorded.',
  privacyTitle: 'Your data',
  privacy: [
    'What is kept: the six answers above, the date of the answer and the role you give. No name is asked; the application stores neither your e-mail address nor your IP address with the answer.',
    'Who sees it: the officers of the institution that wrote to you, in their portal. Published reports show only totals over all suppliers, never your figures.',
    'For how long: as long as the institution runs the survey, and until you withdraw your answer. A report already published keeps its totals; later ones no longer use it.',
    'Withdrawing: with this same link, the “Withdraw my answer” button deletes your answer. The link then stops working.',
  ],
};

export const SURVEY_FORM_TEXT: Readonly<Record<Language, SurveyFormText>> = { fr: FR, en: EN };
