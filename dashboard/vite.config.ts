/// <reference types="vitest/config" />
import { defineConfig } from "vite"
import { svelte } from "@sveltejs/vite-plugin-svelte"

// Built with a relative base: the plugin serves the wall from its socket port's root,
// and `vite dev` serves it from here during development. `--mode fixture` builds the wall with
// fixture data instead (preview.html) for the layout test and the docs' screenshots; it is
// never shipped.
export default defineConfig(({ mode }) => ({
  base: "./",
  plugins: [svelte()],
  build: {
    outDir: mode === "fixture" ? "dist-fixture" : "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: mode === "fixture" ? { input: "preview.html" } : undefined,
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    // Threads start faster than forks; the suite is pure JS and jsdom, nothing that needs a process.
    pool: "threads",
    include: ["src/**/*.test.ts"],
  },
}))
