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

/**
 * A new token and what is stored of it: the plain token goes to the admin once (from the route)
 * and never into a workflow, whose context is saved while it runs; only its hash and prefix are.
 */
export function newDisplayTokenSecret(): { token: string; token_hash: string; token_prefix: string } {
  const token = newDisplayToken()
  return { token, token_hash: hashDisplayToken(token), token_prefix: token.slice(0, TOKEN_PREFIX.length + 6) }
}
