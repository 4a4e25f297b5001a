// The live protocol (types, row keys, the client's state) is the live-client package's, shared
// with every screen; the rest here is the server's: scopes, replay, throttling, ordering, ticker.
export * from "../../../live-client/src/protocol"
export type * from "../../../live-client/src/figures"
export * from "../../../live-client/src/row-keys"
export * from "./scopes"
export * from "./replay-buffer"
export * from "./throttle"
export * from "./in-order"
export * from "./ticker"
