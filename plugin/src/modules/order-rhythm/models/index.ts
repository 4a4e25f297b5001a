export { OrderFact } from "./order-fact"
export { OrderLineFact } from "./order-line-fact"
