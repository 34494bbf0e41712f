import {
  PORTAL_API_ROUTES,
  type PortalRoute,
  PUBLIC_SURVEY_ROUTES,
  routeKeyOf,
} from '../contracts/portal-api.ts';

export interface MatchedRoute {
  readonly routeKey: string;
  /** Percent-decoded, as API Gateway HTTP APIs pass them. */
  readonly pathParameters: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly route: PortalRoute;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** `{name}` matches one non-empty path segment, as in API Gateway's path templates. */
function compile(route: PortalRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{([a-zA-Z]+)\}$/.exec(segment);
      if (!parameter?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const COMPILED = PORTAL_API_ROUTES.map(compile);
/** The survey's form, served at the root (`/survey/<token>`) without a session, as API Gateway does. */
const PUBLIC_COMPILED = PUBLIC_SURVEY_ROUTES.map(compile);

/** A malformed escape is passed on as it came: the handler's validation answers it. */
function decodeSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? '';
  }
}

/**
 * The API Gateway route a request would take, from the same route list the CDK API is built from;
 * literal paths win over templates, as in API Gateway (`/reports/rebuild` is not `/reports/{id}`).
 */
export function matchRoute(method: string, path: string, routes = COMPILED): MatchedRoute | undefined {
  const candidates = routes
    .filter((compiled) => compiled.route.method === method)
    .map((compiled) => ({ compiled, match: compiled.pattern.exec(path) }))
    .filter((candidate) => candidate.match !== null)
    .sort((a, b) => a.compiled.names.length - b.compiled.names.length);
  const best = candidates[0];
  if (!best?.match) return undefined;
  const values = best.match.slice(1).map(decodeSegment);
  return {
    routeKey: routeKeyOf(best.compiled.route),
    pathParameters: Object.fromEntries(best.compiled.names.map((name, index) => [name, values[index] ?? ''])),
  };
}

/** Whether any route has this path with another method: a 405 rather than a 404. */
export function pathExists(path: string, routes = COMPILED): boolean {
  return routes.some((compiled) => compiled.pattern.test(path));
}

/** The survey form's route a request at the root would take, if any. */
export const matchPublicRoute = (method: string, path: string) => matchRoute(method, path, PUBLIC_COMPILED);
export const publicPathExists = (path: string) => pathExists(path, PUBLIC_COMPILED);
