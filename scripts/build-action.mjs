#!/usr/bin/env node
// Bundles the GitHub Action's entry (src/action.ts and every dependency) into dist-action/index.js, which
// action.yml runs without `npm ci`, and the dataset scan's worker into dist-action/scan-worker.js, beside
// it where the scan looks for it (without it, large datasets are scanned on one thread). One folder below
// the root, so `../rules/` still resolves to rules/.
// `--check` rebuilds in memory and exits 1 when a committed bundle differs.
import { readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const outfile = fileURLToPath(new URL("../dist-action/index.js", import.meta.url));
const workerOutfile = fileURLToPath(new URL("../dist-action/scan-worker.js", import.meta.url));

/** The bundles' texts by file, built the same way every time. */
export async function bundleAction() {
  const main = await bundle(outfile, {
    stdin: {
      contents: 'import { runAction } from "./src/action.ts";\nprocess.exitCode = (await runAction()).exitCode;\n',
      resolveDir: root,
      sourcefile: "action-main.ts",
      loader: "ts",
    },
  });
  const worker = await bundle(workerOutfile, { entryPoints: ["src/datasets/scan-worker.ts"] });
  return { [outfile]: main, [workerOutfile]: worker };
}

async function bundle(file, entry) {
  const result = await build({
    ...entry,
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    write: false,
    outfile: file,
    legalComments: "none",
    logLevel: "warning",
    // Bundled CommonJS dependencies call require() for Node built-ins; ESM output has none of its own.
    banner: { js: 'import { createRequire as __ftrCreateRequire } from "node:module";\nconst require = __ftrCreateRequire(import.meta.url);' },
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bundles = await bundleAction();
  for (const [file, text] of Object.entries(bundles)) {
    if (process.argv.includes("--check")) {
      const current = await readFile(file, "utf8").catch(() => "");
      if (current !== text) {
        process.stderr.write(`${relative(root, file)} is out of date: run \`npm run build:action\` and commit it\n`);
        process.exitCode = 1;
      }
    } else {
      await writeFile(file, text);
    }
  }
}
