/** What stands in for a secret in a message or a log line. */
export const REDACTED = "***"

/** Keys whose values are secrets wherever they appear (an option, a nested object). */
const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|credential|private[-_]?key/i

/**
 * A URL's password (`redis://user:password@host`, `postgres://:pw@host`) replaced by REDACTED,
 * anywhere in a text: an invalid option is echoed in the start-up error, and a connection
 * string must not reach the log with it.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/:@"']*:)([^\s@"']*)@/gi, (_, head: string, password: string) => (password ? `${head}${REDACTED}@` : `${head}@`))
}

/**
 * A copy of `value` fit for a message: URL passwords redacted in every string, and the values
 * under secret-looking keys replaced whole.
 */
export function redactCredentials(value: unknown, key = ""): unknown {
  if (key && SECRET_KEY.test(key) && value !== undefined && value !== null && value !== "") return REDACTED
  if (typeof value === "string") return redactUrlCredentials(value)
  if (Array.isArray(value)) return value.map((item) => redactCredentials(item))
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactCredentials(v, k)]))
  }
  return value
}
