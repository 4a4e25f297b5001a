// @vitest-environment node
import { describe, expect, it } from "vitest"
import { nextView, parseKiosk, rotationStart, SHOWN_VIEWS, VIEWS } from "./kiosk"
import { resolveToken, TOKEN_KEY, type TokenStore } from "./live/token"

describe("parseKiosk", () => {
  it("reads every kiosk parameter", () => {
    expect(
      parseKiosk("?view=sales&rotate=30&theme=light&lang=zh-CN&channel=sc_1&location=sloc_2&token=dt_x&server=http://localhost:9001")
    ).toEqual({
      view: "sales",
      rotate: 30,
      theme: "light",
      lang: "zh-CN",
      channel: "sc_1",
      location: "sloc_2",
      token: "dt_x",
      server: "http://localhost:9001",
    })
  })

  it("falls back to a working wall: rhythm, no rotation, dark, English", () => {
    expect(parseKiosk("")).toEqual({
      view: "rhythm",
      rotate: 0,
      theme: "dark",
      lang: "en",
      channel: undefined,
      location: undefined,
      token: undefined,
      server: undefined,
    })
    const typos = parseKiosk("?view=nope&rotate=-5&theme=pink&lang=fr&channel=")
    expect([typos.view, typos.rotate, typos.theme, typos.lang, typos.channel]).toEqual(["rhythm", 0, "dark", "en", undefined])
    expect(parseKiosk("?rotate=abc").rotate).toBe(0)
    expect(parseKiosk("?lang=zh-cn").lang).toBe("zh-CN")
  })

  it("rotates through every view and wraps round", () => {
    expect(nextView("rhythm", VIEWS)).toBe("inventory")
    expect(nextView("customers", VIEWS)).toBe("rhythm")
  })

  it("rotates only through the views with a screen, never onto a not-available one", () => {
    expect(SHOWN_VIEWS).toEqual(["rhythm"])
    let view = rotationStart("sales")
    const seen = new Set<string>()
    for (let i = 0; i < 8; i++) {
      seen.add(view)
      view = nextView(view)
    }
    expect([...seen]).toEqual(["rhythm"])
    expect(rotationStart("rhythm")).toBe("rhythm")
    expect(nextView("rhythm", ["rhythm", "sales"])).toBe("sales")
    expect(nextView("sales", ["rhythm", "sales"])).toBe("rhythm")
  })
})

function memoryStore(initial: Record<string, string> = {}): TokenStore & { data: Record<string, string> } {
  const data = { ...initial }
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) }
}

describe("resolveToken", () => {
  it("keeps a token from the URL for the next reboot", () => {
    const store = memoryStore()
    expect(resolveToken("dt_url", store)).toBe("dt_url")
    expect(store.data[TOKEN_KEY]).toBe("dt_url")
  })

  it("uses the kept token when the URL has none, and nothing when there is none", () => {
    expect(resolveToken(undefined, memoryStore({ [TOKEN_KEY]: "dt_kept" }))).toBe("dt_kept")
    expect(resolveToken(undefined, memoryStore())).toBeUndefined()
    expect(resolveToken(undefined, null)).toBeUndefined()
  })

  it("survives storage that throws", () => {
    const broken: TokenStore = {
      getItem: () => {
        throw new Error("denied")
      },
      setItem: () => {
        throw new Error("denied")
      },
    }
    expect(resolveToken("dt_url", broken)).toBe("dt_url")
    expect(resolveToken(undefined, broken)).toBeUndefined()
  })
})
