/** An e-mail to a supplier: sent through Amazon SES in AWS when a sender is configured. */
export interface SurveyMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

export interface SurveyMailer {
  send(mail: SurveyMail): Promise<void>;
}
