/**
 * The content-security policies of what Ancrage serves, declared once: the CDK distribution and the
 * local server of `ancrage serve` send the same. Neither page makes a request to another origin.
 */

/** Published reports: self-contained HTML, inline styles and SVG charts, no script at all. */
export const REPORTS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/**
 * The portal: its own scripts and styles only. It talks to its own origin and, in AWS, to the API's
 * and the uploads bucket's origins (`connect`): under `ancrage serve` both are same-origin.
 */
export function portalCsp(connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The supplier survey's form (served by the API, open without signing in): no script at all, its one
 * inline style allowed by its hash, posts to its own origin only, never framed.
 */
export function surveyFormCsp(styleSha256: string): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${styleSha256}'`,
    "img-src 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
