/**
 * What a dataset scan accumulates record by record, and how the partial scans of consecutive
 * parts of one file (read by worker threads) merge into the scan of the whole file, exactly as if
 * it had been read in one pass.
 */
import type { DatasetScan, KeyMapping, RecordIds, RecordIssue, SensitiveHit } from "../types.js";
import { readJsonlPart } from "./containers.js";
import { extractRecord, sequenceTexts, stringLeaves, type DatasetFormat } from "./formats.js";
import { applyKeyMapping, mappedError } from "./key-mapping.js";
import { KeyTable } from "./key-table.js";
import { MAX_RECORD_DEPTH, nestsDeeperThan } from "./nesting.js";
import { findBusinessRule, findSensitive, maskCompiled, sensitiveCandidates, type CompiledLexicon } from "./sensitive.js";
import { MINHASH_PERMUTATIONS } from "./signature.js";
import { TextKeys } from "./text-keys.js";
import { issueHash, RecordIdList, recordHash, stableKeyHash } from "./record-ids.js";
import { TextSampler, type SampledRecord } from "./text-sample.js";
import type { TextSampleEntry } from "../types.js";

/** Entries kept in `DatasetScan.longest`. */
export const LONGEST_CAP = 50;
/** Sensitive hits kept per file; `sensitiveTotal` counts them all. */
export const SENSITIVE_CAP = 200;
/** Format issues kept per file; `formatIssueTotal` counts them all. */
export const FORMAT_ISSUE_CAP = 1000;
/** Lines kept per file in `emptyTargets` and `businessRules`; their totals count them all. */
export const LINE_LIST_CAP = 1000;
/** Longest records whose texts are kept for exact counting, at most this long (longer ones are over any context anyway). */
export const LONGEST_TEXT_CHARS = 1 << 19;

const P = MINHASH_PERMUTATIONS;

/** Estimated tokens for a number of characters (about four characters per token). */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Where a scan puts each record's keys (see `KeyTable.push`). */
interface KeySink {
  push(line: number, inputHi: number, inputLo: number, exampleHi: number, exampleLo: number, sig: Uint32Array, at?: number): void;
}

/** Keys of a part of a file in three flat arrays, to be sent to the thread that merges. */
class PackedKeys implements KeySink {
  size = 0;
  lines: Uint32Array<ArrayBuffer> = new Uint32Array(256);
  hashes: Uint32Array<ArrayBuffer> = new Uint32Array(256 * 4);
  sigs: Uint32Array<ArrayBuffer> = new Uint32Array(256 * P);

  push(line: number, inputHi: number, inputLo: number, exampleHi: number, exampleLo: number, sig: Uint32Array, at = 0): void {
    const i = this.size++;
    if (i === this.lines.length) {
      this.lines = grow(this.lines, i * 2);
      this.hashes = grow(this.hashes, i * 8);
      this.sigs = grow(this.sigs, i * 2 * P);
    }
    this.lines[i] = line;
    const h = i * 4;
    this.hashes[h] = inputHi;
    this.hashes[h + 1] = inputLo;
    this.hashes[h + 2] = exampleHi;
    this.hashes[h + 3] = exampleLo;
    for (let k = 0; k < P; k++) this.sigs[i * P + k] = sig[at + k]!;
  }
}

function grow(a: Uint32Array, length: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(length);
  b.set(a);
  return b;
}

/**
 * The scan of consecutive lines of a file: plain data and typed arrays (structured-cloneable, the
 * arrays transferable). Lists hold at most their caps; the totals count everything.
 */
