// What of the demo's processes reaches the terminal. Everything goes to the log file; the
// terminal gets Medusa's warnings and errors (with the lines of their stack), the seed's
// progress, and the simulator's failures: not a line per HTTP request or inventory event.

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g
/** winston's `cli` format, as Medusa logs in development: "warn:    text" */
const LEVEL = /^(error|warn|info|http|verbose|debug|silly)\s*:\s?(.*)$/
/** ora's end-of-activity lines and spinner frames (Medusa's activities in development) */
const SPINNER = /^[✔✓✖ℹ⚠⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏-]\s/

const stripAnsi = (line) => line.replace(ANSI, "")

/**
 * A filter for one process's output. `kind` is "medusa" (the server and `medusa exec` of the
 * seed) or "simulator". Returns, per line, the text to show on the terminal, or null.
 */
function terminalFilter(kind) {
  let inLoudEntry = false
  return function show(rawLine, stream = "stdout") {
    const line = stripAnsi(rawLine).replace(/\s+$/, "")
    if (!line.trim()) return null
    if (kind === "simulator") {
      if (stream === "stderr") return line
      // "failed: why", not the minutely tally's "failed 0"
      return /(\bfailed:|\bunreachable\b|\bunexpected:|\bserver back\b|\bgiving the order up\b)/.test(line) ? line : null
    }
    const level = LEVEL.exec(line)
    if (level) {
      const [, name, text] = level
      inLoudEntry = name === "error" || name === "warn"
      if (inLoudEntry) return line
      // the seed's own progress ("order-rhythm demo: history: 12,000 of 40,000 orders")
      const progress = /order-rhythm demo: (.*)$/.exec(text)
      return progress ? `[demo] ${progress[1]}` : null
    }
    // a line without a level continues the entry above it (a stack, a wrapped message)
    if (inLoudEntry && (/^\s/.test(line) || /^(at |Error|\w*Error:)/.test(line.trim()))) return line
    inLoudEntry = false
    // unformatted output on stderr (a crash, a deprecation) is shown; spinners are not
    if (stream === "stderr" && !SPINNER.test(line)) return line
    return null
  }
}

module.exports = { terminalFilter, stripAnsi }
