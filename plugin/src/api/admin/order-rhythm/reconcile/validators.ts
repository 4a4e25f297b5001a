import { z } from "@medusajs/framework/zod"

export const PostReconcileBody = z
  .object({
    /** Check every order again, not just those changed since the last run. */
    from_scratch: z.boolean().default(false),
    wait: z.boolean().default(true),
  })
  .strict()

export type PostReconcileBodyType = z.infer<typeof PostReconcileBody>
