/**
 * Framework signatures matched against a parsed config, and the ConfigFacts each framework's
 * keys state (adapter or full fine-tune, eval references, local dataset paths, sequence length).
 */
import { posix } from "node:path";
import picomatch from "picomatch";
import type { ConfigFacts, HubRef } from "../types.js";
import { decodeText } from "../text.js";
import { isRecord } from "./dataset-format.js";
import { signatures, type FactsSpec, type FrameworkSignature, type HubRefSpec, type MatchClause } from "./signatures.js";
import { parseStructured, type PathHit, type StructuredDoc } from "./structured-doc.js";

/** Reads another file at head (null when missing). */
export type ReadFile = (path: string) => Promise<Buffer | null>;

const globCache = new Map<string, (path: string) => boolean>();

/** A cached picomatch matcher (`dot: true`) for a list of globs. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join("\u0000");
  let matcher = globCache.get(key);
  if (!matcher) {
    matcher = globs.length === 0 ? () => false : picomatch([...globs], { dot: true });
    globCache.set(key, matcher);
  }
  return matcher;
}

/** The first framework whose signature matches the parsed file. */
export function matchFramework(value: unknown, path: string, fileType: "yaml" | "json"): FrameworkSignature | undefined {
  if (!isRecord(value)) return undefined;
  return signatures.frameworks.find((fw) => fw.match.some((clause) => clauseHolds(clause, value, path, fileType)));
}

/** The framework a path alone names (e.g. `adapter_config.json`), for unreadable content. */
export function frameworkByPath(path: string): FrameworkSignature | undefined {
  return signatures.frameworks.find((fw) => fw.paths.length > 0 && globMatcher(fw.paths)(path));
}

function clauseHolds(clause: MatchClause, value: Record<string, unknown>, path: string, fileType: "yaml" | "json"): boolean {
  if (clause.file_types && !clause.file_types.includes(fileType)) return false;
  if (clause.paths.length > 0 && !globMatcher(clause.paths)(path)) return false;
  if (!clause.all.every((k) => hasPath(value, k))) return false;
  if (clause.any.length > 0 && clause.any.filter((k) => hasPath(value, k)).length < clause.min_any) return false;
  if (clause.none.some((k) => hasPath(value, k))) return false;
  if (!clause.deep_keys.every((k) => hasDeepKey(value, k, 0))) return false;
  if (clause.each_value) {
    const entries = Object.values(value);
    const spec = clause.each_value;
    if (entries.length === 0) return false;
    const ok = entries.every(
      (entry) =>
        isRecord(entry) &&
        spec.all.every((k) => hasPath(entry, k)) &&
        (spec.any.length === 0 || spec.any.filter((k) => hasPath(entry, k)).length >= spec.min_any),
    );
    if (!ok) return false;
  }
  return true;
}

/** Whether a dotted key path exists (a null value counts: `adapter:` with no value is stated). */
function hasPath(value: unknown, path: string): boolean {
  let cur: unknown = value;
  for (const key of path.split(".")) {
    if (!isRecord(cur) || !(key in cur)) return false;
    cur = cur[key];
  }
  return true;
}

function hasDeepKey(value: unknown, key: string, depth: number): boolean {
  if (depth > 8) return false;
  if (Array.isArray(value)) return value.some((v) => hasDeepKey(v, key, depth + 1));
  if (!isRecord(value)) return false;
  return key in value || Object.values(value).some((v) => hasDeepKey(v, key, depth + 1));
}

/** Everything fact extraction needs about the file. */
export interface FactsInput {
  path: string;
  doc: StructuredDoc;
  readFile: ReadFile;
}

