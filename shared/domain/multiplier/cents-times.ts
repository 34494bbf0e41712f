/**
 * Cents times a share without losing a cent. A share is held as an integer number of millionths
 * (0.76 → 760 000; a millionth of a share is a ten-thousandth of a percentage point), and products are
 * added up as BigInt millionths of a cent: a billion-euro consortium's spend (10^11 cents) times a
 * million stays exact, and a total is rounded to the cent once, at the end.
 */
const SHARE_SCALE = 1_000_000n;

/** A non-negative ratio (a share, or 1.76 per unit) in millionths, rounded half up. */
export function ratioMillionths(ratio: number): bigint {
  if (!Number.isFinite(ratio) || ratio < 0)
    throw new RangeError(`a ratio must be finite and ≥ 0, got ${ratio}`);
  return BigInt(Math.round(ratio * 1e6));
}

/** A sum of cents × ratios, in millionths of a cent. */
export class CentsAccumulator {
  #total = 0n;

  add(cents: number, ratio: number): this {
    if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer, got ${cents}`);
    this.#total += BigInt(cents) * ratioMillionths(ratio);
    return this;
  }

  /** The total to the nearest cent (half away from zero). */
  cents(): number {
    return roundMillionths(this.#total);
  }
}

function roundMillionths(value: bigint): number {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const rounded = (magnitude + SHARE_SCALE / 2n) / SHARE_SCALE;
  const cents = Number(negative ? -rounded : rounded);
  return cents === 0 ? 0 : cents;
}

/** One amount in cents times a ratio, to the nearest cent. */
export function centsTimes(cents: number, ratio: number): number {
  return new CentsAccumulator().add(cents, ratio).cents();
}
