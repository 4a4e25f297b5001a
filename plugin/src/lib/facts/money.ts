/** Medusa returns decimals as numbers, strings or BigNumber objects depending on the path. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) {
    return 0
  }
  if (typeof value === "number") {
    return value
  }
  if (typeof value === "string") {
    return Number(value)
  }
  if (typeof value === "object") {
    const candidate = value as { numeric?: unknown; value?: unknown; toJSON?: () => unknown }
    if (typeof candidate.numeric === "number") {
      return candidate.numeric
    }
    if (candidate.value !== undefined) {
      return Number(candidate.value)
    }
    if (typeof candidate.toJSON === "function") {
      return Number(candidate.toJSON())
    }
  }
  return Number(value)
}

/** Money stays exact to a millionth of a unit, enough for every currency Medusa supports. */
export function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
