import { describe, expect, it } from "vitest"
import { inventoryRoom, isRefusalCode, LIVE_NAMESPACE, wallRoom } from "./protocol"

describe("the live protocol's names", () => {
  it("names the namespace and the rooms as the server does", () => {
    expect(LIVE_NAMESPACE).toBe("/rhythm")
    expect(wallRoom()).toBe("wall")
    expect(wallRoom("sc_1")).toBe("wall:channel:sc_1")
    expect(inventoryRoom("sloc_1")).toBe("inventory:location:sloc_1")
  })

  it("knows the refusal codes and nothing else", () => {
    expect(isRefusalCode("revoked_token")).toBe(true)
    expect(isRefusalCode("xhr poll error")).toBe(false)
  })
})