/** Reads the ConfigFacts a framework's keys state. `framework` undefined: generic keys (a config named by the repo config). */
export async function extractFacts(fw: FrameworkSignature | undefined, input: FactsInput): Promise<ConfigFacts> {
  const spec: FactsSpec = fw ? fw.facts : signatures.generic_facts;
  const { doc } = input;
  const facts: ConfigFacts = {
    framework: fw?.name ?? "unknown",
    usesAdapter: null,
    referencesEval: false,
    datasetPaths: [],
    evalPaths: [],
    infrastructure: fw?.infrastructure ?? false,
  };
  const lines: Record<string, number> = {};
  const add: Add = (list, raw, line, base = "", assumeLocal = false) => {
    const path = localPath(raw, base, assumeLocal);
    if (path === undefined) return;
    if (!list.includes(path)) list.push(path);
    if (line !== undefined && lines[path] === undefined) lines[path] = line;
  };

  await readAdapter(spec, input, facts);
  facts.referencesEval = spec.eval.some((t) => doc.select(t.key).some((hit) => evalTest(t.test, hit.value)));
  for (const key of spec.datasets) for (const hit of doc.select(key)) addAll(facts.datasetPaths, hit, add);
  for (const key of spec.eval_datasets) for (const hit of doc.select(key)) addAll(facts.evalPaths, hit, add);
  for (const key of spec.sequence_length) {
    const n = toNumber(doc.select(key)[0]?.value);
    if (n !== undefined && n > 0) {
      facts.sequenceLength = Math.round(n);
      break;
    }
  }
  const hubRefs = readHubRefs(spec.hub_refs, doc);
  if (hubRefs.length > 0) facts.hubRefs = hubRefs;
  readModelAndEpochs(spec, doc, facts);
  if (spec.resolve) await resolveDatasets(spec.resolve, input, facts, add);
  if (spec.resolve && /entries$/.test(spec.resolve.kind)) facts.registry = true;
  const heldOut = evalSplitsInTraining(doc);
  if (heldOut.length > 0) facts.evalSplitsInTraining = heldOut;
  if (facts.evalPaths.length > 0) facts.referencesEval = true;
  if (Object.keys(lines).length > 0) facts.pathLines = lines;
  return facts;
}

