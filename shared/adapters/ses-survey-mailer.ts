import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { SurveyMailer } from '../ports/survey-mailer.ts';
import { EMULATOR_CREDENTIALS, EMULATOR_REGION } from './aws-clients.ts';

/** SES in AWS; a local endpoint (a test's recorder) when one is given. */
export function createSesClient(endpoint: string | undefined): SESv2Client {
  if (!endpoint) return new SESv2Client({});
  return new SESv2Client({ endpoint, region: EMULATOR_REGION, credentials: EMULATOR_CREDENTIALS });
}

/**
 * Survey e-mails through Amazon SES v2, from the deployment's verified sender, as plain text: the
 * link is the whole message, and a text e-mail carries no tracking pixel nor remote content.
 */
export function createSesSurveyMailer(client: SESv2Client, sender: string): SurveyMailer {
  return {
    async send(mail) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: sender,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.body, Charset: 'UTF-8' } },
            },
          },
        }),
      );
    },
  };
}
