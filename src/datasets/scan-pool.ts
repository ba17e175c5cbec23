/**
 * A parallel scan of one JSONL file: the calling thread cuts the byte stream into parts at line
 * ends and numbers their lines; worker threads scan the parts, and so does the calling thread
 * whenever every worker already has work queued; the partial scans are merged in file order, so
 * the result is the one a single pass gives. Memory stays bounded: at most two parts per worker
 * are in flight, and at most 16 parts wait to be merged.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { tooLongMessage } from "./containers.js";
import { ScanAccumulator, scanJsonlPart, type SampleBounds, type ScanPartial } from "./scan-accumulator.js";
import type { CompiledLexicon } from "./sensitive.js";
import type { ScanWorkerData } from "./scan-worker.js";

/** A part sent to a worker: bytes that start at line `firstLine` and end with a newline (the last part may not). */
export interface PartRequest {
  seq: number;
  firstLine: number;
  bytes: Uint8Array;
  /** What the merged scan no longer takes, when the part is sent: the part keeps no text for it. */
  bounds?: SampleBounds;
}

/** A worker's answer to one part. */
export type PartReply = { seq: number; partial: ScanPartial } | { seq: number; error: string };

/** A cut of the stream: lines for a worker, or a line too long to keep (reported, never read). */
export type Part = { firstLine: number; bytes: Uint8Array } | { line: number; tooLong: number };

/** Bytes per part: large enough that messaging costs little, small enough to spread the work. */
export const PART_BYTES = 1 << 20;
/** Files smaller than this are scanned on the calling thread (a worker takes ~0.1 s to start). */
export const PARALLEL_MIN_BYTES = 4 << 20;

const WORKER_SCRIPT = new URL("./scan-worker.js", import.meta.url);
let scriptPresent: boolean | null = null;

/**
 * Scan workers to use besides the calling thread: `FINETUNE_REVIEW_SCAN_WORKERS` when it is a
 * whole number (0: the calling thread alone), else one per core but one, up to 3. None when the
 * worker script is absent beside this module (running from the TypeScript sources).
 */
export function scanWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  scriptPresent ??= existsSync(fileURLToPath(WORKER_SCRIPT));
  if (!scriptPresent) return 0;
  const asked = env.FINETUNE_REVIEW_SCAN_WORKERS?.trim();
  if (asked && /^\d+$/.test(asked)) return Math.min(Number(asked), 16);
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/**
 * Cuts a byte stream into parts at line ends, numbering lines as `LineSplitter` does. A line
 * longer than `maxBytes` is skipped to its end without being kept, like the splitter's.
 */
export class PartCutter {
  private chunks: Buffer[] = [];
  private size = 0;
  private hasNewline = false;
  /** Length so far of a too-long line being skipped; -1 when none is. */
  private skipped = -1;
  private line = 1;

  constructor(
    private readonly partBytes: number,
    private readonly maxBytes: number,
  ) {}

  push(chunk: Buffer): Part[] {
    const out: Part[] = [];
    let c = chunk;
    if (this.skipped >= 0) {
      const nl = c.indexOf(0x0a);
      if (nl === -1) {
        this.skipped += c.length;
        return out;
      }
      out.push({ line: this.line++, tooLong: this.skipped + nl });
      this.skipped = -1;
      c = c.subarray(nl + 1);
    }
    if (c.length === 0) return out;
    this.chunks.push(c);
    this.size += c.length;
    if (!this.hasNewline && c.indexOf(0x0a) !== -1) this.hasNewline = true;
    if (this.hasNewline && this.size >= this.partBytes) this.cut(out, false);
    if (!this.hasNewline && this.size > this.maxBytes) {
      // The bytes held are all one line, already too long: drop them and skip to its end.
      this.skipped = this.size;
      this.chunks = [];
      this.size = 0;
    }
    return out;
  }

  end(): Part[] {
    const out: Part[] = [];
    if (this.skipped >= 0) out.push({ line: this.line++, tooLong: this.skipped });
    else if (this.size > 0) this.cut(out, true);
    this.skipped = -1;
    return out;
  }

  private cut(out: Part[], final: boolean): void {
    let end = this.size;
    if (!final) {
      for (let k = this.chunks.length - 1, offset = this.size; k >= 0; k--) {
        offset -= this.chunks[k]!.length;
        const nl = this.chunks[k]!.lastIndexOf(0x0a);
        if (nl !== -1) {
          end = offset + nl + 1;
          break;
        }
      }
    }
    // A buffer of the part's own, exactly its size: sent to a worker, never shared with the stream's.
    const bytes = Buffer.from(new ArrayBuffer(end));
    const tail: Buffer[] = [];
    let at = 0;
    for (const c of this.chunks) {
      const take = Math.min(c.length, end - at);
      if (take > 0) bytes.set(take === c.length ? c : c.subarray(0, take), at);
      if (take < c.length) tail.push(c.subarray(Math.max(take, 0)));
      at += c.length;
    }
    this.chunks = tail.length > 0 ? [Buffer.concat(tail)] : [];
    this.size -= end;
    this.hasNewline = false;
    out.push({ firstLine: this.line, bytes });
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) this.line++;
  }
}