export interface ScanPartial {
  records: number;
  targets: number;
  formatIssues: RecordIssue[];
  formatIssueTotal: number;
  labelCounts: Record<string, number>;
  labelLines: Record<string, number>;
  longest: { line: number; tokens: number }[];
  emptyTargets: number[];
  emptyTargetTotal: number;
  sensitive: SensitiveHit[];
  sensitiveTotal: number;
  businessRules: { line: number; phrase: string }[];
  businessRuleTotal: number;
  keyCount: number;
  /** Per record: its line; its input hi, lo and example hi, lo; its P signature values. */
  keyLines: Uint32Array<ArrayBuffer>;
  keyHashes: Uint32Array<ArrayBuffer>;
  keySigs: Uint32Array<ArrayBuffer>;
  /** Every record's identity, in line order. */
  ids: RecordIds;
  /** Characters of the trained text of the valid records. */
  chars: number;
  /** The part's text sample (see `TextSampler`), in key order. */
  sample: SampledRecord[];
  /** Texts of the part's longest entries that can still enter the file's longest. */
  longestTexts: TextSampleEntry[];
}

/**
 * What the thread that merges already knows when it sends a part, so the part keeps no text that
 * could not enter the file's sample or longest list anyway (both only ever get harder to enter).
 */
export interface SampleBounds {
  /** Records with a larger content hash cannot enter the sample. */
  sampleCutoff: number;
  /** Records with this many estimated tokens or fewer cannot enter `longest`. */
  longestFloor: number;
}

/** Bounds that keep no text at all: a scan for a review without the training estimate. */
export const NO_SAMPLE: SampleBounds = { sampleCutoff: -Infinity, longestFloor: Infinity };

/** The dataset-level facts a scan needs besides the records. */
export interface ScanIdentity {
  path: string;
  format: string;
  role: "train" | "eval";
  /** The registry entry's key mapping the records are read through, when one names the file. */
  keyMapping?: KeyMapping;
}

/**
 * Accumulates a scan. The accumulator of a whole file keeps its keys in a {@link KeyTable}; the
 * accumulator of a part (`packed`) keeps them flat, for {@link ScanAccumulator.partial}.
 */
export class ScanAccumulator {
  private readonly scan: DatasetScan;
  private sensitiveTotal = 0;
  private formatIssueTotal = 0;
  private emptyTargetTotal = 0;
  private businessRuleTotal = 0;
  private readonly table: KeyTable | null;
  private readonly packed: PackedKeys | null;
  private readonly keys: KeySink;
  private readonly textKeys = new TextKeys();
  private readonly ids = new RecordIdList();
  private readonly sampler = new TextSampler();
  private readonly longestTexts = new Map<number, string[]>();
  private chars = 0;
  /** A CSV's header was read (see {@link ScanAccumulator.header}): record keys are its names. */
  private csvKeysRead = false;
  private readonly keyMapping: KeyMapping | undefined;

  constructor(
    identity: ScanIdentity,
    private readonly format: DatasetFormat,
    private readonly lexicon: CompiledLexicon,
    mode: "file" | "part" = "file",
    private readonly bounds: SampleBounds = { sampleCutoff: Infinity, longestFloor: 0 },
  ) {
    this.table = mode === "file" ? new KeyTable() : null;
    this.packed = mode === "part" ? new PackedKeys() : null;
    this.keys = (this.table ?? this.packed)!;
    this.keyMapping = identity.keyMapping;
    this.scan = {
      path: identity.path,
      format: identity.format,
      role: identity.role,
      records: 0,
      formatIssues: [],
      // No prototype: a label may be any string, "constructor" and "__proto__" included.
      labelCounts: Object.create(null) as Record<string, number>,
      labelLines: Object.create(null) as Record<string, number>,
      keys: [],
      longest: [],
      emptyTargets: [],
      sensitive: [],
      businessRules: [],
      targets: 0,
      ...(mode === "file" && identity.keyMapping && { keyMapping: identity.keyMapping }),
    };
  }

  /**
   * Adds a record that could not be read; `hash` is its content hash where the reader had its text,
   * `text` that text, still read for secrets.
   */
  issue(line: number, message: string, hash?: number, text?: string): void {
    this.ids.push(line, hash ?? issueHash(message));
    this.addIssue(line, message);
    if (text !== undefined) this.addSensitive(line, [text]);
  }

