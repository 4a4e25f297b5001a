import Redis from "ioredis"

/**
 * Whether Redis answers at `url`, for tests that need it: on CI they must run (fail, don't
 * skip), elsewhere they skip loudly. Shared by the plugin's tests and the app's.
 */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1500, retryStrategy: () => null })
  try {
    await client.connect()
    await client.ping()
    return true
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}
