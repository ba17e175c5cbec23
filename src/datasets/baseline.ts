/**
 * The base version of a modified dataset, read as far as the change-aware review needs: which
 * records it held (by content), how many, their labels, and the keys of the records the head no
 * longer has. Records both versions share are not parsed again: their keys come from the head scan.
 */
import { isUtf8 } from "node:buffer";
import type { DatasetBaseline, DatasetScan } from "../types.js";
import { containerFor, readRecordBatches, tooLongMessage, type RawEvent } from "./containers.js";
import { extractRecord, isDatasetFormat, type DatasetFormat } from "./formats.js";
import { KeyTable } from "./key-table.js";
import { decodeUtf8, decodeUtf8Lenient, DEFAULT_MAX_RECORD_BYTES, LineSplitter, type RawLine } from "./lines.js";
import { HashMultiset, issueHash, lineHash, maybeBlank, recordHash, recordIndexAt, stableKeyHash } from "./record-ids.js";
import { ScanAccumulator } from "./scan-accumulator.js";

/** What `readBaseline` reads. */
export interface BaselineInput {
  /** The file's path at base. */
  path: string;
  /** The head scan of the same file (with its `recordIds`). */
  head: DatasetScan;
  /** The base version's bytes. */
  chunks: AsyncIterable<Buffer> | Buffer;
  maxRecordBytes?: number;
  signal?: AbortSignal;
}

const NO_LEXICON = { sensitive: [], businessRules: [] };

/** Growable list of numbers in a typed array. */
class Float64List {
  size = 0;
  private data = new Float64Array(1024);

