// @vitest-environment node
import { describe, expect, it } from "vitest"
import { wordsFor } from "../i18n/words"
import { badgeFor } from "./badge"

const en = wordsFor("en")
const zh = wordsFor("zh-CN")

describe("the connection badge", () => {
  it("says live in both languages", () => {
    expect(badgeFor({ kind: "live", since: "2025-06-02T10:00:00Z" }, en, "Europe/Berlin")).toEqual({ text: "live", tone: "live" })
    expect(badgeFor({ kind: "live", since: "2025-06-02T10:00:00Z" }, zh, "Europe/Berlin").text).toBe("实时")
  })

  it("says since when it is stale, on the store's clock", () => {
    const stale = { kind: "stale", since: "2025-06-02T10:07:00Z" } as const
    expect(badgeFor(stale, en, "Europe/Berlin")).toEqual({ text: "stale since 12:07", tone: "stale" })
    expect(badgeFor(stale, zh, "Asia/Shanghai").text).toBe("数据已过期，自 18:07")
  })

  it("names a refusal in words", () => {
    const refused = { kind: "refused", code: "revoked_token", message: "revoked" } as const
    expect(badgeFor(refused, en, null)).toEqual({ text: "This display token was revoked.", tone: "refused" })
    expect(badgeFor(refused, zh, null).text).toBe("看板令牌已被撤销。")
  })

  it("says connecting before anything has arrived", () => {
    expect(badgeFor({ kind: "connecting" }, zh, null).text).toBe("连接中…")
  })
})
