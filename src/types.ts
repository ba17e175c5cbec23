/**
 * The shapes every part of finetune-review shares: what a Source reads, what detection finds,
 * what rules receive and return, and the Review the renderers print.
 */
import type { RepoConfig } from "./config/schema.js";

import type { z } from "zod";
import type { Severity } from "./severity.js";

export type { Severity } from "./severity.js";

/** The check conclusion a Review maps to. */
export type Conclusion = "success" | "neutral" | "failure";

/** Pattern number from the design (1-7); 0 for findings about the review itself (config, unreadable). */
export type PatternNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The artifact kinds of the design. */
export type ArtifactKind = "training-config" | "dataset" | "eval-dataset" | "label-schema" | "eval-suite" | "proposal";

/** How a file changed between base and head. */
export type ChangeStatus = "added" | "modified" | "renamed" | "removed";

/** One changed file between the base and head refs. */
export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  /** The path at base, for renames. */
  previousPath?: string;
  /**
   * A symbolic link (at head; at base for a removed file), where the Source knows file modes: git
   * stores the link's target path as its content, and nothing follows it.
   */
  symlink?: boolean;
}

/** One commit that touched a path, with the file's bytes at that commit (null: deleted there). */
export interface HistoryEntry {
  sha: string;
  /** Committer date. */
  date: Date;
  content: Buffer | null;
}

/**
 * A read-only view of a repository at two refs. Implemented over local git and over the
 * GitHub API; rules never know which. Only `sources/` and `github/` do I/O.
 */
export interface Source {
  /** Resolved base commit sha. */
  readonly base: string;
  /** Resolved head commit sha. */
  readonly head: string;
  /** Files changed between base (merge base) and head. */
  changedFiles(): Promise<ChangedFile[]>;
  /** Bytes of a file at a ref, or null when the file does not exist there. */
  readFile(ref: string, path: string): Promise<Buffer | null>;
  /**
   * The bytes of a file at a ref as chunks, never whole: how large datasets are read. Yields
   * nothing when the file does not exist there (callers check `fileSize` first).
   */
  readStream(ref: string, path: string): AsyncIterable<Buffer>;
  /** Size in bytes of a file at a ref without reading it, or null when missing. */
  fileSize(ref: string, path: string): Promise<number | null>;
  /** Every file path at a ref (used for existence checks and repo-wide eval suites). */
  listFiles(ref: string): Promise<string[]>;
  /** Commits that touched `path` up to head, newest first, not older than `since`. */
  history(path: string, since: Date): Promise<HistoryEntry[]>;
  /** Committer date of the head commit: history windows are measured back from it. */
  headDate(): Promise<Date>;
  /** A hint that these paths will be read at head next, so a remote source may fetch them together. */
  prefetch?(paths: readonly string[]): void;
}

/** Facts read from a training config (or a dataset registry) by detection. */
export interface ConfigFacts {
  framework: string;
  /** true: LoRA/QLoRA/DoRA/adapter; false: full-parameter; null: not stated / infrastructure. */
  usesAdapter: boolean | null;
  /** The config references an eval set, a validation split or an eval strategy. */
  referencesEval: boolean;
  /** Local dataset paths the config references (relative to the repo root). */
  datasetPaths: string[];
  /** Local eval dataset paths the config references (relative to the repo root). */
  evalPaths: string[];
  /** Max sequence length in tokens, when the config states one. */
  sequenceLength?: number;
  /** 1-based line of the key that sets the adapter / full-finetune choice, for annotations. */
  adapterLine?: number;
  /** 1-based lines of each dataset path reference, keyed by path. */
  pathLines?: Record<string, number>;
  /** Infrastructure only (accelerate, DeepSpeed): not a fine-tuning proposal by itself. */
  infrastructure: boolean;
  /** A dataset registry (LLaMA-Factory `dataset_info.json`): maps names to files, trains nothing itself. */
  registry?: boolean;
  /** Registry entries whose `columns`/`tags` cannot be read, with their lines (a registry's own facts). */
  registryProblems?: { line?: number; message: string }[];
  /** Held-out splits (test/eval/validation) that the training mixture includes, with their lines. */
  evalSplitsInTraining?: { dataset: string; split: string; line?: number }[];
  /** The base model the config trains (`base_model`, `model_name_or_path`, an OpenAI job's `model`, ...). */
  model?: string;
  /** 1-based line of the model key. */
  modelLine?: number;
  /** Training epochs, when the config states a number (OpenAI's `"auto"` is not one: see `epochsAuto`). */
  epochs?: number;
  /** 1-based line of the epochs key (also when its value is `"auto"`). */
  epochsLine?: number;
  /** The config leaves the epochs to the provider (`n_epochs: auto`). */
  epochsAuto?: true;
  /** Values of the keys that name a Hugging Face Hub model or dataset, with the revision they state. */
  hubRefs?: HubRef[];
}

