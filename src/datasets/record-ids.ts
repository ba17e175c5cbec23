/**
 * The identity of each record of a dataset file, so the base and head versions of a file can be
 * matched by content: a record that moved or was reordered is the same record, whatever its line.
 * Every record has one, a malformed one too: a bad line that was already on the base branch is
 * not introduced by the change.
 */
import type { DatasetScan, RecordIds } from "../types.js";
import { finish53, hash53 } from "./hash.js";
import { MAX_RECORD_DEPTH, nestsDeeperThan } from "./nesting.js";

const isSpace = (c: number): boolean => c <= 0x20;

/** The content hash of a record given as its text, ignoring surrounding whitespace and line endings. */
export function textHash(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return hash53(text, start, end);
}

/**
 * The content hash of a JSONL line, from its bytes without the whitespace around them: four bytes
 * at a time, so hashing every line of a large file costs little beside reading it. The head scan
 * and the base pass both use it, so a record matches whatever its line.
 */
export function lineHash(bytes: Uint8Array): number {
  let start = 0;
  let end = bytes.length;
  while (start < end && bytes[start]! <= 0x20) start++;
  while (end > start && bytes[end - 1]! <= 0x20) end--;
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const w = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995);
    b ^= b >>> 15;
  }
  for (; i < end; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return finish53(a, b, end - start);
}

const TRIM_SPACE = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 32]) TRIM_SPACE[c] = 1;

/**
 * Whether a line may hold only whitespace as `String.prototype.trim` sees it: false as soon as a
 * non-space ASCII byte comes first; a line whose first non-space byte is not ASCII must be decoded.
 */
export function maybeBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (TRIM_SPACE[c] !== 1) return c >= 0x80;
  }
  return true;
}

/** The content hash of a record that has no text of its own (a CSV row, a YAML example): its JSON form. */
export function valueHash(value: unknown): number {
  return hash53(JSON.stringify(value) ?? "");
}

/** The content hash of a record that could not be read as text (too long, not UTF-8): its problem. */
export function issueHash(message: string): number {
  return hash53(`\u0000${message}`);
}

/**
 * The content hash of a parsed record, as the scan and the base pass both compute it: the reader's
 * own hash, else the record's text (`json` for a JSONL line, `source` for a multi-line JSON record),
 * else its JSON form.
 */
export function recordHash(value: unknown, source?: string, json?: string, hash?: number): number {
  if (hash !== undefined) return hash;
  const text = json ?? source;
  if (text !== undefined) return textHash(text);
  // Too deep to serialise safely: all such records of a file look alike, which only errs towards "already there".
  if (nestsDeeperThan(value, MAX_RECORD_DEPTH)) return issueHash("nested too deep");
  return valueHash(value);
}

/** The hash of a record's stable key: its top-level `id`, when it has one. */
export function stableKeyHash(value: unknown): number {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return NaN;
  const id = (value as { id?: unknown }).id;
  if (typeof id === "string" && id !== "") return hash53(`s${id}`);
  if (typeof id === "number" && Number.isFinite(id)) return hash53(`n${id}`);
  return NaN;
}

/** An append-only list of record identities (see {@link RecordIds}). */
export class RecordIdList {
  size = 0;
  private lines: Uint32Array<ArrayBuffer> = new Uint32Array(256);
  private hashes: Float64Array<ArrayBuffer> = new Float64Array(256);
  private keys: Float64Array<ArrayBuffer> | null = null;

  push(line: number, hash: number, key = NaN): void {
    const i = this.size++;
    if (i === this.lines.length) {
      this.lines = grow(this.lines, new Uint32Array(i * 2));
      this.hashes = grow(this.hashes, new Float64Array(i * 2));
      if (this.keys) this.keys = grow(this.keys, new Float64Array(i * 2).fill(NaN));
    }
    this.lines[i] = line;
    this.hashes[i] = hash;
    if (!Number.isNaN(key)) {
      this.keys ??= new Float64Array(this.lines.length).fill(NaN);
      this.keys[i] = key;
    }
  }

  /** Appends the identities of the lines that follow (a part scanned elsewhere). */
  append(ids: RecordIds): void {
    for (let i = 0; i < ids.lines.length; i++) this.push(ids.lines[i]!, ids.hashes[i]!, ids.keys ? ids.keys[i]! : NaN);
  }

  /** The identities so far, in record order (sorted by line, which readers already give). */
  result(): RecordIds {
    const n = this.size;
    const lines = this.lines.slice(0, n);
    const hashes = this.hashes.slice(0, n);
    const keys = this.keys ? this.keys.slice(0, n) : null;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = lines[i - 1]! <= lines[i]!;
    if (sorted) return { lines, hashes, keys };
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lines[a]! - lines[b]!);
    return {
      lines: Uint32Array.from(order, (i) => lines[i]!),
      hashes: Float64Array.from(order, (i) => hashes[i]!),
      keys: keys ? Float64Array.from(order, (i) => keys[i]!) : null,
    };
  }
}

function grow<T extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The index of the record that holds `line` (the last one starting at or before it), or -1. */
export function recordIndexAt(ids: RecordIds, line: number): number {
  let lo = 0;
  let hi = ids.lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids.lines[mid]! <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A multiset of content hashes in two sorted arrays (distinct values and their counts): about 12
 * bytes a record, where a Map of a million numbers takes several times that.
 */
export class HashMultiset {
  private readonly values: Float64Array;
  private readonly counts: Uint32Array;

  constructor(hashes: Float64Array) {
    const sorted = Float64Array.from(hashes).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    this.values = new Float64Array(distinct);
    this.counts = new Uint32Array(distinct);
    let at = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) this.values[++at] = sorted[i]!;
      this.counts[at] = this.counts[at]! + 1;
    }
  }

  private indexOf(hash: number): number {
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.values[mid]!;
      if (v === hash) return mid;
      if (v < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether the hash was ever in the multiset (taking copies does not change this). */
  has(hash: number): boolean {
    return this.indexOf(hash) >= 0;
  }

  /** Takes one copy of the hash; false when none is left. */
  take(hash: number): boolean {
    const i = this.indexOf(hash);
    if (i < 0 || this.counts[i] === 0) return false;
    this.counts[i] = this.counts[i]! - 1;
    return true;
  }
}

function sortedHas(sorted: Float64Array, hash: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === hash) return true;
    if (v < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Whether the record at `line` of a scanned dataset is new in this change: everything in an added
 * file is; nothing in a context file is; in a modified file, a record is new when its content is
 * not in the base version (wherever it stood there).
 */
export function recordIntroduced(scan: DatasetScan, line: number): boolean {
  if (scan.change === "context") return false;
  if (scan.change !== "modified" || !scan.base || !scan.recordIds) return true;
  const i = recordIndexAt(scan.recordIds, line);
  return i < 0 || !sortedHas(scan.base.hashes, scan.recordIds.hashes[i]!);
}
