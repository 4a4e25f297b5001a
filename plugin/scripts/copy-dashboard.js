// `medusa plugin:build` empties .medusa/server, so the built wall display is copied in
// afterwards: the plugin package then serves it on its socket port with no web server.
const fs = require("node:fs")
const path = require("node:path")

const source = path.resolve(__dirname, "..", "..", "dashboard", "dist")
const target = path.resolve(__dirname, "..", ".medusa", "server", "dashboard")

if (!fs.existsSync(path.join(source, "index.html"))) {
  console.error(`order-rhythm: no built dashboard at ${source}; run the dashboard build first`)
  process.exit(1)
}
fs.rmSync(target, { recursive: true, force: true })
fs.cpSync(source, target, { recursive: true })
console.log(`order-rhythm: copied the wall display into ${path.relative(process.cwd(), target)}`)
