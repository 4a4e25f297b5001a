/** How long one call may take before it fails as a timeout: a wedged server must not hang its caller. */
export const REQUEST_TIMEOUT_MS = 60_000

/**
 * The smallest client with the test runner's `api` shape ({ data } answers, throwing on
 * an error status) for a Medusa process the test started itself, and for the demo's shoppers.
 * JSON answers come parsed; any other answer (Medusa's `/health` says `OK` as text/html) comes
 * as its text, so probing a server that is back is not mistaken for one still down.
 */
export function httpClient(baseUrl: string, { timeoutMs = REQUEST_TIMEOUT_MS }: { timeoutMs?: number } = {}) {
  const call = async (method: string, path: string, body?: unknown, options: { headers?: Record<string, string> } = {}) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { "content-type": "application/json", ...(options.headers ?? {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    const json = /\bjson\b/i.test(response.headers.get("content-type") ?? "")
    const data = text && json ? JSON.parse(text) : text || null
    if (!response.ok) {
      const error = new Error(`${method} ${path} answered ${response.status}: ${text}`) as Error & { response?: unknown }
      error.response = { status: response.status, data }
      throw error
    }
    return { status: response.status, data }
  }
  return {
    get: (path: string, options?: { headers?: Record<string, string> }) => call("GET", path, undefined, options),
    post: (path: string, body?: unknown, options?: { headers?: Record<string, string> }) => call("POST", path, body ?? {}, options),
    delete: (path: string, options?: { headers?: Record<string, string> }) => call("DELETE", path, undefined, options),
  }
}
