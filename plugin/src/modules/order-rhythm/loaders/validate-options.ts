import { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions } from "../../../lib/options"

/**
 * Runs while Medusa loads the module, where a thrown error stops start-up (errors in
 * lifecycle hooks are swallowed), so a wrong option is caught before anything runs.
 */
export default async function validateOptionsLoader({ options, container }: LoaderOptions) {
  try {
    parsePluginOptions(options)
  } catch (error) {
    const logger = container.resolve("logger", { allowUnregistered: true }) as
      | { error: (message: string) => void }
      | undefined
    logger?.error((error as Error).message)
    throw error
  }
}
