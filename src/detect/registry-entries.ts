/**
 * Reads the entries of a LLaMA-Factory `dataset_info.json`: which local file each names, and how
 * that file is read (`formatting`, `ranking`, `columns`, `tags`).
 */
import { posix } from "node:path";
import type { KeyMapping } from "../types.js";
import { isRecord } from "./dataset-format.js";
import { localPath } from "./frameworks.js";
import { signatures } from "./signatures.js";
import { parseStructured, type StructuredDoc } from "./structured-doc.js";

/** The column roles an entry's `columns` may name (LLaMA-Factory's data/README.md). */
export const REGISTRY_COLUMNS: readonly string[] = [
  "prompt",
  "query",
  "response",
  "history",
  "messages",
  "system",
  "tools",
  "images",
  "videos",
  "audios",
  "chosen",
  "rejected",
  "kto_tag",
];
/** The tags an entry's `tags` may name. */
export const REGISTRY_TAGS: readonly string[] = ["role_tag", "content_tag", "user_tag", "assistant_tag", "observation_tag", "function_tag", "system_tag"];
const FORMATTINGS: readonly string[] = ["alpaca", "sharegpt", "openai"];

/**
 * The dataset format a registry entry reads its file as: preference pairs when `ranking`, else
 * ShareGPT (OpenAI tags included), plain text for an Alpaca entry that renames only its prompt
 * column (a pre-training corpus), else Alpaca.
 */
export function mappedFormat(mapping: Pick<KeyMapping, "formatting" | "ranking" | "columns">): "preference" | "sharegpt" | "alpaca" | "text" {
  if (mapping.ranking) return "preference";
  if (mapping.formatting !== "alpaca") return "sharegpt";
  // A pre-training corpus (LLaMA-Factory's c4_demo: `columns: {prompt: text}`) names a prompt column and no response.
  return mapping.columns["prompt"] !== undefined && mapping.columns["response"] === undefined && mapping.columns["query"] === undefined ? "text" : "alpaca";
}

/** One entry that names a local file or folder. */
export interface RegistryEntry {
  /** Repo-relative path of the file or folder the entry names. */
  path: string;
  mapping: KeyMapping;
}

/** What a registry says: its local entries, and entry keys that cannot be read, at their lines. */
export interface RegistryRead {
  /** Repo-relative path of the registry file. */
  path: string;
  entries: RegistryEntry[];
  problems: { entry: string; line?: number; message: string }[];
}

/** The registry's file name (`dataset_info.json`), as detection.yml's LLaMA-Factory config resolves it. */
export function registryFileName(): string {
  for (const fw of signatures.frameworks) {
    const resolve = fw.facts.resolve;
    if (resolve?.kind === "llamafactory-dataset-names") return resolve.registry_file;
  }
  return "dataset_info.json";
}

/** {@link readRegistryEntries} of a registry's text; no entries when it does not parse. */
export function registryFromText(registryPath: string, text: string): RegistryRead {
  const doc = parseStructured(text);
  return doc ? readRegistryEntries(registryPath, doc) : { path: registryPath, entries: [], problems: [] };
}

function hubKeys(): readonly string[] {
  for (const fw of signatures.frameworks) {
    const resolve = fw.facts.resolve;
    if (resolve?.kind === "llamafactory-dataset-info-entries") return resolve.hub_keys;
  }
  return [];
}

/**
 * The local entries of the registry at `registryPath` and its unreadable `formatting`/`columns`/
 * `tags`. An unreadable one is left out of the mapping (the defaults apply) and reported once.
 */
export function readRegistryEntries(registryPath: string, doc: StructuredDoc): RegistryRead {
  const read: RegistryRead = { path: registryPath, entries: [], problems: [] };
  if (!isRecord(doc.value)) return read;
  const dir = posix.dirname(registryPath);
  const hub = hubKeys();
  const lineOf = (entry: string, key?: string): number | undefined => {
    const hit = doc.select(key ? `*.${key}` : "*").find((h) => h.key === entry);
    return hit?.keyLine;
  };
  for (const [name, entry] of Object.entries(doc.value)) {
    if (!isRecord(entry)) continue;
    const at = `${registryPath} entry "${name}"`;
    const problem = (key: string, message: string) =>
      read.problems.push({ entry: name, line: lineOf(name, key) ?? lineOf(name), message: `${at}: ${message}` });
    let formatting: KeyMapping["formatting"] = "alpaca";
    const f = entry["formatting"];
    if (f !== undefined && f !== null) {
      if (typeof f === "string" && FORMATTINGS.includes(f)) formatting = f as KeyMapping["formatting"];
      else problem("formatting", `"formatting" is ${JSON.stringify(f)}; LLaMA-Factory reads ${FORMATTINGS.map((x) => `"${x}"`).join(", ")}`);
    }
    const columns = stringMapping(entry["columns"], REGISTRY_COLUMNS, "columns", (m) => problem("columns", m));
    const tags = formatting === "alpaca" ? {} : stringMapping(entry["tags"], REGISTRY_TAGS, "tags", (m) => problem("tags", m));
    if (hub.some((k) => entry[k] !== undefined && entry[k] !== null)) continue;
    const path = localPath(entry["file_name"], dir === "." ? "" : dir, true);
    if (path === undefined) continue;
    read.entries.push({ path, mapping: { registry: registryPath, entry: name, formatting, ranking: entry["ranking"] === true, columns, tags } });
  }
  return read;
}

/** A `columns`/`tags` value as role -> key; null values (a role switched off) are dropped. */
function stringMapping(value: unknown, known: readonly string[], what: string, problem: (message: string) => void): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    problem(
      `"${what}" is ${Array.isArray(value) ? "a list" : JSON.stringify(value)}, not a mapping of ${what === "columns" ? "column roles to column names" : "tags to keys and role values"}; LLaMA-Factory cannot read the file by it`,
    );
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!known.includes(key)) {
      problem(`"${what}" has "${key}", which LLaMA-Factory does not read (it reads ${known.map((k) => `"${k}"`).join(", ")}), so that mapping does nothing`);
      continue;
    }
    if (v === null) continue;
    if (typeof v !== "string" || v.trim() === "") {
      problem(`"${what}.${key}" is ${JSON.stringify(v)}, not a ${what === "columns" ? "column name" : "string"}`);
      continue;
    }
    out[key] = v;
  }
  return out;
}

/** The entry that names `path` (itself, or a folder holding it), from the first registry that names it. */
export function entryFor(registries: readonly RegistryRead[], path: string): RegistryEntry | undefined {
  for (const r of registries) {
    const hit = r.entries.find((e) => e.path === path) ?? r.entries.find((e) => path.startsWith(`${e.path}/`));
    if (hit) return hit;
  }
  return undefined;
}
