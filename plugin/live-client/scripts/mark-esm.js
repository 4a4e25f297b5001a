// The package's sources are compiled twice: into the plugin's server build (CommonJS, beside its
// other code) and here into dist/ as ES modules for screens. dist/ says so itself, so Node reads
// it as ESM while the sources stay neutral.
const fs = require("node:fs")
const path = require("node:path")
fs.writeFileSync(path.join(__dirname, "..", "dist", "package.json"), JSON.stringify({ type: "module" }) + "\n")