/** The base model and the epochs a config states, for the training estimate. */
function readModelAndEpochs(spec: FactsSpec, doc: StructuredDoc, facts: ConfigFacts): void {
  const generic = signatures.generic_facts;
  for (const key of spec.model.length > 0 ? spec.model : generic.model) {
    const hit = doc.select(key)[0];
    if (typeof hit?.value === "string" && hit.value.trim() !== "" && !/\$\{|\{\{/.test(hit.value)) {
      facts.model = hit.value.trim();
      if (hit.keyLine !== undefined) facts.modelLine = hit.keyLine;
      break;
    }
  }
  for (const key of spec.epochs.length > 0 ? spec.epochs : generic.epochs) {
    const hit = doc.select(key)[0];
    if (!hit) continue;
    const n = toNumber(hit.value);
    if (n !== undefined && n > 0) facts.epochs = n;
    else if (typeof hit.value === "string" && hit.value.trim().toLowerCase() === "auto") facts.epochsAuto = true;
    else continue;
    if (hit.keyLine !== undefined) facts.epochsLine = hit.keyLine;
    break;
  }
}

type Add = (list: string[], raw: unknown, line: number | undefined, base?: string, assumeLocal?: boolean) => void;

function addAll(list: string[], hit: PathHit, add: Add): void {
  const values = Array.isArray(hit.value) ? hit.value : [hit.value];
  for (const v of values) add(list, v, hit.valueLine);
}

async function readAdapter(spec: FactsSpec, input: FactsInput, facts: ConfigFacts): Promise<void> {
  const adapter = spec.adapter;
  if (!adapter) return;
  for (const key of adapter.keys) {
    const hit = input.doc.select(key)[0];
    if (!hit) continue;
    const text = hit.value === null || hit.value === undefined ? "" : String(hit.value).trim();
    if (adapter.adapter !== undefined && new RegExp(adapter.adapter, "i").test(text)) facts.usesAdapter = true;
    else if (adapter.full === undefined || new RegExp(adapter.full, "i").test(text)) facts.usesAdapter = false;
    else facts.usesAdapter = null;
    facts.adapterLine = hit.keyLine;
    return;
  }
  if (adapter.sibling && globMatcher(adapter.sibling_paths)(input.path)) {
    const sibling = posix.join(posix.dirname(input.path), adapter.sibling);
    facts.usesAdapter = (await input.readFile(sibling)) !== null;
    return;
  }
  facts.usesAdapter = adapter.absent;
}

function evalTest(test: FactsSpec["eval"][number]["test"], value: unknown): boolean {
  switch (test) {
    case "present":
      if (value === null || value === undefined || value === "") return false;
      if (Array.isArray(value)) return value.length > 0;
      if (isRecord(value)) return Object.keys(value).length > 0;
      return true;
    case "truthy":
      return value === true || (typeof value === "string" && /^(true|yes|1)$/i.test(value.trim())) || (typeof value === "number" && value !== 0);
    case "positive":
      return (toNumber(value) ?? 0) > 0;
    case "nonzero":
      return (toNumber(value) ?? 0) !== 0;
    case "not-no":
      if (value === null || value === undefined || value === false) return false;
      return !/^(no|none|false|)$/i.test(String(value).trim());
  }
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

const DATA_FILE = /\.(jsonl|ndjson|json|csv|tsv|parquet|arrow|txt|ya?ml|md|gz|zst|bz2|xz|xlsx?|zip|tar)$/i;

/**
 * A repo-relative path when `raw` looks like a local file path (`./x`, `../x` or a name with a
 * data-file extension); undefined for hub ids (`tatsu-lab/alpaca`), URLs, absolute or templated
 * paths, and paths that climb out of the repository. `assumeLocal`: the key only ever names local
 * files (a registry's `file_name`), so no extension is needed.
 */
export function localPath(raw: unknown, base = "", assumeLocal = false): string | undefined {
  if (typeof raw !== "string") return undefined;
  const v = raw.trim();
  if (v === "" || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(file|hf|s3|gs):/i.test(v)) return undefined;
  if (v.startsWith("/") || v.startsWith("~") || /\$\{|\{\{|%\(/.test(v) || /^[A-Za-z]:[\\/]/.test(v)) return undefined;
  if (!(assumeLocal || v.startsWith("./") || v.startsWith("../") || DATA_FILE.test(v))) return undefined;
  const joined = posix.normalize(posix.join(base, v.replace(/\\/g, "/")));
  if (joined.startsWith("../") || joined === "..") return undefined;
  return joined.replace(/^\.\//, "");
}

async function resolveDatasets(resolve: NonNullable<FactsSpec["resolve"]>, input: FactsInput, facts: ConfigFacts, add: Add): Promise<void> {
  const { doc } = input;
  switch (resolve.kind) {
    case "llamafactory-dataset-names": {
      const dirHit = doc.select(resolve.dir_key)[0];
      const dir = typeof dirHit?.value === "string" && dirHit.value.trim() !== "" ? dirHit.value.trim() : resolve.default_dir;
      if (/^(ONLINE|REMOTE)/i.test(dir) || dir.startsWith("/")) return;
      const registryPath = posix.normalize(posix.join(dir, resolve.registry_file));
      const registry = await readStructured(input.readFile, registryPath);
      if (!isRecord(registry?.value)) return;
      const entries = registry.value;
      const resolveNames = (key: string, list: string[]) => {
        for (const hit of doc.select(key)) {
          for (const name of datasetNames(hit.value)) {
            const entry = entries[name];
            if (isRecord(entry) && resolve.hub_id_key) {
              const ref = hubRef(entry[resolve.hub_id_key], { key, kind: "dataset", line: hit.keyLine, file: registryPath });
              if (ref) (facts.hubRefs ??= []).push(ref);
            }
            if (!isRecord(entry) || resolve.hub_keys.some((k) => entry[k] !== undefined && entry[k] !== null)) continue;
            add(list, entry[resolve.file_key], hit.valueLine, dir, true);
          }
        }
      };
      resolveNames(resolve.train_key, facts.datasetPaths);
      resolveNames(resolve.eval_key, facts.evalPaths);
      return;
    }
    case "llamafactory-dataset-info-entries": {
      const dir = posix.dirname(input.path);
      const entries = isRecord(doc.value) ? doc.value : {};
      for (const hit of doc.select(`*.${resolve.file_key}`)) {
        const entry = hit.key === undefined ? undefined : entries[hit.key];
        // Entries with a hub URL load from the hub even when they also name a file.
        if (!isRecord(entry) || resolve.hub_keys.some((k) => entry[k] !== undefined && entry[k] !== null)) continue;
        add(facts.datasetPaths, hit.value, hit.valueLine, dir === "." ? "" : dir, true);
      }
      return;
    }
    case "llamafactory-v1-registry-entries": {
      const entries = isRecord(doc.value) ? doc.value : {};
      for (const hit of doc.select(`*.${resolve.path_key}`)) {
        const entry = hit.key === undefined ? undefined : entries[hit.key];
        add(facts.datasetPaths, hit.value, hit.valueLine, "", isRecord(entry) && entry.source === "local");
      }
      return;
    }
    case "llamafactory-v1-registry-file": {
      const pick = async (key: string, list: string[]) => {
        for (const hit of doc.select(key)) {
          const registryPath = localPath(hit.value);
          if (!registryPath) continue;
          const registry = /\.(ya?ml|json)$/i.test(registryPath) ? await readStructured(input.readFile, registryPath) : null;
          const paths = registry && isRecord(registry.value) ? registryEntryPaths(registry.value) : undefined;
          if (paths && paths.length > 0) for (const p of paths) add(list, p, hit.valueLine);
          else add(list, registryPath, hit.valueLine);
        }
      };
      await pick(resolve.train_key, facts.datasetPaths);
      await pick(resolve.eval_key, facts.evalPaths);
      return;
    }
    case "mlx-data-dir": {
      const hit = doc.select(resolve.data_key)[0];
      const dir = typeof hit?.value === "string" ? hit.value.trim() : "";
      // mlx-lm reads a local folder when one exists, else a hub dataset; `owner/name` reads as the hub.
      const local = dir.startsWith("./") || dir.startsWith("../") || (dir !== "" && !dir.includes("/")) || /^[^/]+\/$/.test(dir);
      if (!local) return;
      add(facts.datasetPaths, posix.join(dir, resolve.train_file), hit?.valueLine);
      if (facts.referencesEval) add(facts.evalPaths, posix.join(dir, resolve.eval_file), hit?.valueLine);
      return;
    }
  }
}

const HUB_REPO_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;

/**
 * The Hub id `raw` names (`owner/name`, with the revision of an `owner/name@rev` form), or
 * undefined for local paths (`./x`, `/x`, `~/x`, a data-file extension), URLs and templated values.
 * Whether an `owner/name` is a folder in the repository is the rule's to decide (it knows the files).
 */
export function parseHubId(raw: unknown): { id: string; revision?: string } | undefined {
  if (typeof raw !== "string") return undefined;
  const value = raw.trim();
  const at = value.indexOf("@");
  const id = at < 0 ? value : value.slice(0, at);
  const revision = at < 0 ? undefined : value.slice(at + 1);
  if (revision !== undefined && !/^[\w./-]+$/.test(revision)) return undefined;
  if (!HUB_REPO_ID.test(id) || id.includes("..") || DATA_FILE.test(id)) return undefined;
  return revision === undefined ? { id } : { id, revision };
}

function revisionValue(raw: unknown): string | undefined {
  if (typeof raw === "number") return String(raw);
  return typeof raw === "string" && raw.trim() !== "" ? raw.trim() : undefined;
}

function hubRef(raw: unknown, at: Omit<HubRef, "id">): HubRef | undefined {
  const parsed = parseHubId(raw);
  if (!parsed) return undefined;
  const ref: HubRef = { ...at, id: parsed.id };
  if (parsed.revision !== undefined) Object.assign(ref, { revision: parsed.revision, revisionKey: at.key });
  return ref;
}

/**
 * Reads the Hub references a framework's keys name. A spec's key is `parent.idKey`; the revision
 * and pin keys sit beside the id's key in the same mapping (axolotl `datasets[].revision`,
 * TRL `model_revision` beside `model_name_or_path`).
 */
function readHubRefs(specs: readonly HubRefSpec[], doc: StructuredDoc): HubRef[] {
  const refs: HubRef[] = [];
  for (const spec of specs) {
    if (spec.map_keys) {
      for (const hit of doc.select(`${spec.key}.*`)) {
        const ref = hubRef(hit.key, { key: `${spec.key}.${hit.key}`, kind: spec.kind, line: hit.keyLine, ...(spec.pin && { pinKey: spec.pin }) });
        if (ref) refs.push(ref);
      }
      continue;
    }
    const dot = spec.key.lastIndexOf(".");
    const parentPath = dot < 0 ? "" : spec.key.slice(0, dot);
    const idKey = spec.key.slice(dot + 1);
    const parents: PathHit[] = parentPath === "" ? [{ value: doc.value }] : doc.select(parentPath);
    const holders = parents.map((p, index) => ({ ...p, index })).filter((p) => isRecord(p.value) && idKey in p.value);
    const idHits = doc.select(spec.key);
    // select() skips the parents without the key, so its hits line up with `holders` one to one.
    const aligned = idHits.length === holders.length;
    const listed = parentPath.endsWith("[]") && Array.isArray(doc.select(parentPath.slice(0, -2))[0]?.value);
    holders.forEach((holder, i) => {
      const record = holder.value as Record<string, unknown>;
      const base = parentPath.replace("*", holder.key ?? "*").replace(/\[\]$/, listed ? `[${holder.index}]` : "");
      const beside = (k: string) => (base === "" ? k : `${base}.${k}`);
      const ref = hubRef(record[idKey], { key: beside(idKey), kind: spec.kind, line: aligned ? idHits[i]?.keyLine : undefined });
      if (!ref) return;
      const stated = spec.revision ? revisionValue(record[spec.revision]) : undefined;
      if (ref.revision === undefined && stated !== undefined && spec.revision) Object.assign(ref, { revision: stated, revisionKey: beside(spec.revision) });
      if (spec.pin) ref.pinKey = beside(spec.pin);
      refs.push(ref);
    });
  }
  return refs;
}

function datasetNames(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : [value];
  return raw
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function registryEntryPaths(value: Record<string, unknown>): string[] | undefined {
  const entries = Object.values(value);
  if (entries.length === 0 || !entries.every((e) => isRecord(e) && typeof e.path === "string")) return undefined;
  return entries.map((e) => (e as { path: string }).path);
}

async function readStructured(readFile: ReadFile, path: string): Promise<StructuredDoc | null> {
  try {
    const buf = await readFile(path);
    if (!buf || buf.length > 8 * 1024 * 1024) return null;
    return parseStructured(decodeText(buf));
  } catch {
    return null;
  }
}

const HELD_OUT_SPLIT = /^(test|eval|evaluation|valid|validation|dev|holdout)(_|-|$)|(_|-)(test|eval|valid|validation|holdout)$/i;

/**
 * Held-out splits that a training mixture trains on (alignment-handbook `dataset_mixture.datasets[]`,
 * axolotl-style `datasets[]` entries with a `split`): the eval set then measures memory.
 */
function evalSplitsInTraining(doc: StructuredDoc): { dataset: string; split: string; line?: number }[] {
  const found: { dataset: string; split: string; line?: number }[] = [];
  for (const key of ["dataset_mixture.datasets[]", "datasets[]"]) {
    for (const hit of doc.select(key)) {
      if (!isRecord(hit.value)) continue;
      const split = hit.value.split;
      const dataset = hit.value.id ?? hit.value.path ?? hit.value.name;
      if (typeof split !== "string" || typeof dataset !== "string" || !HELD_OUT_SPLIT.test(split)) continue;
      found.push({ dataset, split, line: hit.valueLine });
    }
  }
  return found;
}
