/**
 * One streaming pass over a dataset file: format checks per record, duplicate/leakage keys,
 * lengths, empty targets, labels, secrets/PII and business-rule phrases.
 */
import type { DatasetScan, KeyMapping, RecordKey } from "../types.js";
import { containerFor, readRecordBatches } from "./containers.js";
import { isDatasetFormat, type ExtractedRecord } from "./formats.js";
import { DEFAULT_MAX_RECORD_BYTES } from "./lines.js";
import { hex64 } from "./key-table.js";
import { NO_SAMPLE, ScanAccumulator } from "./scan-accumulator.js";
import { PARALLEL_MIN_BYTES, PART_BYTES, scanParts, scanWorkerCount } from "./scan-pool.js";
import { TextKeys } from "./text-keys.js";
import { compileLexicon, type ScanLexicon } from "./sensitive.js";

export { estimateTokens, FORMAT_ISSUE_CAP, LINE_LIST_CAP, LONGEST_CAP, SENSITIVE_CAP } from "./scan-accumulator.js";

/** What `scanDataset` reads. */
export interface ScanDatasetInput {
  path: string;
  /** A dataset format name from detection, e.g. `openai-chat` (see `DATASET_FORMATS`). */
  format: string;
  role: "train" | "eval";
  /** Read the records through a registry entry's key mapping (`format` is then the entry's, see `mappedFormat`). */
  keyMapping?: KeyMapping;
  /** The file's bytes, whole or as a stream of chunks. */
  chunks: AsyncIterable<Buffer> | Buffer;
  lexicon: ScanLexicon;
  /** Longest line / CSV record read; longer ones are format issues. Default 8 MB. */
  maxRecordBytes?: number;
  /**
   * Worker threads that share the scan of a JSONL file of 4 MB or more with the calling thread
   * (default: see `scanWorkerCount`; 0: the calling thread alone). The result is the same either way.
   */
  workers?: number;
  /** Tuning for tests: the size from which workers are used, the bytes per part, the worker script. */
  parallel?: { minBytes?: number; partBytes?: number; script?: URL };
  /**
   * Stops the scan: it rejects with the signal's reason at the next chunk, or while it waits for
   * its workers (which are stopped, even one stuck in a part).
   */
  signal?: AbortSignal;
  /** Keep the text sample for exact token counts (`DatasetScan.textSample`); default true. */
  textSample?: boolean;
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
  input.signal?.throwIfAborted();
  const lexicon = compileLexicon(input.lexicon);
  const acc = new ScanAccumulator(input, input.format, lexicon, "file", input.textSample === false ? NO_SAMPLE : undefined);
  const maxRecordBytes = input.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  let chunks = input.signal && !Buffer.isBuffer(input.chunks) ? abortable(input.chunks, input.signal) : input.chunks;
  const workers = input.workers ?? scanWorkerCount();
  if (container === "jsonl" && workers > 0) {
    const minBytes = input.parallel?.minBytes ?? PARALLEL_MIN_BYTES;
    const partBytes = input.parallel?.partBytes ?? PART_BYTES;
    const head = await readAtLeast(chunks, minBytes);
    if (head.rest !== null) {
      const workerData = {
        identity: { path: input.path, format: input.format, role: input.role, ...(input.keyMapping && { keyMapping: input.keyMapping }) },
        format: input.format,
        lexicon: input.lexicon,
        maxRecordBytes,
      };
      await scanParts(acc, head.rest, { workerData, lexicon, workers, partBytes, script: input.parallel?.script, signal: input.signal });
      return acc.result();
    }
    chunks = head.read;
  }
  for await (const batch of readRecordBatches(container, chunks, maxRecordBytes)) {
    for (const event of batch) {
      if ("issue" in event) acc.issue(event.line, event.issue, event.hash, event.text);
      else {
        if (event.header) acc.header(event.header.line, event.header.text);
        acc.record(event.line, event.value, event.source, event.json, event.hash);
      }
    }
  }
  return acc.result();
}

/**
 * Reads chunks until `minBytes` have come. When the stream ends first, `read` holds all of it and
 * `rest` is null; else `rest` streams everything, the chunks already read first.
 */
async function readAtLeast(chunks: AsyncIterable<Buffer> | Buffer, minBytes: number): Promise<{ read: Buffer; rest: AsyncIterable<Buffer> | null }> {
  if (Buffer.isBuffer(chunks)) return { read: chunks, rest: chunks.length >= minBytes ? slices(chunks, PART_BYTES) : null };
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < minBytes) {
    const next = await iterator.next();
    if (next.done) return { read: Buffer.concat(head, size), rest: null };
    head.push(next.value);
    size += next.value.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      yield* head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A scan that stops early closes the source too (a git child process, an HTTP body).
      await iterator.return?.();
    }
  }
  return { read: Buffer.alloc(0), rest: rest() };
}

async function* abortable(chunks: AsyncIterable<Buffer>, signal: AbortSignal): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    signal.throwIfAborted();
    yield chunk;
  }
}

async function* slices(content: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < content.length; at += size) yield content.subarray(at, at + size);
}
