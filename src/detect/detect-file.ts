/**
 * Decides whether a changed file is a fine-tuning artifact, and which: by content first
 * (framework signatures, dataset record formats, Rasa and label files), by path globs second.
 */
import { posix } from "node:path";
import type { RepoConfig } from "../config/schema.js";
import type { ArtifactKind, ConfigFacts, KeyMapping } from "../types.js";
import { mappedFormat, readRegistryEntries } from "./registry-entries.js";
import { decodeText } from "../text.js";
import { classifyContent } from "./classify-content.js";
import { SNIFF_CHARS, isRasaDomain, isRasaNlu, isRasaNluMarkdown, isRecord, looksLikeJsonl, sniffJson, sniffJsonl, sniffTabular } from "./dataset-format.js";
import { extractFacts, frameworkByPath, globMatcher, matchFramework } from "./frameworks.js";
import { configuredKind, detectByPath, extensionOf, isDenied, isEvalDatasetPath, isLabelPath, isRasaDomainPath, proseFormat } from "./path-rules.js";
import { signatures } from "./signatures.js";
import { inspectStructured, parseStructured, structuredFromValue, type StructuredDoc, type StructuredRead } from "./structured-doc.js";

/** What detection may consult besides the file itself. */
export interface DetectContext {
  /** The repo config's extra globs (`ignore` removes). */
  paths: RepoConfig["paths"];
  /** Read another file at head, e.g. LLaMA-Factory's data/dataset_info.json to resolve dataset names. */
  readFile(path: string): Promise<Buffer | null>;
  /** The key mapping of the dataset registry entry (LLaMA-Factory `dataset_info.json` at head) that names a file, if one does. */
  registryEntry?(path: string): KeyMapping | undefined;
}

/** What a file was recognised as. */
export interface Detection {
  kind: ArtifactKind;
  /** Framework (`axolotl`, `llamafactory`, ...) or data format (`openai-chat`, `rasa-domain`, `markdown`, `unknown`). */
  format: string;
  config?: ConfigFacts;
  /** Why the content was not read: `Git LFS pointer`, `binary content`, YAML that is not plain data (the caller sets it for oversized files). */
  unreadable?: string;
  /** 1-based line the `unreadable` reason points at, where it has one. */
  unreadableLine?: number;
}

/** Configs and registries larger than this are not parsed as structured documents. */
const STRUCTURED_MAX_BYTES = 16 * 1024 * 1024;
/** A JSON file larger than this is only sniffed from its start (it is data, not a config). */
const JSON_PARSE_MAX_BYTES = 4 * 1024 * 1024;

type Configured = ArtifactKind | "eval" | undefined;

/**
 * Detects the artifact kind and format of one file. `content` null: not read (too large), so the
 * path alone decides and the caller sets `unreadable`. Returns null for files that are not
 * fine-tuning artifacts, for files on the deny list (unless the repo config's `paths` name them)
 * and for files matching `paths.ignore`.
 */
export async function detectFile(path: string, content: Buffer | null, ctx: DetectContext): Promise<Detection | null> {
  const p = normalizePath(path);
  if (globMatcher(ctx.paths.ignore)(p)) return null;
  const configured = configuredKind(p, ctx.paths);
  if (configured === undefined && isDenied(p)) return null;
  if (content === null) return detectByPath(p, configured);

  const cls = classifyContent(content);
  if (cls.kind !== "text") {
    const byPath = detectByPath(p, configured);
    return byPath && { ...byPath, unreadable: cls.kind === "lfs-pointer" ? "Git LFS pointer" : "binary content" };
  }
  const found = await detectText(p, content, configured, ctx);
  if (found) return applyConfigured(found, configured, p);
  return detectByPath(p, configured);
}

/** Extensions whose content {@link detectFile} reads; any other file is what its path says. */
const CONTENT_EXTENSIONS: ReadonlySet<string> = new Set(["md", "markdown", "yml", "yaml", "json", "jsonl", "ndjson", "csv", "tsv"]);

/**
 * Whether reading a file can change what {@link detectFile} says: false for a file whose extension
 * detection never reads and whose path names no artifact, so a PR of thousands of such files
 * (assets, code) costs no reads.
 */
export async function needsContent(path: string, ctx: DetectContext): Promise<boolean> {
  return CONTENT_EXTENSIONS.has(extensionOf(normalizePath(path))) || (await detectFile(path, null, ctx)) !== null;
}

/** Repo-relative POSIX path without `./` or a leading slash. */
function normalizePath(path: string): string {
  const p = posix.normalize(path.replace(/\\/g, "/"));
  return p.replace(/^(\.\/)+/, "").replace(/^\/+/, "");
}

/** Record files a registry entry's mapping applies to. */
const MAPPED_EXTENSIONS: ReadonlySet<string> = new Set(["json", "jsonl", "ndjson", "csv", "tsv"]);

async function detectText(p: string, content: Buffer, configured: Configured, ctx: DetectContext): Promise<Detection | null> {
  const ext = extensionOf(p);
  // Line-oriented data needs only its first records; decoding a prefix keeps huge files cheap.
  const prefix = () => decodeText(content.subarray(0, SNIFF_CHARS * 4));
  // A file a registry entry names is read the way the entry says, whatever its keys look like.
  const mapping = MAPPED_EXTENSIONS.has(ext) ? ctx.registryEntry?.(p) : undefined;
  if (mapping) return dataset(p, configured, mappedFormat(mapping));
  switch (ext) {
    case "md":
    case "markdown":
      return isRasaNluMarkdown(prefix()) ? dataset(p, configured, "rasa-nlu-md") : null;
    case "yml":
    case "yaml":
      return content.length > STRUCTURED_MAX_BYTES ? null : detectYaml(p, decodeText(content), configured, ctx);
    case "json":
      return detectJson(p, content, configured, ctx);
    case "jsonl":
    case "ndjson": {
      const format = sniffJsonl(prefix());
      return format ? dataset(p, configured, format) : null;
    }
    case "csv":
    case "tsv": {
      const sniff = sniffTabular(prefix(), ext === "tsv" ? "\t" : ",");
      if (!sniff) return null;
      return sniff.kind === "dataset" ? dataset(p, configured, sniff.format) : { kind: "label-schema", format: sniff.format };
    }
    default:
      return null;
  }
}