/**
 * A value of a key that names a Hugging Face Hub model or dataset (`owner/name`) in a config.
 * Detection records every candidate; the rule drops the ones that are paths in the repository.
 */
export interface HubRef {
  /** The key path that names it, e.g. `base_model`, `datasets[0].path`, `alpaca_en.hf_hub_url`. */
  key: string;
  /** The Hub id without any `@revision` suffix. */
  id: string;
  kind: "model" | "dataset";
  /** 1-based line of the key that names it. */
  line?: number;
  /** The revision stated for it (the revision key's value or an `@` suffix), when any. */
  revision?: string;
  /** The key that states `revision` (the id's own key for an `@` suffix). */
  revisionKey?: string;
  /** The key the framework reads to pin this reference; absent when it has none. */
  pinKey?: string;
  /** The file that declares the id when it is not the config itself (a LLaMA-Factory `dataset_info.json`). */
  file?: string;
}

/** A changed file that detection recognised as a fine-tuning artifact. */
export interface Artifact {
  path: string;
  kind: ArtifactKind;
  /** Framework or dataset format name, e.g. `axolotl`, `openai-chat`, `rasa-domain`, `markdown`. */
  format: string;
  status: ChangeStatus;
  previousPath?: string;
  /** Present for training configs and eval suites. */
  config?: ConfigFacts;
  /**
   * A modified or renamed training config's facts on the base branch: what was there before this change, so a
   * rule can tell what the change introduced (an unpinned reference or a full fine-tune that was already there).
   */
  baseConfig?: ConfigFacts;
  /** Why the content was not read (LFS pointer, binary, over the size limit, YAML that is not plain data). */
  unreadable?: string;
  /** 1-based line the `unreadable` reason points at (a YAML problem), where it has one. */
  unreadableLine?: number;
}

/** A problem with one record of a dataset (1-based line). */
export interface RecordIssue {
  line: number;
  message: string;
  /** A defect of content in a record that is still read (see `ExtractedRecord.defect`), not a record that could not be read. */
  defect?: true;
}

/** One secret or PII pattern from a rule lexicon. */
export interface SensitivePattern {
  /** e.g. `openai-api-key`, `private-key`, `card-number` (Luhn-checked), `email`, `phone`. */
  kind: string;
  /** Secrets are errors; PII is a warning. */
  secret: boolean;
  /** JavaScript regex source. */
  regex: string;
  /** Regex flags besides `g` (added here). */
  flags?: string;
}

/** The patterns a dataset scan applies per record, gathered from the rules that ask for them (`RuleNeeds.scanLexicon`). */
export interface ScanLexicon {
  sensitive: SensitivePattern[];
  /** Regex sources (matched case-insensitively) for phrases that read as business rules. */
  businessRules: string[];
}

/** A secret or PII value found in data, already masked. */
export interface SensitiveHit {
  line: number;
  /** e.g. `openai-api-key`, `private-key`, `card-number`, `email`, `phone`. */
  kind: string;
  secret: boolean;
  /** A short prefix and the kind, never the value, e.g. `sk-p… (openai-api-key)`. */
  masked: string;
  /** Set when the value is reserved for examples (`example.com`, a 555-01xx number): not a real person's. */
  placeholder?: true;
}

/** The normalised, comparable view of one record used for duplicates and leakage. */
export interface RecordKey {
  line: number;
  /** Hash of the normalised input (prompt) text. */
  inputHash: string;
  /** Hash of the normalised whole example (input and target). */
  exampleHash: string;
  /** MinHash signature of the normalised input's shingles (system prompts left out), for near-duplicates. */
  signature: Uint32Array;
}

