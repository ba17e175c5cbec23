import { isMap, isScalar, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { ruleRegistry } from "../rules/registry.js";
import { parseYamlSafely } from "../safe-yaml.js";
import type { ConfigProblem } from "../types.js";
import { buildConfigSchema, type RepoConfig } from "./schema.js";

/** Where the repo config lives; always read from the base ref (or `--config FILE`). */
export const CONFIG_PATH = ".github/finetune-review.yml";

/** The one zod schema of the repo config, with every rule's options and defaults. */
export const repoConfigSchema = buildConfigSchema([...ruleRegistry.values()]);

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
  return repoConfigSchema.parse({});
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

const TYPE_NAMES: Record<string, string> = { array: "a list", object: "a mapping", int: "a whole number", number: "a number" };

function fixHint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const valid = knownKeys(issue.path);
      return valid.length ? `remove it or use one of: ${valid.join(", ")}` : "remove it";
    }
    case "invalid_value":
      return `set it to one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_type":
      return `set it to ${TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`}`;
    case "too_small":
      return `use a value of at least ${String(issue.minimum)}${issue.inclusive === false ? " (exclusive)" : ""}`;
    case "too_big":
      return `use a value of at most ${String(issue.maximum)}${issue.inclusive === false ? " (exclusive)" : ""}`;
    default:
      return "see the config reference in the README";
  }
}

type YamlRead =
  | { ok: true; data: Record<string, unknown>; lineOf: (path: readonly PropertyKey[], key?: string) => number | undefined }
  | { ok: false; problems: ConfigProblem[] };

/** Parses config YAML safely: custom tags, excessive aliases and duplicate keys are problems with their lines, not crashes. */
function readConfigYaml(text: string, fileName: string): YamlRead {
  const { doc, lineCounter, problems, value } = parseYamlSafely(text, { uniqueKeys: true, maxAliasCount: 50 });
  if (problems.length) {
    return {
      ok: false,
      problems: problems.map((p) => ({
        keyPath: "",
        ...(p.line !== undefined && { line: p.line }),
        message: `${fileName} cannot be read: ${p.message}.`,
      })),
    };
  }
  let data = value;
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data))
    return { ok: false, problems: [{ keyPath: "", line: 1, message: `${fileName} must be a mapping of keys (see the README's config reference).` }] };
  const lineOf = (path: readonly PropertyKey[], key?: string) => {
    let node = doc.getIn(path as unknown[], true) as YamlNode | undefined;
    if (key !== undefined) {
      const parent = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
      if (isMap(parent)) node = parent.items.find((p) => isScalar(p.key) && p.key.value === key)?.key as YamlNode | undefined;
    }
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  return { ok: true, data: data as Record<string, unknown>, lineOf };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep-merges `over` onto `base`: mappings merge key by key, anything else (lists too) is replaced. */
export function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isRecord(v) && isRecord(out[k]) ? mergeConfig(out[k], v) : v;
  return out;
}

function validate(data: Record<string, unknown>, lineOf: (path: readonly PropertyKey[], key?: string) => number | undefined): ConfigResult {
  const parsed = repoConfigSchema.safeParse(data);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
      const path = [...issue.path, ...keys.slice(0, 1)].map(String);
      const what = issue.code === "unrecognized_keys" ? `unknown key${keys.length > 1 ? `s ${keys.join(", ")}` : ""}` : issue.message;
      return { keyPath: path.join("."), line: lineOf(issue.path, keys[0]), message: `${what}; ${fixHint(issue)}.` };
    }),
  };
}

/**
 * Parses and validates `.github/finetune-review.yml` text. A missing file (null) gives the defaults.
 * `_extends` is validated as a string but not followed here (see {@link loadRepoConfigChain}).
 */
export function parseRepoConfig(text: string | null, fileName = CONFIG_PATH): ConfigResult {
  if (text === null || text.trim() === "") return { ok: true, config: defaultConfig() };
  const read = readConfigYaml(text, fileName);
  if (!read.ok) return read;
  return validate(read.data, read.lineOf);
}

/** Fetches the text of an `_extends` target (`.github`, `owner/repo`, `repo:path`, `owner/repo:path`), or null. */
export type ExtendsResolver = (spec: string) => Promise<{ text: string; origin: string } | null>;

const MAX_EXTENDS_DEPTH = 5;

/**
 * Reads a repo config and the configs it extends (`_extends`, as Probot apps conventionally do):
 * the organisation's settings first, the repository's own on top. Without a resolver (the CLI)
 * `_extends` is not followed and a note says so.
 */
export async function loadRepoConfigChain(
  text: string | null,
  opts: { fileName?: string; resolveExtends?: ExtendsResolver } = {},
): Promise<ConfigResult & { notes?: string[] }> {
  const fileName = opts.fileName ?? CONFIG_PATH;
  if (text === null || text.trim() === "") return { ok: true, config: defaultConfig() };
  const own = readConfigYaml(text, fileName);
  if (!own.ok) return own;
  const notes: string[] = [];
  let merged = own.data;
  let spec = own.data._extends;
  const seen = new Set<string>();
  for (let depth = 0; typeof spec === "string" && depth < MAX_EXTENDS_DEPTH; depth++) {
    if (!opts.resolveExtends) {
      notes.push(`\`_extends: ${spec}\` in ${fileName} was not followed here; pass the merged config with --config FILE to apply it.`);
      break;
    }
    if (seen.has(spec))
      return { ok: false, problems: [{ keyPath: "_extends", message: `\`_extends: ${spec}\` forms a cycle; remove one of the references.` }] };
    seen.add(spec);
    const target = await opts.resolveExtends(spec);
    if (!target)
      return {
        ok: false,
        problems: [
          {
            keyPath: "_extends",
            line: own.lineOf([], "_extends"),
            message: `\`_extends: ${spec}\` names no readable config; check the repository and path (e.g. \`.github\` or \`owner/repo:path.yml\`).`,
          },
        ],
      };
    const inherited = readConfigYaml(target.text, target.origin);
    if (!inherited.ok) return inherited;
    spec = inherited.data._extends;
    merged = mergeConfig(inherited.data, merged);
  }
  const { _extends: _ignored, ...data } = merged;
  const result = validate(data, own.lineOf);
  return result.ok && notes.length ? { ...result, notes } : result;
}