  push(v: number): void {
    if (this.size === this.data.length) {
      const next = new Float64Array(this.size * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
}

/**
 * The content hash of a JSONL line exactly as the head scan computes it (see the JSONL reader), or
 * null for a blank line, which is no record. Most lines are hashed from their bytes alone.
 */
function jsonlLineHash(l: RawLine, max: number): number | null {
  if (l.tooLong) return issueHash(tooLongMessage(l.length, max));
  // A line that is not UTF-8 is known by its bytes, as a valid one: two such lines rarely share their message's byte and column.
  if (!isUtf8(l.bytes)) return lineHash(l.bytes);
  if (maybeBlank(l.bytes) && decodeUtf8Lenient(l.bytes).trim() === "") return null;
  return lineHash(l.bytes);
}

/**
 * Reads the base version of a dataset once. Unlabelled JSONL, the large case, is read as lines and
 * hashed, and only lines the head no longer has are parsed; other containers and labelled formats
 * (whose label counts are compared) are parsed record by record, without the scan's text checks.
 */
export async function readBaseline(input: BaselineInput): Promise<DatasetBaseline> {
  const { head } = input;
  if (!head.recordIds) throw new Error(`the scan of ${head.path} has no record identities`);
  if (!isDatasetFormat(head.format)) throw new Error(`unknown dataset format "${head.format}"`);
  const format: DatasetFormat = head.format;
  const max = input.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const container = containerFor(input.path, format);
  const labelled = Object.keys(head.labelCounts).length > 0;
  const atHead = new HashMultiset(head.recordIds.hashes);
  const hashes = new Float64List();
  const removedKeys = new Set<number>();
  const gone = new ScanAccumulator(
    { path: input.path, format: head.format, role: head.role, ...(head.keyMapping && { keyMapping: head.keyMapping }) },
    format,
    NO_LEXICON,
  );
  const labelCounts = Object.create(null) as Record<string, number>;
  let removed = 0;

  const add = (hash: number): boolean => {
    hashes.push(hash);
    if (atHead.take(hash)) return true;
    removed++;
    return false;
  };
  const countLabels = (value: unknown): void => {
    const extracted = extractRecord(format, value);
    if ("error" in extracted) return;
    for (const label of new Set(extracted.labels)) labelCounts[label] = (labelCounts[label] ?? 0) + 1;
  };
  const keepRemoved = (event: RawEvent, hash: number): void => {
    if ("issue" in event) return;
    gone.record(event.line, event.value, event.source, event.json, hash);
    const key = stableKeyHash(event.value);
    if (!Number.isNaN(key)) removedKeys.add(key);
  };

  if (container === "jsonl" && !labelled) {
    const chunks = Buffer.isBuffer(input.chunks) ? [input.chunks] : input.chunks;
    const splitter = new LineSplitter(max);
    const onLine = (l: RawLine): void => {
      const hash = jsonlLineHash(l, max);
      if (hash === null || add(hash) || l.tooLong) return;
      const decoded = decodeUtf8(l.bytes);
      if ("error" in decoded) return;
      let value: unknown;
      try {
        value = JSON.parse(decoded.text) as unknown;
      } catch {
        return;
      }
      keepRemoved({ line: l.line, value, json: decoded.text }, hash);
    };
    for await (const chunk of chunks) {
      input.signal?.throwIfAborted();
      for (const l of splitter.push(chunk)) onLine(l);
    }
    for (const l of splitter.end()) onLine(l);
  } else {
    for await (const batch of readRecordBatches(container, input.chunks, max)) {
      input.signal?.throwIfAborted();
      for (const event of batch) {
        const hash = "issue" in event ? (event.hash ?? issueHash(event.issue)) : recordHash(event.value, event.source, event.json, event.hash);
        if (labelled && !("issue" in event)) countLabels(event.value);
        if (!add(hash)) keepRemoved(event, hash);
      }
    }
  }
  return summarise(head, input.path, hashes.sorted(), removed, removedKeys, gone.result(), labelled ? labelCounts : {});
}

/** Matches the head's records against the base's and builds the base's key table and counts. */
function summarise(
  head: DatasetScan,
  path: string,
  hashes: Float64Array,
  removed: number,
  removedKeys: ReadonlySet<number>,
  gone: DatasetScan,
  labelCounts: Record<string, number>,
): DatasetBaseline {
  const ids = head.recordIds!;
  const atBase = new HashMultiset(hashes);
  const kept = new Uint8Array(ids.hashes.length);
  let added = 0;
  const addedKeys = new Set<number>();
  for (let i = 0; i < ids.hashes.length; i++) {
    if (atBase.take(ids.hashes[i]!)) kept[i] = 1;
    else {
      added++;
      const key = ids.keys ? ids.keys[i]! : NaN;
      if (!Number.isNaN(key)) addedKeys.add(key);
    }
  }
  let changed = 0;
  for (const key of addedKeys) if (removedKeys.has(key)) changed++;
  const headTable = KeyTable.of(head.keys);
  const keptKey = new Uint8Array(headTable.size);
  let keptKeys = 0;
  for (let i = 0; i < headTable.size; i++) {
    const at = recordIndexAt(ids, headTable.line(i));
    if (at >= 0 && kept[at] === 1) {
      keptKey[i] = 1;
      keptKeys++;
    }
  }
  const firstDropped = keptKey.indexOf(0);
  const goneTable = KeyTable.of(gone.keys);
  let table: KeyTable;
  if (goneTable.size === 0 && (firstDropped === -1 || firstDropped === keptKeys)) {
    // Only appended to: the base's keys are the head's first ones, shared rather than copied.
    table = KeyTable.prefix(headTable, keptKeys);
  } else {
    table = new KeyTable();
    for (let i = 0; i < headTable.size; i++) if (keptKey[i] === 1) table.copyFrom(headTable, i);
    for (let i = 0; i < goneTable.size; i++) table.copyFrom(goneTable, i);
  }
  return {
    path,
    records: hashes.length,
    validRecords: table.size,
    labelCounts,
    keys: table.asArray(),
    hashes,
    added: added - changed,
    removed: removed - changed,
    changed,
  };
}