/**
 * The identity of each record of a dataset file, in file order: its first line, the hash of its
 * content and, where the record has a stable key (a top-level `id`), the hash of that key (NaN
 * where none). Plain typed arrays, so a worker thread's part can be sent as is.
 */
export interface RecordIds {
  lines: Uint32Array<ArrayBuffer>;
  hashes: Float64Array<ArrayBuffer>;
  /** Null when no record of the file has an `id`. */
  keys: Float64Array<ArrayBuffer> | null;
}

/**
 * How a scanned dataset relates to the change: `added` (new in this change, everything in it is
 * introduced), `modified` (its base version was read too: see `DatasetScan.base`) or `context`
 * (unchanged, read because a changed file depends on it: nothing in it is introduced).
 */
export type DatasetChange = "added" | "modified" | "context";

/** What the base version of a modified dataset held, read as far as the diff and whole-file figures need. */
export interface DatasetBaseline {
  /** The file's path at base (differs from the head path after a rename). */
  path: string;
  /** Records at base, malformed ones included. */
  records: number;
  /** Valid records at base (what `DatasetScan.records` counts at head). */
  validRecords: number;
  /** label -> records at base, for labelled formats. */
  labelCounts: Record<string, number>;
  /** Keys of the valid records at base, for whole-file figures (duplicate ratio). */
  keys: RecordKey[];
  /** Content hashes of the base records (a multiset), for "was this record already there". */
  hashes: Float64Array;
  /** Head records whose content is not at base (less `changed`). */
  added: number;
  /** Base records whose content is not at head (less `changed`). */
  removed: number;
  /** Records whose stable key (`id`) is at both ends with new content. */
  changed: number;
}

/** One record's trained texts (for chat formats, one text per message), sampled for exact token counts. */
export interface TextSampleEntry {
  line: number;
  texts: string[];
}

/** Record texts a scan keeps for counting tokens with a real tokenizer after it (see `text-sample.ts`). */
export interface TextSample {
  /** A deterministic sample of the valid records (by content hash), at most about 1M characters, in line order. */
  entries: TextSampleEntry[];
  /** The sample holds every valid record: a count over it is the file's exact count. */
  complete: boolean;
  /** The texts of the `longest` entries (those under 512K characters), by line. */
  longest: TextSampleEntry[];
}

/**
 * How a dataset registry entry (LLaMA-Factory `dataset_info.json`) says its file is read: the
 * record keys each role is under and the ShareGPT role/content keys and role values. Plain data:
 * it is sent to scan workers.
 */
export interface KeyMapping {
  /** Repo-relative path of the registry file. */
  registry: string;
  /** The entry's name in the registry. */
  entry: string;
  /** The entry's `formatting` (`openai` reads as ShareGPT with OpenAI tags). */
  formatting: "alpaca" | "sharegpt" | "openai";
  /** The entry's `ranking: true`: preference pairs. */
  ranking: boolean;
  /** Role (`prompt`, `query`, `response`, `history`, `messages`, `system`, `chosen`, `rejected`) -> the record key the entry names for it. */
  columns: Record<string, string>;
  /** Tag (`role_tag`, `content_tag`, `user_tag`, `assistant_tag`, `observation_tag`, `function_tag`, `system_tag`) -> its key or value. */
  tags: Record<string, string>;
}

