import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createDisplayTokenStep, type CreateDisplayTokenInput } from "../steps/create-display-token"

/**
 * Stores a new wall token. Its input is the hash of a token the route made and shows once
 * (newDisplayTokenSecret); the response is the record's id.
 */
export const createDisplayTokenWorkflow = createWorkflow("order-rhythm-create-display-token", (input: CreateDisplayTokenInput) => {
  return new WorkflowResponse(createDisplayTokenStep(input))
})
