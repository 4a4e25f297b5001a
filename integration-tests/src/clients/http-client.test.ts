import http from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { httpClient } from "./http-client"

/** A real HTTP server answering as Medusa does: JSON for the API, text for `/health`, and one route that never answers. */
let server: http.Server
let baseUrl = ""
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/health") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("OK")
    if (req.url === "/store/thing") return res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end('{"thing":{"id":"t_1"}}')
    if (req.url === "/store/missing") return res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Thing missing was not found"}')
    if (req.url === "/store/wedged") return // never answers
    res.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe("the HTTP client", () => {
  it("parses JSON answers and gives other answers as text (Medusa's health check says OK in text/html)", async () => {
    const api = httpClient(baseUrl)
    expect((await api.get("/store/thing")).data).toEqual({ thing: { id: "t_1" } })
    expect(await api.get("/health")).toEqual({ status: 200, data: "OK" })
  })

  it("throws on an error status with the status and the parsed answer", async () => {
    const error = await httpClient(baseUrl).get("/store/missing").catch((e) => e)
    expect(error.message).toContain("GET /store/missing answered 404")
    expect(error.response).toEqual({ status: 404, data: { message: "Thing missing was not found" } })
  })

  it("fails a call the server never answers after its timeout, instead of waiting forever", async () => {
    const started = Date.now()
    const error = await httpClient(baseUrl, { timeoutMs: 300 }).get("/store/wedged").catch((e) => e)
    expect(error?.name).toBe("TimeoutError")
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