/** The result of one streaming pass over a dataset file. */
export interface DatasetScan {
  path: string;
  /** `openai-chat`, `prompt-completion`, `alpaca`, `sharegpt`, `preference`, `classification`, `rasa-nlu`, ... */
  format: string;
  /** eval datasets are `eval`, others `train`. */
  role: "train" | "eval";
  records: number;
  /** Records that do not parse, are not UTF-8, or do not match the format. */
  formatIssues: RecordIssue[];
  /** label -> number of records, for labelled formats (classification, rasa-nlu). */
  labelCounts: Record<string, number>;
  /** label -> first line it appears on. */
  labelLines: Record<string, number>;
  keys: RecordKey[];
  /** Estimated length in tokens of each record: [line, tokens] for records over 0. */
  longest: { line: number; tokens: number }[];
  /** Set when the `longest` token counts were counted with this tokenizer (e.g. `o200k_base`), not estimated. */
  longestTokenizer?: string;
  /** Characters of the trained text of all valid records (what the chars/4 estimate divides). */
  chars?: number;
  /** Record texts kept for exact token counts (dropped once the estimate is made). */
  textSample?: TextSample;
  /** Records whose target (assistant turn, output, completion, chosen) is empty. */
  emptyTargets: number[];
  /** Total empty targets when more than `emptyTargets` holds (capped); absent when complete. */
  emptyTargetTotal?: number;
  /** Secret/PII hits, the first ones of the file (capped). */
  sensitive: SensitiveHit[];
  /** Total hits when more than `sensitive` holds; absent when `sensitive` is complete. */
  sensitiveTotal?: number;
  /** Total issues when more than `formatIssues` holds; absent when `formatIssues` is complete. */
  formatIssueTotal?: number;
  /** Lines whose target text reads as a business rule, with the matching phrase. */
  businessRules: { line: number; phrase: string }[];
  /** Total business-rule targets when more than `businessRules` holds (capped); absent when complete. */
  businessRuleTotal?: number;
  /** Number of records that have a target text at all (denominator for business-rules share). */
  targets: number;
  /** Every record's identity (malformed ones included), for matching against the base version. */
  recordIds?: RecordIds;
  /** How the file relates to the change; absent means `added` (a scan outside a review). */
  change?: DatasetChange;
  /** The base version's figures, for a `modified` file. */
  base?: DatasetBaseline;
  /** The registry entry the file was read by, when one names it. */
  keyMapping?: KeyMapping;
}

/** One version of a label schema in history. */
export interface LabelVersion {
  sha: string;
  date: Date;
  labels: string[];
}

/** A label schema artifact with its labels at base and head and its history. */
export interface LabelSchemaInfo {
  path: string;
  /** null when the file does not exist at base. */
  baseLabels: string[] | null;
  headLabels: string[] | null;
  /** Versions newest first, inside the longest window any rule needs. */
  history: LabelVersion[];
  /** 1-based line per label at head, for annotations. */
  lines: Record<string, number>;
}

/** A CODEOWNERS line, in file order (last match wins). */
export interface OwnerRule {
  pattern: string;
  owners: string[];
  /** Where the rule came from, e.g. `.github/CODEOWNERS:3` or `config owners`. */
  origin: string;
}

/** Everything a rule may look at. Built once per review; rules never do I/O. */
export interface ReviewInput {
  base: string;
  head: string;
  headDate: Date;
  config: RepoConfig;
  changed: ChangedFile[];
  artifacts: Artifact[];
  /** The PR description plus changed proposal files, one entry each. */
  proposal: { path?: string; text: string }[];
  datasets: DatasetScan[];
  labelSchemas: LabelSchemaInfo[];
  /** CODEOWNERS at base plus the config's `owners`; empty when there are none. */
  owners: OwnerRule[];
  /** Every file path at head. */
  headFiles: string[];
  /** Files at head that detection by path takes for eval suites or eval datasets. */
  evalFiles: string[];
  /** Notes from building the input: e.g. GitHub's 3,000-file cap was hit. */
  notes: string[];
  /** The PR's own edit of the repo config, validated (it does not apply to this review). */
  configChange?: { path: string; problems: ConfigProblem[] };
  /** Whether the change is a fine-tuning proposal (a non-infrastructure config or a proposal file changed). */
  proposes: boolean;
  /**
   * Unchanged training configs that name a changed dataset, read as context: their sequence
   * length, eval split and eval set apply to the change; they are not artifacts of it.
   */
  contextConfigs: ContextConfig[];
  /** Waivers from the base branch (and those the change adds), validated; the `waiver-invalid` rule reports the problems. */
  waivers: WaiverSet;
  /** The training estimate (tokens, epochs, cost), computed after the scans; absent when nothing is trained. */
  estimate?: TrainingEstimate;
}

/** How a dataset's training tokens were counted. */
export type EstimateMethod = "exact" | "sampled" | "chars/4";

/** The training estimate of one dataset. */
export interface DatasetEstimate {
  path: string;
  tokens: number;
  method: EstimateMethod;
}

