/**
 * The wall display's chart functions, drawn in Medusa Admin as they are on the wall: one source
 * for both, so a fix to a chart reaches both screens. `medusa plugin:build` bundles them (and the
 * parts of d3 they use, the wall's dependency) into the admin extensions, since the plugin's
 * package does not list them; the published package needs nothing more.
 */
export { drawTodayIntake } from "../../../../dashboard/src/lib/charts/today-intake"
export { drawFlowRates } from "../../../../dashboard/src/lib/charts/flow-rates"
export { drawBacklogAge } from "../../../../dashboard/src/lib/charts/backlog-age"
export { drawCycleTimes, type CycleText } from "../../../../dashboard/src/lib/charts/cycle-times"
export type { Size } from "../../../../dashboard/src/lib/charts/frame"
