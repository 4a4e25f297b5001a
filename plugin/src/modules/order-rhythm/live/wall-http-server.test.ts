import { describe, expect, it } from "vitest"
import { startWallHttpServer } from "./wall-http-server"

const logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } as any

describe("the wall server", () => {
  it("tells the wall the store's zone, for its clock before the first snapshot", async () => {
    const wall = await startWallHttpServer({ port: 0, host: "127.0.0.1", logger, timezone: "Asia/Shanghai" })
    expect(wall).not.toBeNull()
    try {
      const response = await fetch(`http://127.0.0.1:${wall!.port}/store-zone.json`)
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toBe("application/json")
      expect(await response.json()).toEqual({ timezone: "Asia/Shanghai" })
    } finally {
      await wall!.close()
    }
  })
})
