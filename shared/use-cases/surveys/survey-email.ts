import type { Language, SurveyEmail } from '../../contracts/portal-api.ts';
import { formatDate } from '../../render/labels.ts';

export interface EmailFacts {
  /** The institution asking, by its name (its id when it has none). */
  readonly institution: string;
  readonly supplierName: string;
  readonly link: string;
  readonly expiresAt: Date;
  readonly reminder: boolean;
}

/** The link's last day, as the report and the form write dates. */
const day = (date: Date, language: Language) => formatDate(date.toISOString().slice(0, 10), language);

function french(facts: EmailFacts): SurveyEmail {
  return {
    subject: `${facts.reminder ? 'Rappel : ' : ''}${facts.institution} — questionnaire sur vos achats et vos emplois locaux`,
    body: [
      'Bonjour,',
      '',
      `${facts.institution} mesure ce que ses achats apportent à l'économie du territoire. Nous vous`,
      `demandons, pour ${facts.supplierName}, cinq chiffres : vos achats et votre masse salariale`,
      "(en % du chiffre d'affaires), la part de ces achats faite auprès d'entreprises du territoire,",
      'votre effectif et combien de vos salariés y habitent. Cela prend cinq minutes, sans compte ni mot de passe, et aucun nom n’est demandé.',
      '',
      `Le questionnaire : ${facts.link}`,
      `Ce lien personnel est valable jusqu'au ${day(facts.expiresAt, 'fr')} ; ne le transférez pas.`,
      facts.reminder ? 'Il remplace le lien envoyé précédemment, qui ne fonctionne plus.' : '',
      '',
      'Vous pourrez retirer votre réponse à tout moment avec ce même lien. La page du questionnaire',
      'dit ce qui est conservé, combien de temps et qui le voit.',
      '',
      'Merci de votre aide.',
    ]
      .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
      .join('\n'),
  };
}

function english(facts: EmailFacts): SurveyEmail {
  return {
    subject: `${facts.reminder ? 'Reminder: ' : ''}${facts.institution} — a short survey on your local purchases and jobs`,
    body: [
      'Hello,',
      '',
      `${facts.institution} measures what its spending brings to the local economy. We are asking`,
      `${facts.supplierName} for five figures: your purchases and wage bill (as % of turnover), the`,
      'share of those purchases made from businesses based in the area, your headcount and how many',
      'of your staff live locally. It takes five minutes, with no account or password, and no name is asked.',
      '',
      `The survey: ${facts.link}`,
      `This personal link works until ${day(facts.expiresAt, 'en')}; please do not forward it.`,
      facts.reminder ? 'It replaces the link sent before, which no longer works.' : '',
      '',
      'You can withdraw your answer at any time with the same link. The survey page says what is',
      'kept, for how long and who sees it.',
      '',
      'Thank you for your help.',
    ]
      .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
      .join('\n'),
  };
}

/** The invitation or reminder e-mail, in the language chosen for the supplier. */
export function surveyEmail(facts: EmailFacts, language: Language): SurveyEmail {
  return language === 'fr' ? french(facts) : english(facts);
}
