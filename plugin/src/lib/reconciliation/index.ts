export * from "./progress"
