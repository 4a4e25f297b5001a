import { runMedusa } from "../../tests/helpers/medusa-process"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensurePostgres, databaseUrl } = require("../../scripts/lib/postgres")

/**
 * A fresh, migrated database of the bench's own (dropped first, so runs do not feed on
 * each other) and the environment the bench's Medusa process runs with.
 */
export async function benchDatabase(log: (line: string) => void, database: string, httpPort: number) {
  const pg = await ensurePostgres(log)
  const { Client } = require("pg")
  const admin = new Client({ host: pg.host, port: pg.port, user: pg.user, password: pg.password, database: "postgres" })
  await admin.connect()
  await admin.query(`drop database if exists "${database}" with (force)`)
  await admin.query(`create database "${database}"`)
  await admin.end()
  const env = {
    DATABASE_URL: databaseUrl(pg, database),
    // BENCH_LIVE_SCREEN_THREAD=0: the screens served in Medusa's own thread, as before the screen thread (2662644).
    ORDER_RHYTHM_OPTIONS: JSON.stringify({ timezone: "UTC", socket: { port: 0, thread: process.env.BENCH_LIVE_SCREEN_THREAD !== "0" } }),
    MEDUSA_ADMIN_DISABLED: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    PORT: String(httpPort),
  }
  const started = Date.now()
  const migrated = await runMedusa(["db:migrate"], env, 300_000)
  if (migrated.code !== 0) throw new Error(`medusa db:migrate failed:\n${migrated.output.slice(-3000)}`)
  log(`database ${database} migrated in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { env, pg }
}
