/**
 * The smallest client with the test runner's `api` shape ({ data } answers, throwing on
 * an error status) for a Medusa process the test started itself.
 */
export function httpClient(baseUrl: string) {
  const call = async (method: string, path: string, body?: unknown, options: { headers?: Record<string, string> } = {}) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { "content-type": "application/json", ...(options.headers ?? {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const data = text ? JSON.parse(text) : null
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
