import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeDisplayTokenStep } from "../steps/revoke-display-token"
import { disconnectTokenScreensStep } from "../steps/disconnect-token-screens"

/** Revokes a wall token: it never opens a screen again, and the screens it has open are cut now. */
export const revokeDisplayTokenWorkflow = createWorkflow("order-rhythm-revoke-display-token", (input: { id: string }) => {
  const revoked = revokeDisplayTokenStep(input)
  disconnectTokenScreensStep(revoked)
  return new WorkflowResponse(revoked)
})