  private addIssue(line: number, message: string, defect = false): void {
    this.formatIssueTotal++;
    if (this.scan.formatIssues.length < FORMAT_ISSUE_CAP)
      this.scan.formatIssues.push({ line, message: `line ${line}: ${message}`, ...(defect && { defect: true }) });
  }

  /** Reads a CSV's header row for secrets, once: its names are every record's keys, which are then not read again. */
  header(line: number, text: string): void {
    this.csvKeysRead = true;
    this.addSensitive(line, [text]);
  }

  /**
   * Adds one parsed record. `source` is a multi-line record's text (see `RawEvent`); `json` is a
   * one-line record's text, which the secret and PII gate reads instead of joining its strings;
   * `hash` is the reader's content hash of the record (see `recordHash`).
   */
  record(line: number, value: unknown, source?: string, json?: string, hash?: number): void {
    const contentHash = recordHash(value, source, json, hash);
    this.ids.push(line, contentHash, stableKeyHash(value));
    // A record that fails its format is still read for secrets: one broken turn must not hide a key.
    if (nestsDeeperThan(value, MAX_RECORD_DEPTH)) {
      this.addIssue(line, `record nests more than ${MAX_RECORD_DEPTH} levels deep; flatten it (loaders that recurse overflow their stack on it)`);
      this.addSensitive(line, null, value, json);
      return;
    }
    let read = value;
    if (this.keyMapping) {
      const mapped = applyKeyMapping(this.format, value, this.keyMapping);
      if ("error" in mapped) {
        this.addIssue(line, mapped.error);
        this.addSensitive(line, null, value, json);
        return;
      }
      read = mapped.record;
    }
    const extracted = extractRecord(this.format, read);
    if ("error" in extracted) {
      this.addIssue(line, this.keyMapping ? mappedError(extracted.error, this.format, this.keyMapping) : extracted.error);
      this.addSensitive(line, null, value, json);
      return;
    }
    if (extracted.defect !== undefined) this.addIssue(line, extracted.defect, true);
    const s = this.scan;
    s.records++;
    const k = this.textKeys;
    k.compute(extracted.input, extracted.signatureInput, extracted.target, extracted.labels, extracted.signatureFrom);
    this.keys.push(line, k.inputHi, k.inputLo, k.exampleHi, k.exampleLo, k.signature);
    const chars = extracted.chars;
    this.chars += chars;
    let texts: string[] | undefined;
    // The texts are built only for the few records the sample or the longest list take.
    if (contentHash <= this.bounds.sampleCutoff && this.sampler.wants(contentHash, line, chars)) {
      texts = sequenceTexts(this.format, read, extracted);
      this.sampler.add({ hash: contentHash, line, chars, texts });
    }
    const tokens = estimateTokens(chars);
    if (this.addLongest(line, tokens) && tokens > this.bounds.longestFloor && chars <= LONGEST_TEXT_CHARS) {
      this.longestTexts.set(line, texts ?? sequenceTexts(this.format, read, extracted));
    }
    if (extracted.target !== null) s.targets++;
    if (extracted.emptyTarget && this.emptyTargetTotal++ < LINE_LIST_CAP) s.emptyTargets.push(source === undefined ? line : emptyValueLine(source, line));
    for (const label of extracted.labels.length > 1 ? new Set(extracted.labels) : extracted.labels) {
      s.labelCounts[label] = (s.labelCounts[label] ?? 0) + 1;
      s.labelLines[label] ??= line;
    }
    // A Rasa example is read as written, entity annotations included: `[key]{"value": "sk-…"}` keeps its value there.
    const rasaText = (value as { text?: unknown }).text;
    const secret =
      this.format === "rasa-nlu" || this.format === "rasa-nlu-md"
        ? this.addSensitive(line, [typeof rasaText === "string" ? rasaText : extracted.input])
        : this.addSensitive(line, null, value, json);
    // The sample is text kept for exact token counts: a value found here must never be kept as is.
    if (secret) for (const kept of new Set([texts, this.longestTexts.get(line)])) kept?.forEach((t, i) => (kept[i] = maskCompiled(t, this.lexicon)));
    for (const text of extracted.targetTexts) {
      const phrase = findBusinessRule(text, this.lexicon);
      if (phrase !== null) {
        if (this.businessRuleTotal++ < LINE_LIST_CAP) s.businessRules.push({ line, phrase });
        break;
      }
    }
  }

