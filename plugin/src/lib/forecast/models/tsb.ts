import type { Forecaster } from "../types"

/**
 * Teunter-Syntetos-Babai: smooths the probability of a demand every period (not only when one
 * occurs), so a dying item's forecast decays instead of freezing as Croston's does.
 */
export type TsbState = { model: "tsb"; alpha: number; beta: number; size: number; probability: number }

const ALPHAS = [0.05, 0.1, 0.2, 0.3]
const BETAS = [0.01, 0.03, 0.05, 0.1, 0.2]

function step(s: TsbState, y: number): TsbState {
  if (y > 0) {
    return { ...s, size: s.size + s.alpha * (y - s.size), probability: s.probability + s.beta * (1 - s.probability) }
  }
  return { ...s, probability: s.probability - s.beta * s.probability }
}

function start(y: readonly number[], alpha: number, beta: number): TsbState {
  const head = y.slice(0, Math.max(12, Math.ceil(y.length / 3)))
  const nz = head.filter((v) => v > 0)
  const size = nz.length ? nz.reduce((a, b) => a + b, 0) / nz.length : 0
  return { model: "tsb", alpha, beta, size, probability: head.length ? nz.length / head.length : 0 }
}

export const tsb: Forecaster<TsbState> = {
  name: "tsb",
  family: "intermittent",
  fit: (y) => {
    // a small grid is enough: the loss is flat near its minimum and the grid is cheap and stable
    let best: { s: TsbState; sse: number } | null = null
    for (const a of ALPHAS) {
      for (const b of BETAS) {
        let s = start(y, a, b)
        let sse = 0
        for (const v of y) {
          const e = v - s.size * s.probability
          sse += e * e
          s = step(s, v)
        }
        if (!best || sse < best.sse) best = { s, sse }
      }
    }
    return best!.s
  },
  update: step,
  predict: (s, h) => new Array(h).fill(s.size * s.probability),
}
