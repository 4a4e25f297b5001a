/**
 * Exact fractions over BigInt. Pay is a rate times an amount (3.5% of 1,234.57): in floating
 * point 123457 * 0.035 comes out a hair under 4320.995 and rounds the wrong way, so a statement
 * would be a cent off a hand calculation. Rates and amounts enter as their decimal text and stay
 * exact until the one rounding per statement line.
 */
export type Ratio = { readonly n: bigint; readonly d: bigint }

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a
  while (b) [a, b] = [b, a % b]
  return a
}

// Reducing costs a gcd on every operation; a statement line is a handful of operations, so
// fractions are reduced only once their denominator grows past 2^64.
const REDUCE_ABOVE = 1n << 64n

function make(n: bigint, d: bigint): Ratio {
  if (d === 1n) return { n, d }
  if (d === 0n) throw new RangeError("division by zero")
  if (d < 0n) [n, d] = [-n, -d]
  if (d < REDUCE_ABOVE) return { n, d }
  const g = gcd(n, d)
  return g > 1n ? { n: n / g, d: d / g } : { n, d }
}

export const ZERO: Ratio = { n: 0n, d: 1n }
export const ONE: Ratio = { n: 1n, d: 1n }

// Rates, edges and split fractions repeat on every statement: parse each text once.
const parsed = new Map<string, Ratio>()

/** A number or decimal text as it reads (0.035 is 35/1000, not the nearest double). */
export function ratio(value: number | string | Ratio): Ratio {
  if (typeof value === "object") return value
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`)
    if (Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n }
  }
  const text = String(value)
  let known = parsed.get(text)
  if (!known) {
    known = parse(text)
    if (parsed.size < 100_000) parsed.set(text, known)
  }
  return known
}

function parse(text: string): Ratio {
  const value = text
  const m = DECIMAL.exec(text.trim())
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal number: ${value}`)
  const digits = (m[2] || "0") + (m[3] ?? "")
  const exponent = Number(m[4] ?? 0) - (m[3] ?? "").length
  let n = BigInt(digits)
  let d = 1n
  if (exponent >= 0) n *= 10n ** BigInt(exponent)
  else d = 10n ** BigInt(-exponent)
  return make(m[1] === "-" ? -n : n, d)
}

export const add = (a: Ratio, b: Ratio): Ratio => (a.d === b.d ? make(a.n + b.n, a.d) : make(a.n * b.d + b.n * a.d, a.d * b.d))
export const sub = (a: Ratio, b: Ratio): Ratio => add(a, { n: -b.n, d: b.d })
export const mul = (a: Ratio, b: Ratio): Ratio => make(a.n * b.n, a.d * b.d)
export const div = (a: Ratio, b: Ratio): Ratio => make(a.n * b.d, a.d * b.n)
export const cmp = (a: Ratio, b: Ratio): number => {
  const x = a.n * b.d
  const y = b.n * a.d
  return x < y ? -1 : x > y ? 1 : 0
}
export const min = (a: Ratio, b: Ratio): Ratio => (cmp(a, b) <= 0 ? a : b)
export const max = (a: Ratio, b: Ratio): Ratio => (cmp(a, b) >= 0 ? a : b)
export const isZero = (a: Ratio): boolean => a.n === 0n
export const toNumber = (a: Ratio): number => Number(a.n) / Number(a.d)

/** The smallest integer not below a (for "how many more orders"). */
export function ceil(a: Ratio): bigint {
  const q = a.n / a.d
  return a.n % a.d !== 0n && a.n > 0n ? q + 1n : q
}

/** Sum of a list. */
export function sum(values: readonly Ratio[]): Ratio {
  return values.reduce(add, ZERO)
}
