/**
 * The training estimate: tokens per training dataset (counted with the model's real tokenizer
 * where one is known, else estimated at four characters a token, and said so), times the epochs
 * the config states, times the repo config's `pricing`. Pure: the tokenizer comes loaded.
 */
import type { ConfigFacts, DatasetEstimate, DatasetScan, EstimateMethod, TextSampleEntry, TrainingEstimate } from "../types.js";
import { openaiModelId, type Tokenizer } from "./tokenizer-for.js";

/** A training config the estimate may take its model and epochs from. */
export interface EstimateConfig {
  path: string;
  config: ConfigFacts;
}

/** What {@link estimateTraining} reads. */
export interface EstimateInput {
  datasets: readonly DatasetScan[];
  /** Changed training configs first, then unchanged ones read as context. */
  configs: readonly EstimateConfig[];
  /** The repo config's `pricing`: model id or family prefix → USD per 1M trained tokens. */
  pricing: Readonly<Record<string, number>>;
  /** The tokenizer of the config's model, loaded (see `tokenizerFor`, `loadTokenizer`). */
  tokenizer?: Tokenizer;
}

// OpenAI's cookbook counts 3 tokens per message plus its role (one token), and 3 per example
// (the reply's priming): how OpenAI's own data-preparation notebook counts training tokens.
const TOKENS_PER_MESSAGE = 4;
const TOKENS_PER_EXAMPLE = 3;
const CHAT_FORMATS = new Set(["openai-chat", "sharegpt"]);

/** The tokens of one record's trained texts: per-message overhead for chat formats. */
export function recordTokens(entry: TextSampleEntry, format: string, tokenizer: Tokenizer): number {
  let n = 0;
  for (const text of entry.texts) n += tokenizer.count(text);
  return n + overheadTokens(entry, format);
}

/** The tokens a chat format adds around a record's texts (the OpenAI cookbook's per-example and per-message counts); 0 otherwise. */
function overheadTokens(entry: TextSampleEntry, format: string): number {
  return CHAT_FORMATS.has(format) ? TOKENS_PER_EXAMPLE + TOKENS_PER_MESSAGE * entry.texts.length : 0;
}

/** The config the estimate reads: the first that trains one of the datasets, else the first. */
export function estimateConfig(configs: readonly EstimateConfig[], datasets: readonly DatasetScan[]): EstimateConfig | undefined {
  const trained = configs.filter((c) => !c.config.infrastructure && !c.config.registry);
  return trained.find((c) => datasets.some((d) => c.config.datasetPaths.includes(d.path))) ?? trained[0];
}

/** The `pricing` entry for a model: the exact id first, then the longest key the id starts with. */
export function priceFor(model: string | undefined, pricing: Readonly<Record<string, number>>): { key: string; usdPerMillion: number } | undefined {
  if (model === undefined) return undefined;
  const ids = [...new Set([model.trim().toLowerCase(), openaiModelId(model), model.trim().toLowerCase().split("/").pop() ?? ""])].filter((s) => s !== "");
  const entries = Object.entries(pricing);
  const exact = entries.find(([k]) => ids.includes(k.toLowerCase()));
  if (exact) return { key: exact[0], usdPerMillion: exact[1] };
  let best: [string, number] | undefined;
  for (const [k, v] of entries) {
    const key = k.toLowerCase();
    if (ids.some((id) => id.startsWith(key)) && (best === undefined || key.length > best[0].length)) best = [k, v];
  }
  return best && { key: best[0], usdPerMillion: best[1] };
}

/** One dataset's training tokens and how they were counted. */
export function datasetTokens(scan: DatasetScan, tokenizer: Tokenizer | undefined): DatasetEstimate {
  const chars = scan.chars ?? 0;
  const sample = scan.textSample;
  if (tokenizer === undefined || sample === undefined || (sample.entries.length === 0 && scan.records > 0)) {
    return { path: scan.path, tokens: Math.ceil(chars / 4), method: "chars/4" };
  }
  let total = 0;
  let content = 0;
  let sampleChars = 0;
  for (const entry of sample.entries) {
    let textTokens = 0;
    for (const t of entry.texts) {
      sampleChars += t.length;
      textTokens += tokenizer.count(t);
    }
    content += textTokens;
    total += textTokens + overheadTokens(entry, scan.format);
  }
  if (sample.complete) return { path: scan.path, tokens: total, method: "exact" };
  // Content tokens scale with the characters (long unsampled records included); overhead with the records.
  const overheadPerRecord = (total - content) / sample.entries.length;
  const tokens = Math.round((sampleChars > 0 ? (content / sampleChars) * chars : 0) + overheadPerRecord * scan.records);
  return { path: scan.path, tokens, method: "sampled" };
}

const METHOD_RANK: Record<EstimateMethod, number> = { exact: 0, sampled: 1, "chars/4": 2 };

/**
 * The training estimate of the review's training datasets, or undefined when none is trained.
 * Epochs the config does not state (or leaves to the provider, `n_epochs: auto`) are not guessed:
 * `epochs`, `trainedTokens` and `usd` are then absent.
 */
export function estimateTraining(input: EstimateInput): TrainingEstimate | undefined {
  const train = input.datasets.filter((d) => d.role === "train");
  if (train.length === 0) return undefined;
  const config = estimateConfig(input.configs, train);
  const facts = config?.config;
  const datasets = train.map((d) => datasetTokens(d, input.tokenizer));
  const tokens = datasets.reduce((n, d) => n + d.tokens, 0);
  const method = datasets.reduce<EstimateMethod>((m, d) => (METHOD_RANK[d.method] > METHOD_RANK[m] ? d.method : m), "exact");
  const estimate: TrainingEstimate = { tokens, method, datasets };
  if (facts?.model !== undefined) estimate.model = facts.model;
  if (input.tokenizer && method !== "chars/4") estimate.tokenizer = input.tokenizer.name;
  if (config) {
    estimate.configPath = config.path;
    const line = facts?.epochsLine ?? facts?.modelLine;
    if (line !== undefined) estimate.configLine = line;
  }
  if (facts?.epochsAuto) estimate.epochsAuto = true;
  if (facts?.epochs !== undefined) {
    estimate.epochs = facts.epochs;
    estimate.trainedTokens = Math.round(tokens * facts.epochs);
    const price = priceFor(facts.model, input.pricing);
    if (price) {
      estimate.usd = Math.round((estimate.trainedTokens / 1e6) * price.usdPerMillion * 100) / 100;
      estimate.priceKey = price.key;
    }
  }
  return estimate;
}

/**
 * Counts the `longest` records of a scan exactly where their texts were kept, so length checks
 * compare real token counts with the model's limit; records too long to keep stay estimated.
 */
export function countLongest(scan: DatasetScan, tokenizer: Tokenizer): void {
  const texts = new Map((scan.textSample?.longest ?? []).map((e) => [e.line, e]));
  if (texts.size === 0) return;
  for (const l of scan.longest) {
    const entry = texts.get(l.line);
    if (entry) l.tokens = recordTokens(entry, scan.format, tokenizer);
  }
  scan.longest.sort((a, b) => b.tokens - a.tokens || a.line - b.line);
  scan.longestTokenizer = tokenizer.name;
}
