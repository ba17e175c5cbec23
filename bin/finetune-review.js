#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it through the `prepare` script.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write("finetune-review: not built yet; run `npm run build` in the package folder\n");
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
