/**
 * One streaming pass over a dataset file: format checks per record, duplicate/leakage keys,
 * lengths, empty targets, labels, secrets/PII and business-rule phrases.
 */
import type { DatasetScan, RecordKey, SensitiveHit } from "../types.js";
import { containerFor, readRecordBatches } from "./containers.js";
import { extractRecord, isDatasetFormat, stringLeaves, type DatasetFormat, type ExtractedRecord } from "./formats.js";
import { DEFAULT_MAX_RECORD_BYTES } from "./lines.js";
import { MAX_RECORD_DEPTH, nestsDeeperThan } from "./nesting.js";
import { hex64, KeyTable } from "./key-table.js";
import { TextKeys } from "./text-keys.js";
import { compileLexicon, findBusinessRule, findSensitive, sensitiveCandidates, type CompiledLexicon, type ScanLexicon } from "./sensitive.js";

/** What `scanDataset` reads. */
export interface ScanDatasetInput {
  path: string;
  /** A dataset format name from detection, e.g. `openai-chat` (see `DATASET_FORMATS`). */
  format: string;
  role: "train" | "eval";
  /** The file's bytes, whole or as a stream of chunks. */
  chunks: AsyncIterable<Buffer> | Buffer;
  lexicon: ScanLexicon;
  /** Longest line / CSV record read; longer ones are format issues. Default 8 MB. */
  maxRecordBytes?: number;
}

/** Entries kept in `DatasetScan.longest`. */
export const LONGEST_CAP = 50;
/** Sensitive hits kept per file; `sensitiveTotal` counts them all. */
export const SENSITIVE_CAP = 200;
/** Format issues kept per file; `formatIssueTotal` counts them all. */
export const FORMAT_ISSUE_CAP = 1000;
/** Lines kept per file in `emptyTargets` and `businessRules`; their totals count them all. */
export const LINE_LIST_CAP = 1000;

/** Estimated tokens for a number of characters (about four characters per token). */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

class ScanAccumulator {
  readonly scan: DatasetScan;
  private sensitiveTotal = 0;
  private formatIssueTotal = 0;
  private emptyTargetTotal = 0;
  private businessRuleTotal = 0;
  /** Keys in typed arrays: bounded per record, whatever the record's size. */
  private readonly table = new KeyTable();
  private readonly textKeys = new TextKeys();

  constructor(
    input: ScanDatasetInput,
    private readonly format: DatasetFormat,
    private readonly lexicon: CompiledLexicon,
  ) {
    this.scan = {
      path: input.path,
      format: input.format,
      role: input.role,
      records: 0,
      formatIssues: [],
      labelCounts: {},
      labelLines: {},
      keys: [],
      longest: [],
      emptyTargets: [],
      sensitive: [],
      businessRules: [],
      targets: 0,
    };
  }

  issue(line: number, message: string): void {
    this.formatIssueTotal++;
    if (this.scan.formatIssues.length < FORMAT_ISSUE_CAP) this.scan.formatIssues.push({ line, message: `line ${line}: ${message}` });
  }

  record(line: number, value: unknown, source?: string): void {
    if (nestsDeeperThan(value, MAX_RECORD_DEPTH)) {
      this.issue(line, `record nests more than ${MAX_RECORD_DEPTH} levels deep; flatten it (loaders that recurse overflow their stack on it)`);
      return;
    }
    const extracted = extractRecord(this.format, value);
    if ("error" in extracted) {
      this.issue(line, extracted.error);
      return;
    }
    const s = this.scan;
    s.records++;
    const k = this.textKeys;
    k.compute(extracted.input, extracted.signatureInput, extracted.target, extracted.labels, extracted.signatureFrom);
    this.table.push(line, k.inputHi, k.inputLo, k.exampleHi, k.exampleLo, k.signature);
    this.addLongest(line, estimateTokens(extracted.chars));
    if (extracted.target !== null) s.targets++;
    if (extracted.emptyTarget && this.emptyTargetTotal++ < LINE_LIST_CAP) s.emptyTargets.push(source === undefined ? line : emptyValueLine(source, line));
    for (const label of extracted.labels.length > 1 ? new Set(extracted.labels) : extracted.labels) {
      s.labelCounts[label] = (s.labelCounts[label] ?? 0) + 1;
      s.labelLines[label] ??= line;
    }
    this.addSensitive(line, this.format === "rasa-nlu" || this.format === "rasa-nlu-md" ? [extracted.input] : stringLeaves(value));
    for (const text of extracted.targetTexts) {
      const phrase = findBusinessRule(text, this.lexicon);
      if (phrase !== null) {
        if (this.businessRuleTotal++ < LINE_LIST_CAP) s.businessRules.push({ line, phrase });
        break;
      }
    }
  }

