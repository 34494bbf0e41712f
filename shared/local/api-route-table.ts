import { PORTAL_API_ROUTES, type PortalRoute, routeKeyOf } from '../contracts/portal-api.ts';

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
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  const candidates = COMPILED.filter((compiled) => compiled.route.method === method)
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
export function pathExists(path: string): boolean {
  return COMPILED.some((compiled) => compiled.pattern.test(path));
}
