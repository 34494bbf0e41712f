/**
 * Made-up, Luhn-valid SIRENs and SIRETs for the bench files. They name no real company: the SIRENs
 * are built from a counter in ranges chosen for the bench (see `supplierSiren`, `fillerSiren`).
 */

/** The Luhn check digit that completes `body`. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  // The check digit will sit at the right, so the rightmost digit of the body is doubled.
  for (let index = 0; index < body.length; index++) {
    let digit = body.charCodeAt(body.length - 1 - index) - 48;
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

const sirenFrom = (body: number) => {
  const digits = String(body).padStart(8, '0');
  return `${digits}${luhnCheckDigit(digits)}`;
};

/** The SIREN of the `n`-th paid supplier (8 9xx xxx xx + check digit). */
export const supplierSiren = (n: number): string => sirenFrom(89_000_000 + n);

/** The SIREN of the `n`-th registry filler unit, a range the paid suppliers never use. */
export const fillerSiren = (n: number): string => sirenFrom(70_000_000 + (n % 19_000_000));

export function siretOf(siren: string, nic: number): string {
  const body = `${siren}${String(nic % 10_000).padStart(4, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** The same SIRET with its last digit changed: it fails the Luhn check. */
export const breakLuhn = (siret: string): string => `${siret.slice(0, -1)}${(Number(siret.at(-1)) + 1) % 10}`;
