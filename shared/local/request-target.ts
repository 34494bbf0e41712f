/** The path and query of a request, as the local server routes it. */
export interface RequestTarget {
  /** Still percent-encoded: routes match on it, as API Gateway's do. */
  readonly path: string;
  /** Without the `?`. */
  readonly query: string;
}

/** The percent-decoded text, or undefined for a malformed escape (`%E0%A4%A`): the client's error. */
export function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/**
 * The request's target, or undefined when it cannot be read or its path does not decode: every
 * later step (reports, static files, the API's path parameters) may then decode without failing.
 */
export function requestTarget(rawUrl: string | undefined): RequestTarget | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
  if (decodePath(url.pathname) === undefined) return undefined;
  return { path: url.pathname, query: url.search.slice(1) };
}
