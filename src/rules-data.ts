/**
 * The parsed `rules/*.yml` files. `npm run build` writes them as JSON beside the compiled module
 * (`dist/rules-data.json`, see `scripts/rules-data.mjs`): parsing the YAML was about a tenth of a
 * second of every review's start-up. A file is read from that copy only while its text is the
 * one the copy was made from; otherwise (no build, an edited file, the Action's bundle) it is
 * parsed here as before.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse } from "yaml";

/** One precompiled file: the SHA-256 of its text and what `yaml`'s `parse` gives for it. */
export interface CompiledRulesFile {
  sha256: string;
  data: unknown;
}

/** The precompiled files by file name (`dataset-duplicates.yml`). */
export type CompiledRulesData = Record<string, CompiledRulesFile>;

const COMPILED = new URL("./rules-data.json", import.meta.url);
let compiled: CompiledRulesData | null | undefined;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function compiledData(): CompiledRulesData | null {
  if (compiled === undefined) {
    try {
      compiled = JSON.parse(readFileSync(COMPILED, "utf8")) as CompiledRulesData;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** What `parse` gives for the file's text, from the build's copy when it was made from this text. */
export function readRulesYaml(file: string): unknown {
  const text = readFileSync(file, "utf8");
  const data = compiledData();
  const known = data?.[basename(file)];
  if (!known || known.sha256 !== sha256(text)) return parse(text);
  // Handed out once, as a parse would give a fresh value each time: a caller may keep and change it.
  delete data[basename(file)];
  return known.data;
}

/**
 * The precompiled form of every `*.yml` in `dir`. A file whose parsed value JSON cannot carry
 * unchanged (`.inf`, `.nan`) is left out: it is parsed at start-up instead.
 */
export function compileRulesData(dir: string): CompiledRulesData {
  const out: CompiledRulesData = {};
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".yml"))
    .sort()) {
    const text = readFileSync(join(dir, name), "utf8");
    const data: unknown = parse(text);
    const json = JSON.stringify(data);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), data)) continue;
    out[name] = { sha256: sha256(text), data };
  }
  return out;
}
