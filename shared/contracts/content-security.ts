/**
 * The content-security policies of what Ancrage serves, declared once: the CDK distribution and the
 * local server of `ancrage serve` send the same. Neither page makes a request to another origin.
 */

/** Published reports: self-contained HTML, inline styles and SVG charts, no script at all. */
export const REPORTS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/** The portal: its own scripts, styles and API only. */
export const PORTAL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
].join('; ');