  /** Adds the scan of the lines that follow everything added so far. */
  merge(p: ScanPartial): void {
    const s = this.scan;
    s.records += p.records;
    s.targets += p.targets;
    appendCapped(s.formatIssues, p.formatIssues, FORMAT_ISSUE_CAP);
    this.formatIssueTotal += p.formatIssueTotal;
    for (const [label, n] of Object.entries(p.labelCounts)) s.labelCounts[label] = (s.labelCounts[label] ?? 0) + n;
    for (const [label, line] of Object.entries(p.labelLines)) s.labelLines[label] ??= line;
    // A part's longest are its own top entries in order, so re-adding them keeps the file's order.
    const texts = new Map(p.longestTexts.map((e) => [e.line, e.texts]));
    for (const l of p.longest) {
      const t = texts.get(l.line);
      if (this.addLongest(l.line, l.tokens) && t !== undefined) this.longestTexts.set(l.line, t);
    }
    this.chars += p.chars;
    for (const e of p.sample) this.sampler.add(e);
    appendCapped(s.emptyTargets, p.emptyTargets, LINE_LIST_CAP);
    this.emptyTargetTotal += p.emptyTargetTotal;
    appendCapped(s.sensitive, p.sensitive, SENSITIVE_CAP);
    this.sensitiveTotal += p.sensitiveTotal;
    appendCapped(s.businessRules, p.businessRules, LINE_LIST_CAP);
    this.businessRuleTotal += p.businessRuleTotal;
    for (let i = 0; i < p.keyCount; i++) {
      const h = i * 4;
      this.keys.push(p.keyLines[i]!, p.keyHashes[h]!, p.keyHashes[h + 1]!, p.keyHashes[h + 2]!, p.keyHashes[h + 3]!, p.keySigs, i * P);
    }
    this.ids.append(p.ids);
  }

  /** The scan of a part (for an accumulator made with mode `part`). */
  partial(): ScanPartial {
    const s = this.scan;
    const k = this.packed;
    if (k === null) throw new Error('partial() is the scan of a part: make the accumulator with mode "part"');
    return {
      records: s.records,
      targets: s.targets,
      formatIssues: s.formatIssues,
      formatIssueTotal: this.formatIssueTotal,
      labelCounts: s.labelCounts,
      labelLines: s.labelLines,
      longest: s.longest,
      emptyTargets: s.emptyTargets,
      emptyTargetTotal: this.emptyTargetTotal,
      sensitive: s.sensitive,
      sensitiveTotal: this.sensitiveTotal,
      businessRules: s.businessRules,
      businessRuleTotal: this.businessRuleTotal,
      keyCount: k.size,
      keyLines: k.lines.slice(0, k.size),
      keyHashes: k.hashes.slice(0, k.size * 4),
      keySigs: k.sigs.slice(0, k.size * P),
      ids: this.ids.result(),
      chars: this.chars,
      sample: this.sampler.kept,
      longestTexts: s.longest.flatMap((l) => {
        const texts = this.longestTexts.get(l.line);
        return texts === undefined ? [] : [{ line: l.line, texts }];
      }),
    };
  }

  /** What a part sent now need not keep (see {@link SampleBounds}). */
  sampleBounds(): SampleBounds {
    if (this.bounds.sampleCutoff === -Infinity) return NO_SAMPLE;
    const longest = this.scan.longest;
    return { sampleCutoff: this.sampler.cutoff(), longestFloor: longest.length >= LONGEST_CAP ? longest[longest.length - 1]!.tokens : 0 };
  }

