// The plugin's use of the forecast engine for daily demand per variant x location: pure, no I/O.
export * from "./daily-series"
export * from "./night-schedule"
export * from "./tracking"
export * from "./variant-forecast"
