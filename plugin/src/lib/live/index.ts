export * from "./protocol"
export * from "./scopes"
export * from "./replay-buffer"
export * from "./throttle"
