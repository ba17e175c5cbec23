#!/usr/bin/env node
// Bundles the GitHub Action's entry (src/action.ts and every dependency) into dist-action/index.js, which
// action.yml runs without `npm ci`. One folder below the root, so `../rules/` still resolves to rules/.
// `--check` rebuilds in memory and exits 1 when the committed bundle differs.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const outfile = fileURLToPath(new URL("../dist-action/index.js", import.meta.url));

/** The bundle's text, built the same way every time. */
export async function bundleAction() {
  const result = await build({
    stdin: {
      contents: 'import { runAction } from "./src/action.ts";\nprocess.exitCode = (await runAction()).exitCode;\n',
      resolveDir: root,
      sourcefile: "action-main.ts",
      loader: "ts",
    },
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    write: false,
    outfile,
    legalComments: "none",
    logLevel: "warning",
    // Bundled CommonJS dependencies call require() for Node built-ins; ESM output has none of its own.
    banner: { js: 'import { createRequire as __ftrCreateRequire } from "node:module";\nconst require = __ftrCreateRequire(import.meta.url);' },
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await bundleAction();
  if (process.argv.includes("--check")) {
    const current = await readFile(outfile, "utf8").catch(() => "");
    if (current !== text) {
      process.stderr.write("dist-action/index.js is out of date: run `npm run build:action` and commit it\n");
      process.exit(1);
    }
  } else {
    await writeFile(outfile, text);
  }
}
