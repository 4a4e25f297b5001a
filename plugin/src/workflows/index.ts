export { ingestOrdersWorkflow } from "./ingest-orders"
export { ingestInventoryWorkflow } from "./ingest-inventory"
export { reconcileOrders } from "./reconcile-orders"
export { recomputeForecastsWorkflow } from "./recompute-forecasts"
