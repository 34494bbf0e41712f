export type LookupIdentifier =
  | { readonly kind: 'siren'; readonly siren: string }
  | { readonly kind: 'siret'; readonly siren: string; readonly siret: string };

/**
 * A SIREN (9 digits) or a SIRET (14 digits), exactly: checked before any request so that a
 * malformed identifier never costs a call against the provider's rate limit.
 */
export function parseLookupIdentifier(identifier: string): LookupIdentifier | undefined {
  if (/^\d{9}$/.test(identifier)) return { kind: 'siren', siren: identifier };
  if (/^\d{14}$/.test(identifier)) return { kind: 'siret', siren: identifier.slice(0, 9), siret: identifier };
  return undefined;
}

export const invalidIdentifierReason = (identifier: string) =>
  `invalid identifier "${identifier.slice(0, 40)}": a SIREN is 9 digits, a SIRET 14`;
