/**
 * The speed test's catalogue: daily series of two years in a stated mix, drawn from a seeded
 * generator so every run times the same work. 40% smooth (level, slow drift, noise), 30% seasonal
 * (weekly and yearly shape), 30% intermittent (a sale on about one day in five).
 */
export const MIX = { smooth: 0.4, seasonal: 0.3, intermittent: 0.3 }

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function poisson(r: () => number, mu: number): number {
  if (mu > 30) return Math.max(0, Math.round(mu + Math.sqrt(mu) * gauss(r)))
  const l = Math.exp(-mu)
  let k = 0
  let p = 1
  do {
    k++
    p *= r()
  } while (p > l)
  return k - 1
}

function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r())
}

export type SyntheticSeries = { kind: keyof typeof MIX; values: number[] }

/** Series `i` of a catalogue of `count`: each seeded by its index, so workers can make their share. */
export function syntheticSeries(i: number, count: number, length: number): SyntheticSeries {
  const r = rng(1000 + i)
  const u = i / count
  const kind: keyof typeof MIX = u < MIX.smooth ? "smooth" : u < MIX.smooth + MIX.seasonal ? "seasonal" : "intermittent"
  const base = 2 + 40 * r()
  const drift = (r() - 0.5) * 0.02
  const week = Array.from({ length: 7 }, () => 0.7 + 0.6 * r())
  const yearAmp = 0.3 * r()
  const values: number[] = []
  for (let t = 0; t < length; t++) {
    let mu = Math.max(0.1, base * (1 + drift * (t / 30)))
    if (kind === "seasonal") mu *= week[t % 7] * (1 + yearAmp * Math.sin((2 * Math.PI * t) / 365))
    if (kind === "intermittent") values.push(r() < 0.2 ? 1 + poisson(r, 1.5) : 0)
    else values.push(poisson(r, mu))
  }
  return { kind, values }
}

export function syntheticCatalogue(count: number, length: number): SyntheticSeries[] {
  return Array.from({ length: count }, (_, i) => syntheticSeries(i, count, length))
}