/** What the proposed run will train: tokens per epoch, epochs, trained tokens and their price. */
export interface TrainingEstimate {
  /** Training tokens of one epoch, summed over the training datasets. */
  tokens: number;
  /** Epochs the config states; absent when it does not (or leaves them to the provider). */
  epochs?: number;
  /** `tokens` × `epochs`; absent without epochs. */
  trainedTokens?: number;
  /** `trainedTokens` × the `pricing` entry for the model, per million tokens; absent without either. */
  usd?: number;
  /** The least exact method of any dataset. */
  method: EstimateMethod;
  /** The base model, when a config names it. */
  model?: string;
  /** The tokenizer used for the model, e.g. `o200k_base`. */
  tokenizer?: string;
  /** The `pricing` key that priced the model. */
  priceKey?: string;
  /** The config the model and epochs come from, and the line of its epochs (or model) key. */
  configPath?: string;
  configLine?: number;
  /** The config leaves the epochs to the provider (`n_epochs: auto`). */
  epochsAuto?: boolean;
  datasets: DatasetEstimate[];
}

/** An unchanged training config read as context (see `ReviewInput.contextConfigs`). */
export interface ContextConfig {
  path: string;
  /** The framework, e.g. `axolotl`. */
  format: string;
  config: ConfigFacts;
}

/** One way the repo config fails to validate, with the key path and how to fix it. */
export interface ConfigProblem {
  /** Dotted key path, e.g. `rules.label-schema-churn.max_changes`; empty for the whole file. */
  keyPath: string;
  message: string;
  line?: number;
}

/** Which version of the waivers file an entry comes from: the base branch, or added by this change. */
export type WaiverOrigin = "base" | "change";

/** One waiver entry as written, validated for shape. */
export interface Waiver {
  rule: string;
  /** A glob over repository paths (picomatch, dot files included). */
  path: string;
  /** One finding's SARIF partial fingerprint; absent: every finding of the rule under the path. */
  fingerprint?: string;
  reason: string;
  /** An owner of the path, as CODEOWNERS or the config's `owners` write it (`@org/team`, `@user`). */
  approved_by: string;
  /** `YYYY-MM-DD`; the waiver applies through this day (UTC). */
  expires: string;
  /** 1-based line of the entry in the waivers file. */
  line?: number;
  origin: WaiverOrigin;
}

/** Why a waiver entry does not apply, with the key it is about. */
export interface WaiverProblem {
  /** The key at fault (`expires`, `approved_by`, …), empty for the whole entry or file. */
  key: string;
  line?: number;
  message: string;
  origin: WaiverOrigin;
}

/** The waivers that apply (subject, for entries the change adds, to an owner's approval) and why the others do not. */
export interface WaiverSet {
  entries: Waiver[];
  problems: WaiverProblem[];
}

/** How a waived finding was accepted (see `Finding.waived`). */
export interface WaivedBy {
  reason: string;
  approved_by: string;
  expires: string;
}

/** Where a finding points. */
export interface Location {
  path: string;
  line?: number;
  endLine?: number;
}

/** One finding: plain data with one fixed shape, checked at the boundary (see `finding-schema.ts`). */
export interface Finding {
  ruleId: string;
  pattern: PatternNumber;
  severity: Severity;
  title: string;
  message: string;
  remediation?: string;
  path?: string;
  line?: number;
  endLine?: number;
  /** Longer evidence (lists of lines, labels, dates) that renderers collapse. */
  evidence?: string[];
  /**
   * Whether this change introduced the finding (a new record, a figure the change made worse, or a
   * finding about the change itself); false when it was already on the base branch. Absent: true.
   */
  introduced?: boolean;
  /** Stable across pushes and line moves (see `findingFingerprint`); SARIF's partial fingerprint, what a waiver names. */
  fingerprint?: string;
  /** Set when a waiver accepted this finding: it never decides the conclusion. */
  waived?: WaivedBy;
}

/** What a rule function returns before the engine stamps metadata on it. */
export interface RuleResult {
  message: string;
  path?: string;
  line?: number;
  endLine?: number;
  evidence?: string[];
  /** Overrides the configured severity for this one result (e.g. removed labels still used). */
  severity?: Severity;
  /**
   * Set by rules that compare the base with the head themselves (whole-file figures, pairs of
   * records); otherwise the engine decides from the rule's `scope` (see `RuleMeta.scope`).
   */
  introduced?: boolean;
}

