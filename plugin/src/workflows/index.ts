export { ingestOrdersWorkflow } from "./ingest-orders"
