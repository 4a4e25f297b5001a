/**
 * Wall values that are too big to resend whole on every order go over the wire in pieces:
 * one key per row, and the value itself (its head) without the rows, saying how many there
 * are. An order changes one weekday of the heat map, one hour of today's curve and the last
 * point of the series, so the hub (which publishes only keys whose value changed) sends each
 * screen those rows, not 25 KB of figures.
 *
 * Keys: `heatMap` holds the heat map without `cells` plus `pieces: 7`, and `heatMap#0` ..
 * `heatMap#6` hold the weekday rows; `today` and `today#<i>` its hours; `series` is
 * `{ pieces: n }` and `series#<i>` its points. Every key is still an absolute value.
 * Pieces are listed before their head, so a screen that applies deltas in seq order never
 * holds a head that names a row it has not received. Rows past a head's count (a series
 * that got shorter) are left behind and ignored.
 */

/** The keys sent in pieces, and the field that holds their rows (null: the value is the rows). */
export const PIECED_KEYS: Readonly<Record<string, string | null>> = { heatMap: "cells", today: "hours", series: null }

export const pieceKey = (key: string, index: number) => `${key}#${index}`

type Values = Record<string, unknown>

/** A topic's values with the big ones cut into pieces (pieces first, then heads). */
export function inPieces(values: Values): Values {
  const pieces: Values = {}
  const rest: Values = {}
  for (const [key, value] of Object.entries(values)) {
    const field = PIECED_KEYS[key]
    const rows = field === undefined ? undefined : field === null ? value : (value as Values | null)?.[field]
    if (!Array.isArray(rows)) {
      rest[key] = value
      continue
    }
    rows.forEach((row, index) => (pieces[pieceKey(key, index)] = row))
    if (field === null) {
      rest[key] = { pieces: rows.length }
    } else {
      const { [field]: _rows, ...head } = value as Values
      rest[key] = { ...head, pieces: rows.length }
    }
  }
  return { ...pieces, ...rest }
}

/** The topic's values put back together: what `inPieces` was given (the mirror of it on the wall). */
export function joinPieces(values: Values): Values {
  const joined: Values = {}
  for (const [key, value] of Object.entries(values)) {
    if (key.includes("#")) continue
    const field = PIECED_KEYS[key]
    const head = value as { pieces?: unknown } | null
    if (field === undefined || typeof head?.pieces !== "number") {
      joined[key] = value
      continue
    }
    const rows = Array.from({ length: head.pieces }, (_, index) => values[pieceKey(key, index)])
    if (field === null) {
      joined[key] = rows
    } else {
      const { pieces: _count, ...rest } = head as Values
      joined[key] = { ...rest, [field]: rows }
    }
  }
  return joined
}
