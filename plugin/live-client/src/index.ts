// The live protocol's one entry point for screens: the wall display, and any other screen that
// follows a store's rooms (published with the plugin as `order-rhythm/live-client`).
export * from "./protocol.js"
export type * from "./figures.js"
export * from "./row-keys.js"
export * from "./live-state.js"