  private addLongest(line: number, tokens: number): void {
    const longest = this.scan.longest;
    if (tokens <= 0) return;
    if (longest.length >= LONGEST_CAP && tokens <= longest[longest.length - 1]!.tokens) return;
    let at = longest.length;
    while (at > 0 && longest[at - 1]!.tokens < tokens) at--;
    longest.splice(at, 0, { line, tokens });
    if (longest.length > LONGEST_CAP) longest.pop();
  }

  private addSensitive(line: number, texts: string[]): void {
    // One gate test over all the strings rules out most records; patterns run per string after it.
    const patterns = sensitiveCandidates(texts.length === 1 ? texts[0]! : texts.join("\n"), this.lexicon);
    if (patterns.length === 0) return;
    const seen = new Set<string>();
    for (const text of texts) {
      for (const hit of findSensitive(text, line, this.lexicon, patterns)) {
        const id = `${hit.kind}\u0000${hit.masked}`;
        if (seen.has(id)) continue; // the same value in chosen and rejected is one finding
        seen.add(id);
        this.sensitiveTotal++;
        if (this.scan.sensitive.length < SENSITIVE_CAP) this.scan.sensitive.push(hit satisfies SensitiveHit);
      }
    }
  }

  result(): DatasetScan {
    const s = this.scan;
    s.keys = this.table.asArray();
    s.formatIssues.sort((a, b) => a.line - b.line);
    if (this.sensitiveTotal > s.sensitive.length) s.sensitiveTotal = this.sensitiveTotal;
    if (this.formatIssueTotal > s.formatIssues.length) s.formatIssueTotal = this.formatIssueTotal;
    if (this.emptyTargetTotal > s.emptyTargets.length) s.emptyTargetTotal = this.emptyTargetTotal;
    if (this.businessRuleTotal > s.businessRules.length) s.businessRuleTotal = this.businessRuleTotal;
    return s;
  }
}

const EMPTY_VALUE = /"(?:value|content|output|completion|chosen|text)"\s*:\s*"(?:\s|\\[nrt])*"/;

/** In a multi-line JSON record, the line of its first empty target value (else the record's line). */
function emptyValueLine(source: string, line: number): number {
  const m = EMPTY_VALUE.exec(source);
  if (!m) return line;
  let n = line;
  for (let i = 0; i < m.index; i++) if (source.charCodeAt(i) === 10) n++;
  return n;
}

/** Duplicate/leakage keys of one valid record (the same keys a scan computes). */
export function recordKey(line: number, record: ExtractedRecord): RecordKey {
  const k = new TextKeys();
  k.compute(record.input, record.signatureInput, record.target, record.labels, record.signatureFrom);
  return { line, inputHash: hex64(k.inputHi, k.inputLo), exampleHash: hex64(k.exampleHi, k.exampleLo), signature: Uint32Array.from(k.signature) };
}

/**
 * Reads a dataset file once, record by record. A record that does not parse, is not valid UTF-8
 * or does not match `format` becomes a format issue (with its 1-based line) and is not counted
 * further; every other record is. JSONL and CSV/TSV are read line by line from the chunks.
 * Throws only for a format name it does not know (a detection bug, not a data problem).
 */
export async function scanDataset(input: ScanDatasetInput): Promise<DatasetScan> {
  if (!isDatasetFormat(input.format)) throw new Error(`unknown dataset format "${input.format}"`);
  const container = containerFor(input.path, input.format);
  if ((container === "rasa-yaml" || container === "rasa-md") && !input.format.startsWith("rasa-")) {
    throw new Error(`${input.format} records cannot be read from ${input.path}`);
  }
  const acc = new ScanAccumulator(input, input.format, compileLexicon(input.lexicon));
  for await (const batch of readRecordBatches(container, input.chunks, input.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES)) {
    for (const event of batch) {
      if ("issue" in event) acc.issue(event.line, event.issue);
      else acc.record(event.line, event.value, event.source);
    }
  }
  return acc.result();
}
