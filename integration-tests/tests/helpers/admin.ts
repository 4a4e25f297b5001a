import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

export type AdminSession = { email: string; token: string; headers: { authorization: string } }

/**
 * An admin user made the way Medusa makes one (an emailpass identity, then the user
 * account), logged in through the real auth route, so the token is the one a browser gets.
 */
export async function createAdmin(
  container: MedusaContainer,
  api: any,
  email = "admin@order-rhythm.test",
  password = "supersecret"
): Promise<AdminSession> {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email, password },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`could not register admin identity: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email } },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { email, token: data.token, headers: { authorization: `Bearer ${data.token}` } }
}
