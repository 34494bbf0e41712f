import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SurveyMailer } from '../ports/survey-mailer.ts';
import { EMULATOR_CREDENTIALS, EMULATOR_REGION } from './aws-clients.ts';

/**
 * SES in AWS; a local endpoint (a test's recorder) when one is given. The SDK's SES module loads
 * here, not when the API starts: few requests send an e-mail, and importing it at start-up made every
 * cold start of the API ~20 ms longer (BENCHMARKS.md, "Lambda bundles").
 */
export async function createSesClient(endpoint: string | undefined): Promise<SESv2Client> {
  const { SESv2Client } = await import('@aws-sdk/client-sesv2');
  if (!endpoint) return new SESv2Client({});
  return new SESv2Client({ endpoint, region: EMULATOR_REGION, credentials: EMULATOR_CREDENTIALS });
}

/**
 * Survey e-mails through Amazon SES v2, from the deployment's verified sender, as plain text: the
 * link is the whole message, and a text e-mail carries no tracking pixel nor remote content. The
 * client is made on the first e-mail.
 */
export function createSesSurveyMailer(client: () => Promise<SESv2Client>, sender: string): SurveyMailer {
  let ready: Promise<SESv2Client> | undefined;
  return {
    async send(mail) {
      ready ??= client();
      const [ses, { SendEmailCommand }] = await Promise.all([ready, import('@aws-sdk/client-sesv2')]);
      await ses.send(
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
