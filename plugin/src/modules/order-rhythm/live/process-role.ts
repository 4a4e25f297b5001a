/**
 * Medusa runs module lifecycle hooks for every CLI command, `db:migrate` and `exec`
 * included; a migration must not grab the wall's port (and hold it while the real
 * server starts). Only a serving process opens it.
 */
const ONE_SHOT_COMMANDS = new Set([
  "db:migrate",
  "db:rollback",
  "db:generate",
  "db:sync-links",
  "db:setup",
  "db:create",
  "exec",
  "user",
  "plugin:db:generate",
  "build",
])

export function isOneShotCommand(argv: string[] = process.argv): boolean {
  return argv.slice(2).some((arg) => ONE_SHOT_COMMANDS.has(arg))
}

/** A `worker`-mode process serves no HTTP; its changes reach screens through Redis. */
export function isWorkerOnly(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MEDUSA_WORKER_MODE === "worker"
}
