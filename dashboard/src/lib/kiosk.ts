/** The screens the wall rotates through; only Rhythm has data so far. */
export const VIEWS = ["rhythm", "inventory", "sales", "customers"] as const
export type ViewName = (typeof VIEWS)[number]
export type Theme = "dark" | "light"
export type Lang = "en" | "zh-CN"

/** Everything a wall screen is told through its URL: it has no settings page and no login. */
export type Kiosk = {
  view: ViewName
  /** seconds per view; 0 = stay on `view` */
  rotate: number
  theme: Theme
  lang: Lang
  channel: string | undefined
  location: string | undefined
  token: string | undefined
  /** another origin to connect to (vite dev); undefined = the page's own origin */
  server: string | undefined
}

// A typo in a kiosk URL must still give a working wall, so every unknown value falls back.
export function parseKiosk(search: string): Kiosk {
  const params = new URLSearchParams(search)
  const text = (name: string): string | undefined => {
    const value = params.get(name)?.trim()
    return value ? value : undefined
  }
  const view = text("view")?.toLowerCase()
  const rotate = Number(text("rotate") ?? 0)
  const lang = text("lang")?.toLowerCase()
  return {
    view: VIEWS.find((v) => v === view) ?? "rhythm",
    rotate: Number.isFinite(rotate) && rotate > 0 ? rotate : 0,
    theme: text("theme")?.toLowerCase() === "light" ? "light" : "dark",
    lang: lang === "zh-cn" || lang === "zh" ? "zh-CN" : "en",
    channel: text("channel"),
    location: text("location"),
    token: text("token"),
    server: text("server"),
  }
}

/**
 * The views that have a screen to show. The others answer "not available yet", which a rotation
 * must never stop on: a wall in a room is not read up close, so a placeholder reads as broken.
 */
export const SHOWN_VIEWS: readonly ViewName[] = ["rhythm"]

/** Where a rotation starts: the asked-for view when it has a screen, else the first that does. */
export function rotationStart(view: ViewName, shown: readonly ViewName[] = SHOWN_VIEWS): ViewName {
  return shown.includes(view) ? view : (shown[0] ?? "rhythm")
}

/** The view after `current` among the views with a screen, wrapping round. */
export function nextView(current: ViewName, shown: readonly ViewName[] = SHOWN_VIEWS): ViewName {
  if (shown.length === 0) return current
  return shown[(shown.indexOf(current) + 1) % shown.length] ?? shown[0]
}
