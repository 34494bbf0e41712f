/**
 * Whether an HTTP event's body is over `maxBytes` once decoded, told without decoding it: base64's
 * decoded length is computed from its text, and text is at least one UTF-8 byte per UTF-16 unit and at
 * most three, so it is counted byte by byte only when its length alone cannot tell.
 */
export function isBodyOver(
  http: { readonly body?: string | undefined; readonly isBase64Encoded?: boolean | undefined },
  maxBytes: number,
): boolean {
  const raw = http.body ?? '';
  if (http.isBase64Encoded) return Buffer.byteLength(raw, 'base64') > maxBytes;
  if (raw.length > maxBytes) return true;
  return raw.length * 3 > maxBytes && Buffer.byteLength(raw, 'utf8') > maxBytes;
}
