import { describe, expect, it } from "vitest"
import { redactCredentials, redactUrlCredentials } from "./redact-credentials"

describe("redacting credentials", () => {
  it("hides a URL's password and keeps what locates the service", () => {
    expect(redactUrlCredentials("redis://default:s3cr%40t@cache.internal:6379/2")).toBe("redis://default:***@cache.internal:6379/2")
    expect(redactUrlCredentials('option "redisUrl" = "rediss://:hunter2@10.0.0.5:6380": bad')).toBe('option "redisUrl" = "rediss://:***@10.0.0.5:6380": bad')
    expect(redactUrlCredentials("postgres://postgres@localhost:5432/shop")).toBe("postgres://postgres@localhost:5432/shop")
    expect(redactUrlCredentials("http://localhost:9001/?token=x")).toBe("http://localhost:9001/?token=x")
  })

  it("hides values under secret-looking keys, at any depth", () => {
    expect(redactCredentials({ redisUrl: "redis://u:p@h:1", socket: { tls: { key: "/etc/k.pem", passphrase: "pw" } }, crm: { apiKey: "abc", token: "t" } })).toEqual({
      redisUrl: "redis://u:***@h:1",
      socket: { tls: { key: "/etc/k.pem", passphrase: "***" } },
      crm: { apiKey: "***", token: "***" },
    })
  })
})