/**
 * What a rule's findings are about, which decides whether the change introduced them: `record`
 * (one record of a dataset: new when its content is not in the base version), `file` (a figure of
 * a whole dataset: the rule compares base and head itself) or `change` (the proposal, the configs,
 * ownership: always introduced).
 */
export type RuleScope = "record" | "file" | "change";

/** Rule metadata, loaded from `rules/<id>.yml` and validated at start-up. */
export interface RuleMeta {
  id: string;
  title: string;
  pattern: PatternNumber;
  severity: Severity;
  /** What the rule checks, in one or two sentences (README and SARIF). */
  checks: string;
  rationale: string;
  remediation: string;
  /** Options with their defaults; the repo config may override each. */
  options: Record<string, number | string | boolean | string[]>;
  /** True for rules that judge a fine-tuning proposal (quiet on infrastructure-only PRs). */
  proposal: boolean;
  /** What the rule's findings are about (see {@link RuleScope}). */
  scope: RuleScope;
  /** Rule-specific data (phrases, patterns); each rule validates its own with zod at load. */
  lexicon?: unknown;
}

/**
 * What a rule asks of the engine beyond the input every rule reads, so the engine never names a
 * rule: how much history to read, what the dataset scan looks for, and so on.
 */
export interface RuleNeeds {
  /** Days of label-schema history to read, back from the head commit; the most any enabled rule asks for is read. */
  historyDays?: (options: RuleMeta["options"]) => number;
  /** The near-duplicate threshold (a share, 0-1) at which the dataset diff states duplicate ratios. */
  duplicateThreshold?: (options: RuleMeta["options"]) => number;
  /** What the dataset scan looks for per record on this rule's behalf, from its lexicon. */
  scanLexicon?: Partial<ScanLexicon>;
  /** Results for the base config's problems, when it is invalid and no other rule runs. */
  invalidConfig?: (path: string, problems: readonly ConfigProblem[]) => RuleResult[];
  /** Whether the rule reads the proposal's language: the engine loads the English model first (`loadEnglishModel`). */
  englishModel?: boolean;
  /** Whether the rule compares a modified training config with its base version: the engine reads it (`Artifact.baseConfig`). */
  baseConfig?: boolean;
}

/** A rule: metadata plus a pure function from the review's input to results. */
export interface Rule<O extends RuleMeta["options"] = RuleMeta["options"]> {
  /** What the rule asks of the engine (see {@link RuleNeeds}). */
  needs?: RuleNeeds;
  meta: RuleMeta;
  /**
   * The zod schema of the rule's options, with their bounds (`defineRule` builds it); the repo
   * config's `rules.<id>` validates against it, with the defaults from `meta.options`.
   */
  options?: z.ZodObject;
  check(input: ReviewInput, options: O): RuleResult[];
}

/** The outcome of a review. */
export interface Review {
  base: string;
  head: string;
  conclusion: Conclusion;
  artifacts: Artifact[];
  findings: Finding[];
  /** Notes about the review itself (file cap hit, content skipped). */
  notes: string[];
  /** Label-set size over time per label schema, oldest first (for the comment's chart). */
  labelHistory?: { path: string; points: { date: string; sha: string; count: number }[] }[];
  /** The repo-config settings the renderers and the App's sink need (absent when the config was invalid). */
  settings?: { comment: "sticky" | "off"; on_error: "failure" | "neutral"; existing?: ExistingMode };
  /** Base-to-head diff of each changed dataset (added or modified), in artifact order. */
  datasets?: DatasetDiff[];
  /** The training estimate; absent when nothing is trained. */
  estimate?: TrainingEstimate;
}

/** What the review does with findings the change did not introduce (config `existing`). */
export type ExistingMode = "show" | "hide" | "fail";

/** One end of a dataset diff. */
export interface DatasetFigures {
  /** Records, malformed ones included. */
  records: number;
  labels: Record<string, number>;
  /** Share of valid records that repeat or nearly repeat an earlier one (0-1). */
  duplicateRatio: number;
}

/** The diff of one changed dataset between base and head (`base` null for an added file). */
export interface DatasetDiff {
  path: string;
  format: string;
  base: DatasetFigures | null;
  head: DatasetFigures;
  added: number;
  removed: number;
  changed: number;
}
