/**
 * Reads series from CSV text (the CLI does the file and gzip part). Long format: one row per
 * observation, the columns `series`, `t` and `value` found by name, an optional `split`
 * (train/test) and `in_stock` (true/false, 1/0, empty for unknown: a false day is a stock-out,
 * censored as the plugin censors it), anything else ignored. Wide format: one column per series, one row per period, an
 * optional `t`/`date`/`time`/`period` column first. Every complaint names the line it is about,
 * because the person fixing the file has a text editor, not a debugger.
 */

export class SeriesCsvError extends Error {
  constructor(readonly line: number, detail: string) {
    super(`line ${line}: ${detail}`)
    this.name = "SeriesCsvError"
  }
}

export type ParsedSeries = { id: string; values: number[]; split?: ("train" | "test")[]; inStock?: (boolean | null)[] }

export function splitCsvLine(line: string, lineNo: number): string[] {
  const out: string[] = []
  let field = ""
  let quoted = false
  let i = 0
  while (i < line.length) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === "") quoted = true
    else if (c === ",") {
      out.push(field)
      field = ""
    } else field += c
    i++
  }
  if (quoted) throw new SeriesCsvError(lineNo, "a quoted field is not closed")
  out.push(field)
  return out.map((f) => f.trim())
}

function toNumber(raw: string, what: string, lineNo: number): number {
  const v = raw === "" ? NaN : Number(raw)
  if (!Number.isFinite(v)) throw new SeriesCsvError(lineNo, `${what} "${raw}" is not a number`)
  return v
}

function lines(text: string): { no: number; text: string }[] {
  return text
    .split("\n")
    .map((l, i) => ({ no: i + 1, text: l.endsWith("\r") ? l.slice(0, -1) : l }))
    .filter((l) => l.text.trim() !== "")
}

export function parseSeriesCsv(text: string, format: "long" | "wide" = "long"): ParsedSeries[] {
  const rows = lines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  if (rows.length === 0) throw new SeriesCsvError(1, "the file is empty")
  const header = splitCsvLine(rows[0].text, rows[0].no).map((h) => h.toLowerCase())
  return format === "wide" ? parseWide(rows, header) : parseLong(rows, header)
}

function parseLong(rows: { no: number; text: string }[], header: string[]): ParsedSeries[] {
  const col = (name: string) => header.indexOf(name)
  const [iSeries, iT, iValue, iSplit, iStock] = [col("series"), col("t"), col("value"), col("split"), col("in_stock")]
  const missing = [["series", iSeries], ["t", iT], ["value", iValue]].filter(([, i]) => i === -1).map(([n]) => n)
  if (missing.length) throw new SeriesCsvError(rows[0].no, `the header lacks the column(s) ${missing.join(", ")} (found: ${header.join(", ")})`)
  const groups = new Map<string, { t: number; value: number; split?: "train" | "test"; inStock?: boolean | null; line: number }[]>()
  for (const row of rows.slice(1)) {
    const f = splitCsvLine(row.text, row.no)
    if (f.length !== header.length) throw new SeriesCsvError(row.no, `expected ${header.length} fields, found ${f.length}`)
    const id = f[iSeries]
    if (id === "") throw new SeriesCsvError(row.no, "the series name is empty")
    const t = toNumber(f[iT], "t", row.no)
    const value = toNumber(f[iValue], "value", row.no)
    let split: "train" | "test" | undefined
    if (iSplit !== -1) {
      const s = f[iSplit].toLowerCase()
      if (s !== "train" && s !== "test") throw new SeriesCsvError(row.no, `split "${f[iSplit]}" is neither train nor test`)
      split = s
    }
    let inStock: boolean | null | undefined
    if (iStock !== -1) {
      const s = f[iStock].toLowerCase()
      if (s === "true" || s === "1") inStock = true
      else if (s === "false" || s === "0") inStock = false
      else if (s === "") inStock = null
      else throw new SeriesCsvError(row.no, `in_stock "${f[iStock]}" is neither true, false nor empty`)
    }
    let g = groups.get(id)
    if (!g) groups.set(id, (g = []))
    g.push({ t, value, split, inStock, line: row.no })
  }
  const out: ParsedSeries[] = []
  for (const [id, g] of groups) {
    g.sort((a, b) => a.t - b.t)
    for (let i = 1; i < g.length; i++) {
      if (g[i].t === g[i - 1].t) throw new SeriesCsvError(Math.max(g[i].line, g[i - 1].line), `series "${id}" has t = ${g[i].t} twice (also line ${Math.min(g[i].line, g[i - 1].line)})`)
    }
    out.push({ id, values: g.map((r) => r.value), ...(iSplit !== -1 ? { split: g.map((r) => r.split!) } : {}), ...(iStock !== -1 ? { inStock: g.map((r) => r.inStock ?? null) } : {}) })
  }
  return out
}

const INDEX_COLUMNS = new Set(["t", "date", "time", "period", "week", "month", "day"])

function parseWide(rows: { no: number; text: string }[], header: string[]): ParsedSeries[] {
  const first = INDEX_COLUMNS.has(header[0]) ? 1 : 0
  const names = splitCsvLine(rows[0].text, rows[0].no).slice(first)
  if (names.length === 0) throw new SeriesCsvError(rows[0].no, "no series columns in the header")
  const values: number[][] = names.map(() => [])
  const ended: boolean[] = names.map(() => false)
  for (const row of rows.slice(1)) {
    const f = splitCsvLine(row.text, row.no)
    if (f.length !== header.length) throw new SeriesCsvError(row.no, `expected ${header.length} fields, found ${f.length}`)
    for (let j = 0; j < names.length; j++) {
      const raw = f[first + j]
      if (raw === "" || raw.toUpperCase() === "NA") {
        // series of different lengths leave cells empty before they start or after they end
        if (values[j].length) ended[j] = true
        continue
      }
      if (ended[j]) throw new SeriesCsvError(row.no, `series "${names[j]}" has a gap before this value`)
      values[j].push(toNumber(raw, `value of "${names[j]}"`, row.no))
    }
  }
  return names.map((id, j) => ({ id, values: values[j] }))
}
