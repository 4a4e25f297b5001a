/**
 * Wall values that are too big to resend whole on every order go over the wire split into
 * rows: one key per row, and the value itself (its head) without the rows, saying which rows
 * there are. An order changes one weekday of the heat map, one hour of today's curve, the last point
 * of the series and one ticker entry, so the hub (which publishes only keys whose value
 * changed) sends each screen those rows, not 30 KB of figures.
 *
 * Keys: `heatMap` holds the heat map without `cells` plus `rowCount: 7`, and `heatMap#0` ..
 * `heatMap#6` hold the weekday rows; `today` and `today#<i>` its hours; `series` is
 * `{ rowCount: n }` and `series#<i>` its points. Rows that have an identity are keyed by it, not
 * by their place (a new order would move every place): the ticker's `latest` is
 * `{ ids: [order ids, newest first] }` and `latest#<order id>` each entry.
 *
 * Every key is still an absolute value. Row keys are listed before their head, so a screen that
 * applies deltas in seq order never holds a head that names a row it has not received. A row key
 * its head no longer names is removed by sending it with the value null (see `staleRowKeys` and
 * `setValue`): otherwise each order would leave its ticker entry behind for good.
 */

type Cut = {
  /** The field that holds the rows; null when the value itself is the rows. */
  rows: string | null
  /** The row field that names a row; absent when rows are named by their place. */
  id?: string
}

/** The keys sent split into rows, and how they are cut. */
export const SPLIT_KEYS: Readonly<Record<string, Cut>> = {
  heatMap: { rows: "cells" },
  today: { rows: "hours" },
  series: { rows: null },
  latest: { rows: null, id: "orderId" },
}

export const rowKey = (key: string, part: number | string) => `${key}#${part}`

const headOf = (key: string) => {
  const at = key.indexOf("#")
  return at < 0 ? null : key.slice(0, at)
}

type Values = Record<string, unknown>

/** A topic's values with the big ones split into row keys (rows first, then heads). */
export function splitRows(values: Values): Values {
  const rowValues: Values = {}
  const rest: Values = {}
  for (const [key, value] of Object.entries(values)) {
    const cut = SPLIT_KEYS[key]
    const rows = cut === undefined ? undefined : cut.rows === null ? value : (value as Values | null)?.[cut.rows]
    if (!Array.isArray(rows)) {
      rest[key] = value
      continue
    }
    const parts = rows.map((row, index) => (cut.id ? String(row[cut.id]) : index))
    rows.forEach((row, index) => (rowValues[rowKey(key, parts[index])] = row))
    const named = cut.id ? { ids: parts } : { rowCount: rows.length }
    if (cut.rows === null) {
      rest[key] = named
    } else {
      const { [cut.rows]: _rows, ...head } = value as Values
      rest[key] = { ...head, ...named }
    }
  }
  return { ...rowValues, ...rest }
}

/** The topic's values put back together: what `splitRows` was given (the mirror of it on the wall). */
export function joinRows(values: Values): Values {
  const joined: Values = {}
  for (const [key, value] of Object.entries(values)) {
    if (key.includes("#")) continue
    const cut = SPLIT_KEYS[key]
    const head = value as { rowCount?: unknown; ids?: unknown } | null
    const parts = Array.isArray(head?.ids)
      ? (head.ids as string[])
      : typeof head?.rowCount === "number"
        ? Array.from({ length: head.rowCount }, (_, index) => index)
        : null
    if (cut === undefined || parts === null) {
      joined[key] = value
      continue
    }
    const rows = parts.map((part) => values[rowKey(key, part)])
    if (cut.rows === null) {
      joined[key] = rows
    } else {
      const { rowCount: _count, ids: _ids, ...rest } = head as Values
      joined[key] = { ...rest, [cut.rows]: rows }
    }
  }
  return joined
}

/**
 * The row keys of `current` that `next` leaves out although it carries their head: rows its head
 * no longer names. Sent with null after the head, so they are never missed while named.
 */
export function staleRowKeys(current: Values, next: Values): string[] {
  return Object.keys(current).filter((key) => {
    const head = headOf(key)
    return head !== null && head in next && !(key in next) && current[key] !== null
  })
}

/** Sets a key of a topic's values as a delta does: a row key with the value null is removed. */
export function setValue(values: Values, key: string, data: unknown) {
  if (data === null && headOf(key) !== null) delete values[key]
  else values[key] = data
}
