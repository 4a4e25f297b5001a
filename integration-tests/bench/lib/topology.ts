/**
 * How a bench runs the store: "shared", one process doing HTTP and events (Medusa's default),
 * or "server+worker", as Medusa deploys for production: a `server` process for HTTP and a
 * `worker` for subscribers and jobs, events passing through Redis (medusa-config.js,
 * MEDUSA_EVENT_BUS=redis).
 */
export type Topology = "shared" | "server+worker"

/** The topology an environment variable asks for (default "shared"); anything else is an error that names it. */
export function topologyFrom(variable: string): Topology {
  const value = process.env[variable] || "shared"
  if (value !== "shared" && value !== "server+worker") throw new Error(`${variable}: "shared" or "server+worker", not "${value}"`)
  return value
}

/**
 * The environment both processes of a server + worker pair share: events through Redis on a
 * queue of their own (no other store's process takes them), and the plugin's rooms shared
 * through the same Redis, so what the worker publishes reaches the server's screens.
 */
export function serverWorkerEnv(env: Record<string, string>, redisUrl: string, queue: string): Record<string, string> {
  return {
    ...env,
    MEDUSA_EVENT_BUS: "redis",
    EVENT_BUS_REDIS_URL: redisUrl,
    MEDUSA_EVENT_QUEUE: queue,
    ORDER_RHYTHM_OPTIONS: JSON.stringify({ ...JSON.parse(env.ORDER_RHYTHM_OPTIONS || "{}"), redisUrl }),
  }
}