  /** The scan of the whole file (for an accumulator made with mode `file`). */
  result(): DatasetScan {
    const s = this.scan;
    if (this.table === null) throw new Error('result() is the scan of a whole file: make the accumulator with mode "file"');
    s.keys = this.table.asArray();
    s.recordIds = this.ids.result();
    s.formatIssues.sort((a, b) => a.line - b.line);
    if (this.sensitiveTotal > s.sensitive.length) s.sensitiveTotal = this.sensitiveTotal;
    if (this.formatIssueTotal > s.formatIssues.length) s.formatIssueTotal = this.formatIssueTotal;
    if (this.emptyTargetTotal > s.emptyTargets.length) s.emptyTargetTotal = this.emptyTargetTotal;
    if (this.businessRuleTotal > s.businessRules.length) s.businessRuleTotal = this.businessRuleTotal;
    s.chars = this.chars;
    if (this.bounds.sampleCutoff === -Infinity) return s;
    const entries = this.sampler.entries();
    s.textSample = {
      entries,
      complete: entries.length === s.records,
      longest: s.longest.flatMap((l) => {
        const texts = this.longestTexts.get(l.line);
        return texts === undefined ? [] : [{ line: l.line, texts }];
      }),
    };
    return s;
  }

  /** Adds an entry to `longest` when it is among the longest; true when it was. */
  private addLongest(line: number, tokens: number): boolean {
    const longest = this.scan.longest;
    if (tokens <= 0) return false;
    if (longest.length >= LONGEST_CAP && tokens <= longest[longest.length - 1]!.tokens) return false;
    let at = longest.length;
    while (at > 0 && longest[at - 1]!.tokens < tokens) at--;
    longest.splice(at, 0, { line, tokens });
    if (longest.length > LONGEST_CAP) this.longestTexts.delete(longest.pop()!.line);
    return true;
  }

  /** Secrets and PII in `texts`, or else in the string leaves of `value`. */
  /** Adds the record's secret/PII hits; true when it has any. */
  private addSensitive(line: number, texts: string[] | null, value?: unknown, json?: string): boolean {
    // One gate test over all the strings rules out most records; patterns run per string after it.
    // A record's JSON text holds every literal its strings do, unless a \u escape spells one.
    const readsJson = texts === null && json !== undefined && this.lexicon.sensitiveGateReadsJson === true && !json.includes("\\u");
    // A CSV's keys are its header, read once at its own line (see `header`).
    const keys = !this.csvKeysRead;
    let strings = texts ?? (readsJson ? null : stringLeaves(value, keys));
    const patterns = sensitiveCandidates(strings === null ? json! : strings.join("\n"), this.lexicon);
    if (patterns.length === 0) return false;
    strings ??= stringLeaves(value, keys);
    const seen = new Set<string>();
    for (const text of strings) {
      for (const hit of findSensitive(text, line, this.lexicon, patterns)) {
        const id = `${hit.kind}\u0000${hit.masked}`;
        if (seen.has(id)) continue; // the same value in chosen and rejected is one finding
        seen.add(id);
        this.sensitiveTotal++;
        if (this.scan.sensitive.length < SENSITIVE_CAP) this.scan.sensitive.push(hit);
      }
    }
    return seen.size > 0;
  }
}

/** The partial scan of JSONL bytes that start at line `firstLine` (see `readJsonlPart`). */
export function scanJsonlPart(
  identity: ScanIdentity,
  format: DatasetFormat,
  lexicon: CompiledLexicon,
  bytes: Buffer,
  firstLine: number,
  maxRecordBytes: number,
  bounds?: SampleBounds,
): ScanPartial {
  const acc = new ScanAccumulator(identity, format, lexicon, "part", bounds);
  for (const event of readJsonlPart(bytes, firstLine, maxRecordBytes)) {
    if ("issue" in event) acc.issue(event.line, event.issue, event.hash, event.text);
    else acc.record(event.line, event.value, undefined, event.json, event.hash);
  }
  return acc.partial();
}

function appendCapped<T>(to: T[], from: readonly T[], cap: number): void {
  for (let i = 0; i < from.length && to.length < cap; i++) to.push(from[i]!);
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
