/**
 * Exact fractions over BigInt. Unitizing α multiplies squared lengths by squared continuum
 * lengths, which outgrows 2^53 on long documents (DKPro Statistics switches to BigDecimal for
 * the same reason), and exactness lets "Do equals De" be decided without a tolerance.
 */
export interface Rational {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new Error("Rational with a zero denominator.");
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(abs(num), abs(den));
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subtract(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function divide(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

export function toNumber(a: Rational): number {
  return Number(a.num) / Number(a.den);
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
