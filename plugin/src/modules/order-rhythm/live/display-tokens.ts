import crypto from "node:crypto"

export const TOKEN_PREFIX = "ordt_"

/** 32 random bytes: unguessable, and URL-safe so it can ride in the wall's address. */
export function newDisplayToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url")
}

export function hashDisplayToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex")
}

export function looksLikeDisplayToken(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX)
}
