import { z } from "@medusajs/framework/zod"
import { scopeProblems } from "../../../../lib/live"

export const PostDisplayTokenBody = z
  .object({
    name: z.string().trim().min(1, "name: give the screen a name, e.g. \"Warehouse wall\"").max(120),
    scopes: z
      .array(z.string())
      .min(1, "scopes: at least one scope, e.g. [\"wall\"]")
      .superRefine((scopes, ctx) => {
        for (const problem of scopeProblems(scopes)) {
          ctx.addIssue({ code: "custom", message: `scopes: ${problem}` })
        }
      }),
    expires_at: z.iso
      .datetime({ offset: true, message: "expires_at: must be an ISO 8601 date-time" })
      .refine((value) => Date.parse(value) > Date.now(), "expires_at: must be in the future")
      .nullish(),
  })
  .strict()

export type PostDisplayTokenBodyType = z.infer<typeof PostDisplayTokenBody>
