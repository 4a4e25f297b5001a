/** Where the wall keeps its display token, so a screen pasted once survives reboots. */
export const TOKEN_KEY = "order-rhythm.display-token"

export type TokenStore = Pick<Storage, "getItem" | "setItem">

/**
 * The token in the URL wins and is kept (a kiosk URL is the usual way in); without one, the token
 * pasted or opened earlier on this screen. Storage can be unavailable (private mode, file://): the
 * wall then still works for this page load.
 */
export function resolveToken(urlToken: string | undefined, store: TokenStore | null): string | undefined {
  if (urlToken) {
    rememberToken(urlToken, store)
    return urlToken
  }
  try {
    return store?.getItem(TOKEN_KEY)?.trim() || undefined
  } catch {
    return undefined
  }
}

export function rememberToken(token: string, store: TokenStore | null): void {
  try {
    store?.setItem(TOKEN_KEY, token)
  } catch {
    // Not kept across reloads; nothing else to do on a screen nobody is at.
  }
}
