#!/usr/bin/env node
// Part of `npm run build`, after tsc: writes dist/rules-data.json, the parsed rules/*.yml, which the
// review reads at start-up instead of parsing the YAML (see src/rules-data.ts; a file edited since is
// parsed as before).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const { compileRulesData } = await import("../dist/rules-data.js");
const { rulesDataDir } = await import("../dist/paths.js");
writeFileSync(fileURLToPath(new URL("../dist/rules-data.json", import.meta.url)), `${JSON.stringify(compileRulesData(rulesDataDir))}\n`);