async function detectYaml(p: string, text: string, configured: Configured, ctx: DetectContext): Promise<Detection | null> {
  const read = inspectStructured(text);
  const unreadable = unreadableConfig(p, read, configured);
  if (unreadable) return unreadable;
  const doc = read.doc;
  if (!doc) return null;
  const value = doc.value;
  if (isRasaNlu(value)) return dataset(p, configured, "rasa-nlu");
  if (isRasaDomain(value, isRasaDomainPath(p))) return { kind: "label-schema", format: "rasa-domain" };
  const config = await detectConfig(p, doc, "yaml", configured, ctx);
  if (config) return config;
  if (isLabelPath(p)) return { kind: "label-schema", format: "label-list" };
  return null;
}

async function detectJson(p: string, content: Buffer, configured: Configured, ctx: DetectContext): Promise<Detection | null> {
  const big = content.length > JSON_PARSE_MAX_BYTES;
  const text = decodeText(big ? content.subarray(0, SNIFF_CHARS * 4) : content);
  const value = big ? undefined : safeJsonParse(text);
  if (isRecord(value)) {
    const doc = parseStructured(text) ?? structuredFromValue(value);
    const config = await detectConfig(p, doc, "json", configured, ctx);
    if (config) return config;
  }
  if (isLabelPath(p)) return { kind: "label-schema", format: "label-list" };
  const format = value === undefined && looksLikeJsonl(text) ? sniffJsonl(text) : sniffJson(text);
  return format ? dataset(p, configured, format) : null;
}

async function detectConfig(p: string, doc: StructuredDoc, fileType: "yaml" | "json", configured: Configured, ctx: DetectContext): Promise<Detection | null> {
  const fw = matchFramework(doc.value, p, fileType);
  if (fw) {
    const config = await extractFacts(fw, { path: p, doc, readFile: ctx.readFile });
    if (fw.facts.resolve?.kind === "llamafactory-dataset-info-entries") {
      const problems = readRegistryEntries(p, doc).problems.map(({ line, message }) => ({ line, message }));
      if (problems.length > 0) config.registryProblems = problems;
    }
    return { kind: fw.kind, format: fw.name, config };
  }
  if (configured === "training-config" && isRecord(doc.value)) {
    const config = await extractFacts(undefined, { path: p, doc, readFile: ctx.readFile });
    return { kind: "training-config", format: "unknown", config };
  }
  return null;
}

/**
 * A training config (by its keys, the repo config's globs or its path) whose YAML is not plain data:
 * syntax errors, nesting too deep, aliases that expand too far, custom tags. It is an artifact whose
 * content is not read, with the line and the fix, so a broken or hostile config is never passed silently.
 */
function unreadableConfig(p: string, read: StructuredRead, configured: Configured): Detection | null {
  const problem = read.problem;
  if (!problem) return null;
  const fw = matchFramework(read.skeleton, p, "yaml") ?? frameworkByPath(p);
  if (!fw && configured !== "training-config") return null;
  return {
    kind: fw?.kind ?? "training-config",
    format: fw?.name ?? "unknown",
    // Infrastructure stays infrastructure (ownership only); nothing else is taken from unread content.
    ...(fw?.infrastructure && {
      config: { framework: fw.name, usesAdapter: null, referencesEval: false, datasetPaths: [], evalPaths: [], infrastructure: true },
    }),
    unreadable: `${problem.line ? `line ${problem.line}: ` : ""}${problem.message}`,
    ...(problem.line !== undefined && { unreadableLine: problem.line }),
  };
}

function dataset(p: string, configured: Configured, format: string): Detection {
  const isEval = configured === "eval" || isEvalDatasetPath(p);
  return { kind: isEval ? "eval-dataset" : "dataset", format };
}

/** Undefined when the text is not one JSON value (syntax errors, nesting too deep for the parser). */
function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const DATA_KINDS: ReadonlySet<ArtifactKind> = new Set(["dataset", "eval-dataset"]);
const CONFIG_KINDS: ReadonlySet<ArtifactKind> = new Set(["training-config", "eval-suite"]);

/**
 * The repo config's `paths` globs win over what content says: a file they name gets their kind,
 * keeping the format (and facts) when the content said something of the same family.
 */
function applyConfigured(found: Detection, configured: Configured, p: string): Detection {
  if (configured === undefined) return found;
  const ext = extensionOf(p);
  let want: ArtifactKind;
  if (configured === "eval") {
    want = DATA_KINDS.has(found.kind) || signatures.paths.data_extensions.includes(ext) ? "eval-dataset" : "eval-suite";
  } else {
    want = configured;
  }
  if (want === found.kind) return found;
  // `paths` globs add to the built-in detection: a configured dataset on an eval path stays an eval set.
  if (configured === "dataset" && found.kind === "eval-dataset") return found;
  if ((DATA_KINDS.has(want) && DATA_KINDS.has(found.kind)) || (CONFIG_KINDS.has(want) && CONFIG_KINDS.has(found.kind))) {
    return { ...found, kind: want };
  }
  if (want === "proposal") return { kind: want, format: proseFormat(ext) };
  if (want === "label-schema") return { kind: want, format: "label-list" };
  return { kind: want, format: "unknown" };
}
