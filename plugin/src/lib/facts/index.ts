export * from "./order-facts"
