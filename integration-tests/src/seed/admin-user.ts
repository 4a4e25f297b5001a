import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

/**
 * An admin who can log in to Medusa Admin with email and password, made the way
 * Medusa makes one. Idempotent: an existing user of that email is left as it is.
 */
export async function ensureAdminUser(container: MedusaContainer, email: string, password: string) {
  const users = container.resolve(Modules.USER)
  const [existing] = await users.listUsers({ email })
  if (existing) {
    return { id: existing.id, created: false }
  }
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (error || !authIdentity) {
    throw new Error(`could not register ${email}: ${error}`)
  }
  const { result } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email } },
  })
  return { id: result.id, created: true }
}