/** What {@link scanParts} needs besides the stream. */
export interface ScanPartsOptions {
  workerData: ScanWorkerData;
  /** `workerData.lexicon` compiled, for the parts the calling thread scans. */
  lexicon: CompiledLexicon;
  workers: number;
  partBytes?: number;
  /** The worker script (tests substitute one). */
  script?: URL;
  /** Stops the scan, waits for workers included: it rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A worker and the parts it has not answered yet (kept, to be scanned here should it fail). */
interface Slot {
  worker: Worker;
  parts: Map<number, { firstLine: number; bytes: Uint8Array }>;
}

/**
 * Scans a JSONL stream with worker threads and the calling thread, merging every part into `acc`
 * in file order. Workers only make it faster: one that cannot start or fails has its unanswered
 * parts scanned here instead, so the result is the same. Rejects (naming the file) only when a
 * part cannot be scanned at all, like a single pass would; every worker is stopped either way.
 */
export async function scanParts(acc: ScanAccumulator, chunks: AsyncIterable<Buffer>, opts: ScanPartsOptions): Promise<void> {
  const { workerData, signal } = opts;
  const path = workerData.identity.path;
  const ready = new Map<number, ScanPartial>();
  let sent = 0;
  let merged = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const settle = (seq: number, partial: ScanPartial): void => {
    ready.set(seq, partial);
    for (let next = ready.get(merged); next !== undefined; next = ready.get(merged)) {
      ready.delete(merged++);
      acc.merge(next);
    }
    notify();
  };
  const scanHere = (seq: number, part: { firstLine: number; bytes: Uint8Array }): void => {
    try {
      const bytes = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength);
      settle(seq, scanJsonlPart(workerData.identity, workerData.format, opts.lexicon, bytes, part.firstLine, workerData.maxRecordBytes, acc.sampleBounds()));
    } catch (error) {
      failure ??= new Error(`scanning ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      notify();
    }
  };
  const until = async (done: () => boolean): Promise<void> => {
    while (failure === null && !signal?.aborted && !done()) await new Promise<void>((resolve) => (wake = resolve));
    signal?.throwIfAborted();
    if (failure !== null) throw failure;
  };
  signal?.addEventListener("abort", notify);
  const pool: Slot[] = [];
  const retire = (slot: Slot): void => {
    const at = pool.indexOf(slot);
    if (at === -1) return;
    pool.splice(at, 1);
    slot.worker.removeAllListeners("exit");
    void slot.worker.terminate();
    for (const [seq, part] of slot.parts) scanHere(seq, part);
    slot.parts.clear();
    notify();
  };
  for (let i = 0; i < opts.workers; i++) {
    let worker: Worker;
    try {
      // No inherited node flags (a CLI started with --input-type or --expose-gc would make the
      // worker fail), and a 16 MB young generation: 4 MB made a worker scan ~30% slower (a
      // collection every few hundred records), while the default lets its heap grow ~30 MB more.
      worker = new Worker(opts.script ?? WORKER_SCRIPT, { workerData, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    } catch {
      break;
    }
    const slot: Slot = { worker, parts: new Map() };
    pool.push(slot);
    worker.on("message", (reply: PartReply) => {
      const part = slot.parts.get(reply.seq);
      if (part === undefined) return;
      slot.parts.delete(reply.seq);
      if ("error" in reply) scanHere(reply.seq, part);
      else settle(reply.seq, reply.partial);
    });
    worker.on("error", () => retire(slot));
    worker.on("messageerror", () => retire(slot));
    worker.on("exit", () => retire(slot));
  }
  const dispatch = async (part: Part): Promise<void> => {
    if (failure !== null) throw failure;
    // Parts scanned ahead of a slow one wait here to be merged: bounded, whatever the file.
    await until(() => sent - merged < MAX_UNMERGED);
    const seq = sent++;
    if ("tooLong" in part) {
      const one = new ScanAccumulator(workerData.identity, workerData.format, EMPTY_LEXICON, "part");
      one.issue(part.line, tooLongMessage(part.tooLong, workerData.maxRecordBytes));
      settle(seq, one.partial());
      return;
    }
    let slot: Slot | null = null;
    for (const s of pool) if (s.parts.size < IN_FLIGHT && (slot === null || s.parts.size < slot.parts.size)) slot = s;
    if (slot === null) {
      scanHere(seq, part);
      // The workers' answers are events: without a turn of the event loop none would be seen.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (failure !== null) throw failure;
      return;
    }
    slot.parts.set(seq, part);
    // Copied, not transferred: the part stays here in case the worker fails.
    const request: PartRequest = { seq, firstLine: part.firstLine, bytes: part.bytes, bounds: acc.sampleBounds() };
    slot.worker.postMessage(request);
  };
  try {
    const cutter = new PartCutter(opts.partBytes ?? PART_BYTES, workerData.maxRecordBytes);
    for await (const chunk of chunks) for (const part of cutter.push(chunk)) await dispatch(part);
    for (const part of cutter.end()) await dispatch(part);
    await until(() => merged === sent);
  } finally {
    signal?.removeEventListener("abort", notify);
    // Awaited: a worker's memory is only given back once its thread has ended, and what follows
    // the scan (near-duplicate search) is the review's other memory peak.
    await Promise.all(
      pool.splice(0).map(({ worker }) => {
        worker.removeAllListeners("exit");
        return worker.terminate();
      }),
    );
  }
}

/** Parts queued per worker: one to scan, one waiting, so it never idles between messages. */
const IN_FLIGHT = 2;
/** Parts scanned or in flight but not merged yet, at most. */
const MAX_UNMERGED = 16;
const EMPTY_LEXICON = { sensitive: [], businessRules: [] };
