import { cpus } from "node:os"
import { readdirSync, readFileSync } from "node:fs"

/**
 * What a rate asks of this machine, from the CPU each process spent per order in the same run.
 * A latency goal at a rate the machine cannot carry measures a queue, not the code: this line
 * says so with the run's own figures (all processes' CPU x the rate against the cores, and the
 * rate one Medusa process can serve at all, its main thread being one core at most).
 */
export function capacityLine(rate: number, msPerOrder: Record<string, number>, mainThreadMsPerOrder?: number): string {
  const total = Object.values(msPerOrder).reduce((sum, ms) => sum + ms, 0)
  const cores = cpus().length
  const parts = Object.entries(msPerOrder)
    .map(([what, ms]) => `${what} ${ms.toFixed(0)}`)
    .join(" + ")
  const needed = (total * rate) / 1000
  return (
    `what ${rate}/s asks of this machine: (${parts}) = ${total.toFixed(0)} ms of CPU per order x ${rate}/s = ${needed.toFixed(2)} of its ${cores} cores` +
    (needed > cores ? " (more than it has)" : "") +
    (mainThreadMsPerOrder
      ? `; Medusa's main thread is busy ${mainThreadMsPerOrder.toFixed(0)} ms per order, so one process serves at most ${(1000 / mainThreadMsPerOrder).toFixed(2)}/s`
      : "")
  )
}

/** A process's fields from /proc/<pid>/stat, from the state on (field 3; the name, which may hold spaces, dropped). */
function statFields(pid: number | string): { name: string; fields: string[] } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
  return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), fields: stat.slice(stat.lastIndexOf(")") + 2).split(" ") }
}

// Clock ticks to ms (100 ticks a second on Linux). utime and stime are fields 14 and 15 of the
// line, cutime and cstime (children that ended and were waited for) 16 and 17; the parent is 4.
const ticksMs = (...ticks: string[]) => (ticks.reduce((sum, t) => sum + Number(t), 0) * 1000) / 100

/** A process's CPU time so far (user + system), in ms, from /proc: what a bench cannot ask over IPC. */
export function processCpuMs(pid: number | string): number {
  const { fields } = statFields(pid)
  return ticksMs(fields[11], fields[12])
}

/**
 * The CPU time of PostgreSQL on this machine so far, in ms (0 where there is none): every
 * postgres process's own, and, through the postmaster's count of its ended children, that of
 * the backends whose connections closed meanwhile.
 */
export function postgresCpuMs(): number {
  const processes = new Map<string, string[]>()
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const { name, fields } = statFields(pid)
      if (name === "postgres") processes.set(pid, fields)
    } catch {
      // The process ended while the list was read.
    }
  }
  let ms = 0
  for (const fields of processes.values()) {
    ms += ticksMs(fields[11], fields[12])
    if (!processes.has(fields[1])) ms += ticksMs(fields[13], fields[14])
  }
  return ms
}
