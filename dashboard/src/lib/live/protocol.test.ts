// @vitest-environment node
import { describe, expect, it } from "vitest"
// The plugin's values are imported here only, to prove the wall's mirrors of them agree.
import { LIVE_NAMESPACE as serverNamespace, wallRoom as serverWallRoom } from "../../../../plugin/src/lib/live/protocol"
import { LIVE_NAMESPACE, isRefusalCode, wallRoom } from "./protocol"

describe("the wall's mirror of the protocol", () => {
  it("uses the server's namespace and room names", () => {
    expect(LIVE_NAMESPACE).toBe(serverNamespace)
    expect(wallRoom()).toBe(serverWallRoom())
    expect(wallRoom("sc_1")).toBe(serverWallRoom("sc_1"))
  })

  it("knows the refusal codes and nothing else", () => {
    expect(isRefusalCode("revoked_token")).toBe(true)
    expect(isRefusalCode("xhr poll error")).toBe(false)
  })
})
