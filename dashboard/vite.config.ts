/// <reference types="vitest/config" />
import { defineConfig } from "vite"
import { svelte } from "@sveltejs/vite-plugin-svelte"

// Built with a relative base: the plugin serves the wall from its socket port's root,
// and `vite dev` serves it from here during development.
export default defineConfig({
  base: "./",
  plugins: [svelte()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    // Threads start faster than forks; the suite is pure JS and jsdom, nothing that needs a process.
    pool: "threads",
    include: ["src/**/*.test.ts"],
  },
})
