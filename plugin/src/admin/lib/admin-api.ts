/** The admin's own session cookie authenticates these calls; a 4xx carries Medusa's message. */
export const api = async <T,>(path: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(path, {
    credentials: "include",
    headers: { "content-type": "application/json" },
    ...init,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new Error(body.message ?? `${response.status} ${response.statusText}`)
  }
  return body as T
}
