import type { RepoConfig } from "./config/schema.js";
import { parseRepoConfig, CONFIG_PATH } from "./config/load-config.js";
import { parseLabels, scanDataset } from "./datasets/index.js";
import { readBaseline } from "./datasets/baseline.js";
import {
  changesFineTuning,
  classifyContent,
  detectFile,
  entryFor,
  mappedFormat,
  needsContent,
  proposesFineTuning,
  registryFileName,
  registryFromText,
  type DetectContext,
  type RegistryRead,
} from "./detect/index.js";
import { configOwnerRules, parseCodeowners } from "./codeowners.js";
import { historyDaysOf, needsBaseConfig, needsEnglishModel, scanLexiconOf } from "./rule-needs.js";
import { decodeText as decode } from "./text.js";
import { checkWaivers } from "./waivers/check-waivers.js";
import { parseWaiverFile, WAIVERS_PATH } from "./waivers/waiver-file.js";
import type {
  Artifact,
  ChangedFile,
  ConfigFacts,
  ContextConfig,
  DatasetChange,
  DatasetScan,
  KeyMapping,
  LabelSchemaInfo,
  LabelVersion,
  OwnerRule,
  ReviewInput,
  Rule,
  ScanLexicon,
  Source,
  TrainingEstimate,
  WaiverSet,
} from "./types.js";
import { countLongest, estimateConfig, estimateTraining, loadTokenizer, tokenizerFor, type EstimateConfig } from "./estimate/index.js";
import { loadEnglishModel } from "./proposal/english-model.js";

const LABELLED_FORMATS = new Set(["classification", "rasa-nlu", "rasa-nlu-md"]);
const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
/** Proposal text beyond this is not matched against lexicons: bounds regex work on huge descriptions. */
const MAX_PROPOSAL_CHARS = 256 * 1024;
/** Repo label files tracked besides the changed ones: bounds history reads on large repos. */
const MAX_LABEL_FILES = 20;

/** Optional progress reporting for long reviews (CLI on a TTY, the App's in_progress check run). */
export type Progress = (message: string) => void;

/** Line-based files at least this large are detected from their first lines: never read whole. */
const STREAM_DETECT_BYTES = 8 * 1024 * 1024;
/** How much of such a file detection reads (detection sniffs only the start of a file). */
const DETECT_PREFIX_BYTES = 1024 * 1024;
/** Containers whose records are lines, so a prefix cut at a newline is still valid. */
const LINE_CONTAINERS = /\.(jsonl|ndjson|csv|tsv)$/i;
/** Datasets at least this large report progress, about every 5% of their bytes. */
const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
/** Unchanged YAML/JSON files read to find the training configs that name a changed dataset: bounds reads on large repos. */
const MAX_CONTEXT_CANDIDATES = 50;
/** Such a file larger than this is no training config. */
const MAX_CONTEXT_CONFIG_BYTES = 1024 * 1024;
/** Dataset registries (LLaMA-Factory `dataset_info.json`) at head read for their entries' key mappings. */
const MAX_REGISTRIES = 16;
/** A registry larger than this is not read for its mappings. */
const MAX_REGISTRY_BYTES = 16 * 1024 * 1024;
/** File names that read as training configs come first among the candidates. */
const CONFIG_NAME = /(^|[/_.-])(configs?|train(ing)?|sft|dpo|lora|qlora|finetun\w*|fine-tun\w*|recipes?|args|hparams)([/_.-]|$)/i;

/**
 * The bytes detection needs: the whole file, or for a large line-based file its first lines only,
 * read from the stream (which stops the transfer once enough has arrived); a first line longer than
 * that prefix is skipped, so the lines after it still tell the format.
 */
async function detectionBytes(source: Source, ref: string, path: string, size: number | null): Promise<Buffer | null> {
  if (size === null || size < STREAM_DETECT_BYTES || !LINE_CONTAINERS.test(path)) return source.readFile(ref, path);
  const parts: Buffer[] = [];
  let kept = 0;
  let read = 0;
  let skipping = false;
  for await (const chunk of source.readStream(ref, path)) {
    read += chunk.length;
    let part = chunk;
    if (skipping) {
      const nl = part.indexOf(0x0a);
      if (nl < 0) continue;
      skipping = false;
      part = part.subarray(nl + 1);
    }
    parts.push(part);
    kept += part.length;
    if (kept < DETECT_PREFIX_BYTES) continue;
    if (parts.some((p) => p.includes(0x0a))) break;
    // A line longer than the whole prefix cannot be sniffed (the scan reports it): sniff the lines after it.
    parts.length = 0;
    kept = 0;
    skipping = true;
  }
  const head = Buffer.concat(parts);
  const cut = head.lastIndexOf(0x0a);
  return cut > 0 && read < size ? head.subarray(0, cut + 1) : head;
}

