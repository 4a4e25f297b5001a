// The app the plugin is tested, benchmarked and demonstrated in. CommonJS: Medusa
// loads this file with `require`.
const { loadEnv, defineConfig } = require("@medusajs/framework/utils")

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/** Plugin options come from the environment so each test and the demo can set their own. */
function orderRhythmOptions() {
  const raw = process.env.ORDER_RHYTHM_OPTIONS
  if (!raw) {
    return {}
  }
  try {
    return JSON.parse(raw)
  } catch (error) {
    throw new Error(`ORDER_RHYTHM_OPTIONS is not valid JSON: ${error.message}`)
  }
}

/**
 * The same app without Order Rhythm (ORDER_RHYTHM_DISABLED=1): its module, subscribers, routes
 * and jobs all come from the plugin entry, so dropping the entry is the store before install.
 * The checkout-overhead bench runs one process of each on the same database.
 */
function plugins() {
  if (process.env.ORDER_RHYTHM_DISABLED === "1") {
    return []
  }
  return [{ resolve: "order-rhythm", options: orderRhythmOptions() }]
}

/**
 * Medusa's production topology (MEDUSA_EVENT_BUS=redis): a `server` process answers HTTP and a
 * `worker` process runs the subscribers and jobs, events passing between them through Redis.
 * With the default local event bus every process handles its own events. MEDUSA_EVENT_QUEUE
 * keeps two stores on one Redis apart (the benches run one with the plugin and one without).
 */
function modules() {
  if (process.env.MEDUSA_EVENT_BUS !== "redis") {
    return []
  }
  const redisUrl = process.env.EVENT_BUS_REDIS_URL || process.env.REDIS_URL
  if (!redisUrl) {
    throw new Error("MEDUSA_EVENT_BUS=redis needs EVENT_BUS_REDIS_URL or REDIS_URL")
  }
  return [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: { redisUrl, queueName: process.env.MEDUSA_EVENT_QUEUE || "events-queue" },
    },
  ]
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    workerMode: process.env.MEDUSA_WORKER_MODE || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "order-rhythm-dev-secret",
      cookieSecret: process.env.COOKIE_SECRET || "order-rhythm-dev-secret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || undefined,
  },
  plugins: plugins(),
  modules: modules(),
})
