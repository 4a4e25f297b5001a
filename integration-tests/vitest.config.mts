import { defineConfig } from "vitest/config"

// medusaIntegrationTestRunner boots a real Medusa app per file on a database it creates;
// one file at a time keeps ports and databases apart on a 2-core machine.
export default defineConfig({
  test: {
    globals: true,
    pool: "forks",
    fileParallelism: false,
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    hookTimeout: 180_000,
    testTimeout: 120_000,
    env: {
      DB_USERNAME: process.env.DB_USERNAME ?? "postgres",
      DB_PASSWORD: process.env.DB_PASSWORD ?? "",
      DB_HOST: process.env.DB_HOST ?? "localhost",
      DB_PORT: process.env.DB_PORT ?? "5432",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    },
  },
})