/** A failure to read from the Source (GitHub, git), told apart from a file whose records cannot be scanned. */
class SourceReadError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/** Passes chunks through, tagging the Source's errors: they fail the review, they do not make a file unreadable. */
async function* tagged(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw new SourceReadError(error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** Passes chunks through, reporting the share read for large files. */
async function* withProgress(chunks: AsyncIterable<Buffer>, path: string, size: number, progress?: Progress): AsyncIterable<Buffer> {
  if (!progress || size < PROGRESS_MIN_BYTES) {
    yield* chunks;
    return;
  }
  const mb = (size / 1024 / 1024).toFixed(1);
  progress(`scanning ${path} (${mb} MB)`);
  let read = 0;
  let reported = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    const twentieths = Math.floor((read * 20) / size);
    if (twentieths > reported) {
      reported = twentieths;
      progress(`scanning ${path}: ${Math.min(100, twentieths * 5)}% of ${mb} MB`);
    }
    yield chunk;
  }
}

/** Why a symbolic link is not read: git holds only its target path, and the review never follows it. */
function symlinkReason(target: Buffer | null): string {
  // The target is PR content: printable characters only, and short.
  const shown = (target ? decode(target) : "").replace(/[^\x20-\x7e\u00a0-\uffff]|`/g, "?").slice(0, 200);
  return `it is a symbolic link to \`${shown}\`; git stores only that target path, and the review never follows links (commit the file itself)`;
}

/**
 * Detects the artifacts among the changed files, reading each file once and only when it is small
 * enough; with `readBase`, a modified training config's base version too.
 */
async function detectArtifacts(
  source: Source,
  changed: readonly ChangedFile[],
  config: RepoConfig,
  ctx: DetectContext,
  readBase: boolean,
): Promise<Artifact[]> {
  const artifacts: Artifact[] = [];
  const read: ChangedFile[] = [];
  for (const file of changed) if (await needsContent(file.path, ctx)) read.push(file);
  source.prefetch?.(read.filter((f) => f.status !== "removed" && !f.symlink).map((f) => f.path));
  for (const file of read) {
    const ref = file.status === "removed" ? source.base : source.head;
    const path = file.status === "removed" ? (file.previousPath ?? file.path) : file.path;
    const { content, unreadable } = file.symlink
      ? { content: null, unreadable: symlinkReason(await source.readFile(ref, path)) }
      : await readForDetection(source, ref, path, config.max_file_mb);
    const detection = await detectFile(file.path, unreadable ? null : content, ctx);
    if (!detection) continue;
    const baseConfig =
      readBase && detection.kind === "training-config" && detection.config ? await baseConfigFacts(source, file, config.max_file_mb, ctx) : undefined;
    artifacts.push({
      path: file.path,
      kind: detection.kind,
      format: detection.format,
      status: file.status,
      ...(file.previousPath && { previousPath: file.previousPath }),
      ...(detection.config && { config: detection.config }),
      ...(baseConfig && { baseConfig }),
      ...((unreadable ?? detection.unreadable) && { unreadable: unreadable ?? detection.unreadable }),
      ...(!unreadable && detection.unreadableLine !== undefined && { unreadableLine: detection.unreadableLine }),
    });
  }
  return artifacts;
}

/** The bytes detection reads of a file at `ref`, or why they are not read (over the size limit, an LFS pointer, binary). */
async function readForDetection(source: Source, ref: string, path: string, maxMb: number): Promise<{ content: Buffer | null; unreadable?: string }> {
  const size = await source.fileSize(ref, path);
  if (size !== null && size > maxMb * 1024 * 1024)
    return { content: null, unreadable: `${(size / 1024 / 1024).toFixed(1)} MB is over the ${maxMb} MB size limit` };
  const content = await detectionBytes(source, ref, path, size);
  const kind = content ? classifyContent(content) : null;
  if (kind?.kind === "lfs-pointer") return { content, unreadable: "it is a Git LFS pointer" };
  if (kind?.kind === "binary") return { content, unreadable: `binary content (${kind.reason})` };
  return { content };
}

/** A modified or renamed training config's facts at the base commit, read the way the head version was (none when it was not a config there). */
async function baseConfigFacts(source: Source, file: ChangedFile, maxMb: number, ctx: DetectContext): Promise<ConfigFacts | undefined> {
  if (file.status !== "modified" && file.status !== "renamed") return undefined;
  const path = file.previousPath ?? file.path;
  const { content, unreadable } = await readForDetection(source, source.base, path, maxMb);
  if (!content || unreadable) return undefined;
  const detection = await detectFile(path, content, { ...ctx, readFile: (p) => source.readFile(source.base, p) });
  return detection?.kind === "training-config" ? detection.config : undefined;
}

function labelsAt(path: string, format: string, content: Buffer | null): string[] | null {
  if (!content || classifyContent(content).kind !== "text") return null;
  try {
    return parseLabels(path, format, content)?.labels ?? null;
  } catch {
    return null;
  }
}

/** A file whose labels are tracked: a changed artifact or a label file elsewhere in the repo. */
interface LabelSource {
  path: string;
  previousPath?: string;
  format: string;
}

/**
 * Label files the review tracks: changed label schemas and labelled datasets, plus the repo's other
 * label files (by name), whose churn matters to any fine-tuning proposal even when this PR leaves them alone.
 */
async function labelSources(source: Source, artifacts: readonly Artifact[], headFiles: readonly string[], ctx: DetectContext): Promise<LabelSource[]> {
  const sources: LabelSource[] = artifacts
    .filter((a) => !a.unreadable && a.status !== "removed")
    .filter((a) => a.kind === "label-schema" || ((a.kind === "dataset" || a.kind === "eval-dataset") && LABELLED_FORMATS.has(a.format)))
    .map((a) => ({ path: a.path, previousPath: a.previousPath, format: a.format }));
  if (!changesFineTuning(artifacts)) return sources;
  const seen = new Set(sources.map((s) => s.path));
  for (const path of headFiles) {
    if (seen.has(path) || sources.length >= MAX_LABEL_FILES) continue;
    const byPath = await detectFile(path, null, ctx);
    if (byPath?.kind !== "label-schema" && !/(^|\/)domain\.ya?ml$/.test(path)) continue;
    const content = await source.readFile(source.head, path);
    const detection = content && classifyContent(content).kind === "text" ? await detectFile(path, content, ctx) : null;
    if (detection?.kind === "label-schema") sources.push({ path, format: detection.format });
  }
  return sources;
}

async function labelSchemas(
  source: Source,
  labelled: readonly LabelSource[],
  config: RepoConfig,
  headDate: Date,
  windowDays: number,
): Promise<LabelSchemaInfo[]> {
  const since = new Date(headDate.getTime() - windowDays * 86_400_000);
  const maxBytes = config.max_file_mb * 1024 * 1024;
  const infos: LabelSchemaInfo[] = [];
  // Asked for all at once: the GitHub source reads several paths' histories in one request.
  const histories = windowDays > 0 ? await Promise.all(labelled.map((a) => source.history(a.path, since))) : labelled.map(() => []);
  for (const [i, a] of labelled.entries()) {
    const head = await source.readFile(source.head, a.path);
    const base = await source.readFile(source.base, a.previousPath ?? a.path);
    const parsedHead = head ? parseLabels(a.path, a.format, head) : null;
    const history: LabelVersion[] = [];
    // Versions with the same blob may come back as the same bytes (the GitHub source): parsed once.
    const parsed = new Map<Buffer, string[] | null>();
    for (const entry of histories[i]!) {
      if (entry.content && entry.content.length > maxBytes) continue;
      let labels = entry.content ? parsed.get(entry.content) : null;
      if (labels === undefined) {
        labels = labelsAt(a.path, a.format, entry.content);
        parsed.set(entry.content!, labels);
      }
      if (labels) history.push({ sha: entry.sha, date: entry.date, labels });
    }
    infos.push({
      path: a.path,
      baseLabels: labelsAt(a.path, a.format, base),
      headLabels: parsedHead?.labels ?? null,
      lines: parsedHead?.lines ?? {},
      history,
    });
  }
  return infos;
}

/** A dataset the review scans: a changed one, or one a config names (context). */
interface ScanTarget {
  path: string;
  format: string;
  role: "train" | "eval";
  change: DatasetChange;
  /** The path at base, for a modified file. */
  basePath?: string;
  artifact?: Artifact;
  /** The registry entry's key mapping the file is read through. */
  keyMapping?: KeyMapping;
}

/**
 * The datasets to scan: the changed ones, and those that changed configs or context configs name
 * (an unchanged eval set still matters for leakage and coverage), which are context.
 */
async function scanTargets(
  source: Source,
  artifacts: readonly Artifact[],
  configs: readonly { config?: Artifact["config"] }[],
  maxBytes: number,
  ctx: DetectContext,
): Promise<ScanTarget[]> {
  const evalPaths = new Set(configs.flatMap((a) => a.config?.evalPaths ?? []));
  const targets: ScanTarget[] = [];
  for (const a of artifacts) {
    if ((a.kind !== "dataset" && a.kind !== "eval-dataset") || a.unreadable || a.status === "removed") continue;
    targets.push({
      path: a.path,
      format: a.format,
      role: a.kind === "eval-dataset" || evalPaths.has(a.path) ? "eval" : "train",
      change: a.status === "added" ? "added" : "modified",
      basePath: a.previousPath ?? a.path,
      artifact: a,
      ...mappingFor(a.path, a.format, ctx),
    });
  }
  const referenced = configs.flatMap((a) => [
    ...(a.config?.datasetPaths ?? []).map((path) => ({ path, role: "train" as const })),
    ...(a.config?.evalPaths ?? []).map((path) => ({ path, role: "eval" as const })),
  ]);
  for (const ref of referenced) {
    // A changed file that was not read (a symlink, an LFS pointer) is not read as a reference either.
    if (targets.some((t) => t.path === ref.path) || artifacts.some((a) => a.path === ref.path)) continue;
    const size = await source.fileSize(source.head, ref.path);
    if (size === null || size > maxBytes) continue;
    const content = await detectionBytes(source, source.head, ref.path, size);
    const detection = content && classifyContent(content).kind === "text" ? await detectFile(ref.path, content, ctx) : null;
    if (detection && (detection.kind === "dataset" || detection.kind === "eval-dataset")) {
      targets.push({ path: ref.path, format: detection.format, role: ref.role, change: "context", ...mappingFor(ref.path, detection.format, ctx) });
    }
  }
  return targets;
}

/** The registry entry's mapping for a dataset detection read by it (a `paths` glob may have said otherwise). */
function mappingFor(path: string, format: string, ctx: DetectContext): { keyMapping?: KeyMapping } {
  const keyMapping = ctx.registryEntry?.(path);
  return keyMapping && mappedFormat(keyMapping) === format ? { keyMapping } : {};
}

/** Streams a file at a ref, tagging the Source's errors and reporting progress on large files. */
function streamOf(source: Source, ref: string, path: string, size: number, label: string, progress?: Progress): AsyncIterable<Buffer> {
  return withProgress(tagged(source.readStream(ref, path)), label, size, progress);
}

/**
 * Scans the changed datasets and the datasets that configs name, each in one streaming pass; a
 * modified dataset's base version is then read once more, as a keyed pass (see `readBaseline`).
 * Only changed files are artifacts; the rest are context.
 */
async function scanDatasets(
  source: Source,
  artifacts: Artifact[],
  contextConfigs: readonly ContextConfig[],
  config: RepoConfig,
  ctx: DetectContext,
  opts: { progress?: Progress; signal?: AbortSignal; estimate?: boolean; lexicon: ScanLexicon },
): Promise<DatasetScan[]> {
  const { lexicon } = opts;
  const maxBytes = config.max_file_mb * 1024 * 1024;
  const configs = [...artifacts.filter((a) => a.status !== "removed"), ...contextConfigs];
  const targets = await scanTargets(source, artifacts, configs, maxBytes, ctx);
  // The text sample serves exact token counts only: kept when some config names a model with a known tokenizer.
  const textSample =
    opts.estimate !== false &&
    [...artifacts.map((a) => a.config?.model), ...contextConfigs.map((c) => c.config.model)].some((m) => tokenizerFor(m) !== undefined);
  const scans: DatasetScan[] = [];
  for (const t of targets) {
    opts.signal?.throwIfAborted();
    const size = await source.fileSize(source.head, t.path);
    if (size === null) continue;
    // Streamed: one pass per file, memory bounded by what the scan keeps, not by the file.
    const chunks = streamOf(source, source.head, t.path, size, t.path, opts.progress);
    let scan: DatasetScan;
    try {
      scan = await scanDataset({
        path: t.path,
        format: t.format,
        role: t.role,
        ...(t.keyMapping && { keyMapping: t.keyMapping }),
        chunks,
        lexicon,
        signal: opts.signal,
        textSample,
      });
    } catch (error) {
      if (error instanceof SourceReadError) throw error.original;
      opts.signal?.throwIfAborted();
      if (t.artifact) t.artifact.unreadable = `its records could not be scanned (${(error as Error).message})`;
      continue;
    }
    scan.change = t.change;
    if (t.change === "modified" && t.basePath) await addBaseline(source, scan, t.basePath, maxBytes, opts);
    scans.push(scan);
  }
  return scans;
}

/**
 * Reads the base version of a modified dataset into `scan.base`. A base version that is missing,
 * over the size limit or unreadable leaves the file judged as added: everything in it is new.
 */
async function addBaseline(
  source: Source,
  scan: DatasetScan,
  basePath: string,
  maxBytes: number,
  opts: { progress?: Progress; signal?: AbortSignal },
): Promise<void> {
  const size = await source.fileSize(source.base, basePath);
  if (size === null || size > maxBytes) {
    scan.change = "added";
    return;
  }
  const chunks = streamOf(source, source.base, basePath, size, `${basePath} at base`, opts.progress);
  try {
    scan.base = await readBaseline({ path: basePath, head: scan, chunks, signal: opts.signal });
  } catch (error) {
    if (error instanceof SourceReadError) throw error.original;
    opts.signal?.throwIfAborted();
    scan.change = "added";
  }
}

/**
 * Unchanged training configs that name a changed dataset no changed config names: their sequence
 * length, eval split and eval set apply to a data-only change. Reads at most
 * MAX_CONTEXT_CANDIDATES small YAML/JSON files, names that read as configs first.
 */
async function findContextConfigs(
  source: Source,
  artifacts: readonly Artifact[],
  changed: readonly ChangedFile[],
  headFiles: readonly string[],
  ctx: DetectContext,
): Promise<{ configs: ContextConfig[]; notes: string[] }> {
  const named = new Set(artifacts.flatMap((a) => [...(a.config?.datasetPaths ?? []), ...(a.config?.evalPaths ?? [])]));
  const unnamed = new Set(
    artifacts.filter((a) => (a.kind === "dataset" || a.kind === "eval-dataset") && a.status !== "removed" && !named.has(a.path)).map((a) => a.path),
  );
  if (unnamed.size === 0) return { configs: [], notes: [] };
  const changedPaths = new Set(changed.flatMap((f) => [f.path, f.previousPath ?? f.path]));
  const candidates = headFiles.filter((p) => !changedPaths.has(p) && /\.(ya?ml|json)$/i.test(p));
  const rank = (p: string): number => (CONFIG_NAME.test(p) ? 0 : 1);
  candidates.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const picked = candidates.slice(0, MAX_CONTEXT_CANDIDATES);
  source.prefetch?.(picked);
  const configs: ContextConfig[] = [];
  for (const path of picked) {
    const size = await source.fileSize(source.head, path);
    if (size === null || size > MAX_CONTEXT_CONFIG_BYTES) continue;
    const content = await source.readFile(source.head, path);
    if (!content || classifyContent(content).kind !== "text") continue;
    const detection = await detectFile(path, content, ctx);
    const facts = detection?.kind === "training-config" ? detection.config : undefined;
    if (!facts || facts.infrastructure) continue;
    if ([...facts.datasetPaths, ...facts.evalPaths].some((d) => unnamed.has(d))) configs.push({ path, format: detection!.format, config: facts });
  }
  const notes =
    candidates.length > picked.length
      ? [
          `${candidates.length - picked.length} unchanged YAML/JSON files were not searched for training configs that name the changed datasets (the first ${MAX_CONTEXT_CANDIDATES} were).`,
        ]
      : [];
  return { configs, notes };
}

/** CODEOWNERS at base (the first of GitHub's locations that exists) and config owners; skipped lines become notes. */
async function ownerRules(source: Source, config: RepoConfig, notes: string[]): Promise<OwnerRule[]> {
  const rules: OwnerRule[] = [];
  for (const path of CODEOWNERS_PATHS) {
    const text = await source.readFile(source.base, path);
    if (text) {
      const parsed = parseCodeowners(decode(text), path);
      rules.push(...parsed.rules);
      notes.push(...parsed.problems.map((p) => `${p.message}.`));
      break;
    }
  }
  return [...rules, ...configOwnerRules(config.owners)];
}

/** The base branch's waivers and, when the change edits the file, the entries it adds, validated for this review's day. */
async function readWaivers(
  source: Source,
  changed: readonly ChangedFile[],
  config: RepoConfig,
  owners: readonly OwnerRule[],
  headFiles: readonly string[],
  ruleIds: ReadonlySet<string>,
  now: Date,
): Promise<WaiverSet> {
  const read = async (ref: string, origin: "base" | "change") => {
    const bytes = await source.readFile(ref, WAIVERS_PATH);
    return bytes ? parseWaiverFile(decode(bytes), origin) : null;
  };
  const edited = changed.some((f) => f.path === WAIVERS_PATH && f.status !== "removed");
  const ctx = { now, maxDays: config.max_waiver_days, ruleIds, owners, headFiles };
  return checkWaivers(await read(source.base, "base"), edited ? await read(source.head, "change") : null, ctx);
}

async function evalFiles(files: readonly string[], ctx: DetectContext): Promise<string[]> {
  const found: string[] = [];
  for (const path of files) {
    const d = await detectFile(path, null, ctx);
    if (d && (d.kind === "eval-suite" || d.kind === "eval-dataset")) found.push(path);
  }
  return found;
}

/**
 * The training estimate of the scanned datasets, with the tokenizer of the config's model when
 * one is known (the longest records are then counted exactly too); the scans' text samples are
 * let go after it.
 */
async function trainingEstimate(
  artifacts: readonly Artifact[],
  contextConfigs: readonly ContextConfig[],
  datasets: DatasetScan[],
  config: RepoConfig,
): Promise<TrainingEstimate | undefined> {
  const configs: EstimateConfig[] = [
    ...artifacts.filter((a) => a.kind === "training-config" && a.status !== "removed" && a.config).map((a) => ({ path: a.path, config: a.config! })),
    ...contextConfigs.map((c) => ({ path: c.path, config: c.config })),
  ];
  const name = tokenizerFor(
    estimateConfig(
      configs,
      datasets.filter((d) => d.role === "train"),
    )?.config.model,
  );
  // Eval sets too: dataset-length counts their longest records exactly.
  const tokenizer = name && datasets.length > 0 ? await loadTokenizer(name) : undefined;
  const estimate = estimateTraining({ datasets, configs, pricing: config.pricing, tokenizer });
  for (const scan of datasets) {
    if (tokenizer) countLongest(scan, tokenizer);
    delete scan.textSample;
  }
  return estimate;
}

/** Files a dataset registry can name, the registry itself, and the configs that name its datasets. */
const REGISTRY_NAMED = /\.(jsonl?|ndjson|csv|tsv|ya?ml)$/i;

/**
 * The dataset registries at head, whichever config names their folder (a registry names files
 * relative to its own folder): `data/` first, as LLaMA-Factory's default `dataset_dir`, then by
 * depth. The first registry that names a file decides how it is read.
 */
async function readRegistries(source: Source, headFiles: readonly string[]): Promise<RegistryRead[]> {
  const name = registryFileName();
  const rank = (p: string): number => (p === `data/${name}` ? -1 : p.split("/").length);
  const paths = headFiles.filter((p) => p === name || p.endsWith(`/${name}`)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const registries: RegistryRead[] = [];
  for (const path of paths.slice(0, MAX_REGISTRIES)) {
    const size = await source.fileSize(source.head, path);
    if (size === null || size > MAX_REGISTRY_BYTES) continue;
    const content = await source.readFile(source.head, path);
    if (!content || classifyContent(content).kind !== "text") continue;
    const read = registryFromText(path, decode(content));
    if (read.entries.length > 0) registries.push(read);
  }
  return registries;
}

/**
 * Unreadable mappings in an unchanged registry that names a changed dataset: the changed registry's
 * own are `config-references` findings, but without a word here the dataset's format findings
 * would not say why its renamed keys were not read.
 */
function registryNotes(registries: readonly RegistryRead[], artifacts: readonly Artifact[]): string[] {
  const changed = new Set(artifacts.filter((a) => a.status !== "removed").map((a) => a.path));
  const datasets = artifacts.filter((a) => (a.kind === "dataset" || a.kind === "eval-dataset") && a.status !== "removed").map((a) => a.path);
  const notes: string[] = [];
  for (const r of registries) {
    if (changed.has(r.path)) continue;
    for (const p of r.problems) {
      const entry = r.entries.find((e) => e.mapping.entry === p.entry);
      const file = entry && datasets.find((d) => d === entry.path || d.startsWith(`${entry.path}/`));
      if (file) notes.push(`${p.message}${p.line === undefined ? "" : ` (line ${p.line})`}; ${file} is read without that mapping.`);
    }
  }
  return notes;
}

/**
 * Reads everything the rules need through the Source, once: changed files, detection, dataset scans,
 * label histories, owners and the head file list. Rules then run on this without any I/O.
 */
export async function buildInput(
  source: Source,
  config: RepoConfig,
  rules: readonly Rule[],
  opts: { body?: string; notes?: string[]; progress?: Progress; signal?: AbortSignal; estimate?: boolean; now?: Date } = {},
): Promise<ReviewInput> {
  const headDate = await source.headDate();
  const changed = await source.changedFiles();
  const headFiles = await source.listFiles(source.head);
  // Registries decide how the data files they name are read: not read when no such file changed.
  const registries = changed.some((f) => f.status !== "removed" && REGISTRY_NAMED.test(f.path)) ? await readRegistries(source, headFiles) : [];
  const ctx: DetectContext = {
    paths: config.paths,
    readFile: (path) => source.readFile(source.head, path),
    registryEntry: (path) => entryFor(registries, path)?.mapping,
  };
  const artifacts = await detectArtifacts(source, changed, config, ctx, needsBaseConfig(rules, config));
  const proposal: ReviewInput["proposal"] = [];
  if (opts.body?.trim()) proposal.push({ text: opts.body.slice(0, MAX_PROPOSAL_CHARS) });
  for (const a of artifacts.filter((x) => x.kind === "proposal" && x.status !== "removed" && !x.unreadable)) {
    const text = await source.readFile(source.head, a.path);
    if (text) proposal.push({ path: a.path, text: decode(text).slice(0, MAX_PROPOSAL_CHARS) });
  }
  // Frozen: the proposal rules share one read of it per review (proposal-reader.ts).
  Object.freeze(proposal);
  if (proposal.length && needsEnglishModel(rules, config)) await loadEnglishModel();
  const configFile = changed.find((f) => f.path === CONFIG_PATH && f.status !== "removed");
  let configChange: ReviewInput["configChange"];
  if (configFile) {
    const text = await source.readFile(source.head, CONFIG_PATH);
    const result = parseRepoConfig(text ? decode(text) : null);
    configChange = { path: CONFIG_PATH, problems: result.ok ? [] : result.problems };
  }
  const context = await findContextConfigs(source, artifacts, changed, headFiles, ctx);
  // The caller's array, which the Source may still add to (GitHub's file cap).
  const notes = opts.notes ?? [];
  notes.push(...context.notes, ...registryNotes(registries, artifacts));
  const datasets = await scanDatasets(source, artifacts, context.configs, config, ctx, { ...opts, lexicon: scanLexiconOf(rules) });
  // The scan is a review's long part: a review stopped during it reads nothing more.
  opts.signal?.throwIfAborted();
  const owners = await ownerRules(source, config, notes);
  const estimate = opts.estimate === false ? undefined : await trainingEstimate(artifacts, context.configs, datasets, config);
  return {
    base: source.base,
    head: source.head,
    headDate,
    config,
    changed,
    artifacts,
    proposal,
    datasets,
    labelSchemas: await labelSchemas(source, await labelSources(source, artifacts, headFiles, ctx), config, headDate, historyDaysOf(rules, config)),
    owners,
    headFiles,
    evalFiles: await evalFiles(headFiles, ctx),
    notes,
    configChange,
    contextConfigs: context.configs,
    waivers: await readWaivers(source, changed, config, owners, headFiles, new Set(rules.map((r) => r.meta.id)), opts.now ?? new Date()),
    ...(estimate && { estimate }),
    proposes: proposesFineTuning(artifacts),
  };
}
