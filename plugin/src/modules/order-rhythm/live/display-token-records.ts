import { hashDisplayToken } from "./display-tokens"
import { DisplayTokenCheck, displayTokenStanding } from "./viewer-identity"

type TokenRecord = { id: string; name: string; scopes: unknown; revoked_at?: Date | string | null; expires_at?: Date | string | null }

/** The module service's generated data methods for display tokens (MedusaService). */
export type DisplayTokenData = {
  createDisplayTokens(data: Record<string, unknown>): Promise<any>
  listDisplayTokens(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<any[]>
  updateDisplayTokens(data: Array<Record<string, unknown>>): Promise<any[]>
  deleteDisplayTokens(ids: string[]): Promise<void>
}

/** The stored display tokens: made from a hash, checked at each handshake, revoked and restored. */
export class DisplayTokenRecords {
  constructor(private readonly data: DisplayTokenData) {}

  /** Stores a token made by newDisplayTokenSecret (its hash and prefix, never the token). */
  create(input: { name: string; scopes: string[]; token_hash: string; token_prefix: string; expires_at?: string | null; created_by?: string | null }) {
    return this.data.createDisplayTokens({
      name: input.name,
      scopes: input.scopes as unknown as Record<string, unknown>,
      token_hash: input.token_hash,
      token_prefix: input.token_prefix,
      expires_at: input.expires_at ? new Date(input.expires_at) : null,
      created_by: input.created_by ?? null,
    })
  }

  async find(id: string) {
    const [record] = await this.data.listDisplayTokens({ id })
    return record ?? null
  }

  list() {
    return this.data.listDisplayTokens({}, { order: { created_at: "DESC" } })
  }

  /** Marks the token revoked at `at` (null: not revoked, to undo a revocation). */
  async setRevoked(id: string, at: Date | null) {
    const [updated] = await this.data.updateDisplayTokens([{ id, revoked_at: at }])
    return updated
  }

  delete(id: string) {
    return this.data.deleteDisplayTokens([id])
  }

  /** The token's record when it may open a screen now, or why it may not. */
  async check(token: string): Promise<DisplayTokenCheck> {
    const [record] = (await this.data.listDisplayTokens({ token_hash: hashDisplayToken(token) })) as TokenRecord[]
    return displayTokenStanding(record)
  }
}
