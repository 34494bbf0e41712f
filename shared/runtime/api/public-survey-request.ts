import * as z from 'zod';
import {
  type Language,
  PUBLIC_SURVEY_ROUTES,
  type PublicSurveyRouteKey,
  routeKeyOf,
} from '../../contracts/portal-api.ts';
import { SURVEY_TOKEN_PATTERN } from '../../use-cases/surveys/survey-tokens.ts';
import { isBodyOver } from './body-bound.ts';

const PUBLIC_KEYS: ReadonlySet<string> = new Set(PUBLIC_SURVEY_ROUTES.map(routeKeyOf));

/** The survey form's routes: the only ones answered without a caller (the token is the authorisation). */
export const isPublicSurveyRoute = (routeKey: string): routeKey is PublicSurveyRouteKey =>
  PUBLIC_KEYS.has(routeKey);

/** The form's answers are a few dozen characters: anything past this is not an answer. */
export const MAX_FORM_BODY_BYTES = 8 * 1024;

export interface PublicSurveyRequest {
  readonly routeKey: PublicSurveyRouteKey;
  readonly token: string;
  readonly language: Language;
  /** The body as sent (form-urlencoded), undefined for none. */
  readonly body: string | undefined;
}

const LanguageQuerySchema = z.object({ lang: z.enum(['fr', 'en']).catch('fr').default('fr') });

/**
 * The form's request from the HTTP event: its token (a forged one is answered 404 by the use case), its language (French unless `?lang=en`), its body decoded — or `tooLarge` past the
 * form's bound, checked before decoding anything.
 */
export function publicSurveyRequest(http: {
  readonly routeKey: PublicSurveyRouteKey;
  readonly pathParameters?: Readonly<Record<string, string>> | undefined;
  readonly queryStringParameters?: Readonly<Record<string, string>> | undefined;
  readonly body?: string | undefined;
  readonly isBase64Encoded?: boolean | undefined;
}): PublicSurveyRequest & { readonly tooLarge: boolean } {
  const raw = http.body ?? '';
  const tooLarge = isBodyOver(http, MAX_FORM_BODY_BYTES);
  const body =
    tooLarge || raw === ''
      ? undefined
      : http.isBase64Encoded
        ? Buffer.from(raw, 'base64').toString('utf8')
        : raw;
  return {
    routeKey: http.routeKey,
    // Not token-shaped (a lone surrogate, a path of its own): answered as no such form, and never
    // echoed into the page, whose links encode it.
    token: SURVEY_TOKEN_PATTERN.test(http.pathParameters?.token ?? '')
      ? (http.pathParameters?.token ?? '')
      : '',
    language: LanguageQuerySchema.parse(http.queryStringParameters ?? {}).lang,
    body,
    tooLarge,
  };
}

/**
 * The public origin a request came to, from API Gateway's `requestContext.domainName` (else `Host`)
 * and `X-Forwarded-Proto` (API Gateway's is always https; `ancrage serve` says http): the survey's
 * links start with it. Undefined when it is not a plain host name.
 */
export function requestOrigin(event: unknown): string | undefined {
  const parsed = z
    .object({
      headers: z.record(z.string(), z.string()).optional(),
      requestContext: z.object({ domainName: z.string().optional() }).optional(),
    })
    .safeParse(event);
  if (!parsed.success) return undefined;
  const headers = parsed.data.headers ?? {};
  const host = parsed.data.requestContext?.domainName ?? headers.host;
  if (!host || !/^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host))
    return undefined;
  const scheme = headers['x-forwarded-proto'] === 'http' ? 'http' : 'https';
  return `${scheme}://${host.toLowerCase()}`;
}
