import { handler } from '../../../functions/api/handler.ts';
import { localLambdaContext } from '../../../shared/local/lambda-context.ts';

export interface FormAnswer {
  readonly status: number;
  readonly html: string;
  readonly headers: Readonly<Record<string, string | number | boolean>>;
}

/** The token of a survey link (its last path segment). */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

/**
 * Calls the API handler as API Gateway calls the survey's public routes: no authorizer, no claims,
 * a form-urlencoded body.
 */
export async function form(
  routeKey: 'GET /survey/{token}' | 'POST /survey/{token}' | 'POST /survey/{token}/withdraw',
  token: string,
  options: { readonly body?: string; readonly lang?: string; readonly base64?: boolean } = {},
): Promise<FormAnswer> {
  const body = options.body;
  const event = {
    version: '2.0',
    routeKey,
    pathParameters: { token },
    ...(options.lang ? { queryStringParameters: { lang: options.lang } } : {}),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requestContext: { domainName: 'api.ancrage.example' },
    ...(body === undefined
      ? { isBase64Encoded: false }
      : options.base64
        ? { body: Buffer.from(body).toString('base64'), isBase64Encoded: true }
        : { body, isBase64Encoded: false }),
  };
  const response = await handler(event, localLambdaContext('api'));
  return { status: response.statusCode ?? 0, html: response.body ?? '', headers: response.headers ?? {} };
}

/** A whole, valid answer as the form posts it. */
export const GOOD_ANSWER = new URLSearchParams({
  purchasesSharePercent: '40',
  localPurchasesSharePercent: '50',
  wageBillSharePercent: '35,5',
  employees: '12',
  localEmployees: '9',
  respondentRole: 'gérante',
}).toString();
