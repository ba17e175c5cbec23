import { LineCounter, isMap, isScalar, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { ruleMetas } from "../rules/registry.js";
import type { ConfigProblem } from "../types.js";
import { buildConfigSchema, type RepoConfig } from "./schema.js";

/** Where the repo config lives; always read from the base ref (or `--config FILE`). */
export const CONFIG_PATH = ".github/finetune-review.yml";

/** The one zod schema of the repo config, with every rule's options and defaults. */
export const repoConfigSchema = buildConfigSchema(ruleMetas);

/** The JSON Schema generated from the zod schema (editors and `schema/finetune-review.schema.json`). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://github.com/finetune-review/finetune-review/schema/finetune-review.schema.json",
    ...z.toJSONSchema(repoConfigSchema, { io: "input", unrepresentable: "any" }),
  };
}

/** The outcome of reading a repo config: a config with defaults, or the problems that name each key. */
export type ConfigResult = { ok: true; config: RepoConfig } | { ok: false; problems: ConfigProblem[] };

/** The defaults, as a repo without a config file gets them. */
export function defaultConfig(): RepoConfig {
  return repoConfigSchema.parse({}) as RepoConfig;
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  let node: unknown = configJsonSchema();
  for (const key of path) {
    const props = (node as { properties?: Record<string, unknown> }).properties;
    node = props?.[String(key)];
    if (!node) return [];
  }
  return Object.keys((node as { properties?: Record<string, unknown> }).properties ?? {}).filter((k) => k !== "$schema");
}

function fixHint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const valid = knownKeys(issue.path);
      return valid.length ? `remove it or use one of: ${valid.join(", ")}` : "remove it";
    }
    case "invalid_value":
      return `set it to one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_type":
      return `set it to a ${issue.expected === "array" ? "list" : issue.expected === "object" ? "mapping" : issue.expected}`;
    case "too_small":
      return `use a value of at least ${String(issue.minimum)}`;
    default:
      return "see the config reference in the README";
  }
}

/**
 * Parses and validates `.github/finetune-review.yml` text. A missing file (null) gives the defaults.
 * Custom tags, excessive aliases and duplicate keys are problems, not crashes.
 */
export function parseRepoConfig(text: string | null, fileName = CONFIG_PATH): ConfigResult {
  if (text === null || text.trim() === "") return { ok: true, config: defaultConfig() };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const yamlProblems = [...doc.errors, ...doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED")].map((e) => ({
    keyPath: "",
    line: e.linePos?.[0]?.line,
    message: `${fileName} is not valid YAML: ${e.message.split("\n")[0]}${e.code === "TAG_RESOLVE_FAILED" ? " (custom tags are not allowed; use plain values)" : ""}.`,
  }));
  if (yamlProblems.length) return { ok: false, problems: yamlProblems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { ok: false, problems: [{ keyPath: "", message: `${fileName} could not be read: ${(error as Error).message} (avoid YAML aliases that expand).` }] };
  }
  if (data === null || data === undefined) return { ok: true, config: defaultConfig() };
  const parsed = repoConfigSchema.safeParse(data);
  if (parsed.success) return { ok: true, config: parsed.data as RepoConfig };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
      const path = [...issue.path, ...keys.slice(0, 1)].map(String);
      let node = doc.getIn(issue.path as unknown[], true) as YamlNode | undefined;
      if (keys.length) {
        const parent = issue.path.length ? doc.getIn(issue.path as unknown[], true) : doc.contents;
        if (isMap(parent)) node = parent.items.find((p) => isScalar(p.key) && p.key.value === keys[0])?.key as YamlNode | undefined;
      }
      const what = issue.code === "unrecognized_keys" ? `unknown key${keys.length > 1 ? `s ${keys.join(", ")}` : ""}` : issue.message;
      return { keyPath: path.join("."), line: lineOf(node), message: `${what}; ${fixHint(issue)}.` };
    }),
  };
}
