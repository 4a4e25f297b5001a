export * from "./reporting-currency"
