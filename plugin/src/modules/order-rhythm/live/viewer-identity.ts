import jwt from "jsonwebtoken"
import { looksLikeDisplayToken } from "./display-tokens"

export type DisplayTokenCheck =
  | { ok: true; id: string; scopes: string[] }
  | { ok: false; code: "bad_token" | "expired_token" | "revoked_token"; message: string }

/**
 * Who a handshake token belongs to: a wall screen's display token (ordt_...), checked
 * against the stored ones, or a Medusa admin JWT signed with the app's secret.
 */
export async function identifyViewer(
  token: string,
  deps: { checkDisplayToken: (token: string) => Promise<DisplayTokenCheck>; jwtSecret: string | undefined }
) {
  if (looksLikeDisplayToken(token)) {
    const check = await deps.checkDisplayToken(token)
    if (!check.ok) return check
    return { ok: true as const, viewer: { kind: "display" as const, scopes: check.scopes }, tokenId: check.id }
  }
  try {
    const payload = jwt.verify(token, deps.jwtSecret as string) as { actor_type?: string }
    if (payload.actor_type !== "user") {
      return { ok: false as const, code: "bad_token" as const, message: "only an admin user's token opens the wall" }
    }
    return { ok: true as const, viewer: { kind: "admin" as const } }
  } catch (error) {
    const expired = (error as Error).name === "TokenExpiredError"
    return {
      ok: false as const,
      code: expired ? ("expired_token" as const) : ("bad_token" as const),
      message: expired ? "this admin login has expired: use a display token for a wall" : "this token is neither a display token nor a valid admin token",
    }
  }
}

/** Whether a stored token record may open a screen now (null: no record has that hash). */
export function displayTokenStanding(
  record: { id: string; name: string; scopes: unknown; revoked_at?: Date | string | null; expires_at?: Date | string | null } | undefined,
  nowMs = Date.now()
): DisplayTokenCheck {
  if (!record) {
    return { ok: false, code: "bad_token", message: "this display token is not known: ask an admin for a new one" }
  }
  if (record.revoked_at) {
    return { ok: false, code: "revoked_token", message: `display token "${record.name}" was revoked` }
  }
  if (record.expires_at && new Date(record.expires_at).getTime() <= nowMs) {
    return { ok: false, code: "expired_token", message: `display token "${record.name}" expired at ${new Date(record.expires_at).toISOString()}` }
  }
  return { ok: true, id: record.id, scopes: record.scopes as string[] }
}
