import { defineConfig } from "vitest/config"

// Unit tests of the pure engines in src/lib: no Medusa, no database.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "live-client/src/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
})
