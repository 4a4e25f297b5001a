/** The forecast bench's speed part alone (no data set, no test part), for a rerun on a quieter machine. */
import { FROZEN } from "../forecast/frozen"
import { speedBench } from "../forecast/speed"

const { series, length } = FROZEN.speed
const runs = Number(process.argv[2] ?? FROZEN.speed.runs)
speedBench(series, length, runs, console.log).then((r) => console.log(JSON.stringify({ refit_10k_s: r.refitSeconds, reselect_10k_s: r.reselectSeconds, update_ms: r.updateMs })))
