/**
 * The parallel scan (worker threads plus the calling thread, see src/datasets/scan-pool.ts) gives
 * exactly the scan of one pass, whatever the part and chunk sizes, and whatever its workers do:
 * a worker that fails or never starts has its parts scanned on the calling thread.
 *
 * The worker script exists only compiled, so the parallel path is imported from dist/ (npm test
 * builds it first) and compared with the single pass of the sources.
 */
import { describe, it, expect, beforeAll, afterAll } from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scanDataset } from "../../src/datasets/index.js";
import { PartCutter, type Part } from "../../src/datasets/scan-pool.js";
import type { DatasetScan } from "../../src/types.js";
import { packageRoot } from "../../src/paths.js";
import { seeded, sentence } from "../helpers/seeded.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

type ScanModule = typeof import("../../src/datasets/scan-dataset.js");
type PoolModule = typeof import("../../src/datasets/scan-pool.js");

let compiled: ScanModule;
let compiledPool: PoolModule;
let dir: string;

beforeAll(async () => {
  compiled = (await import(pathToFileURL(join(packageRoot, "dist/datasets/scan-dataset.js")).href)) as ScanModule;
  compiledPool = (await import(pathToFileURL(join(packageRoot, "dist/datasets/scan-pool.js")).href)) as PoolModule;
  dir = await mkdtemp(join(tmpdir(), "ftr-parallel-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* chunked(content: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < content.length; i += size) yield content.subarray(i, i + size);
}

const chat = (user: string, assistant: string, system?: string): string =>
  JSON.stringify({
    messages: [...(system ? [{ role: "system", content: system }] : []), { role: "user", content: user }, { role: "assistant", content: assistant }],
  });

/**
 * A chat JSONL with everything a scan keeps: duplicates and near-duplicates, secrets and emails
 * (more than the 200 hits kept), empty targets, business rules, broken and too-long lines, a BOM,
 * CRLF line ends, blank lines, and no newline at the end.
 */
function mixedChat(): Buffer {
  const rand = seeded(11);
  const lines: string[] = [];
  const users: string[] = [];
  for (let i = 0; i < 700; i++) {
    let user = `${sentence(rand, 12 + Math.floor(rand() * 20))}?`;
    if (i % 90 === 89) user = users[Math.floor(rand() * users.length)]!;
    else if (i % 40 === 39) user = `${users[Math.floor(rand() * users.length)]!} please`;
    users.push(user);
    let assistant = sentence(rand, 10);
    if (i % 3 === 0) assistant += ` Write to agent${i}@example.com.`;
    if (i % 50 === 7) assistant += " Use key AKIAABCDEFGHIJKLMNOP for it.";
    if (i % 17 === 0) assistant = "Refunds of up to $50 are processed within 3 days.";
    if (i % 61 === 5) assistant = " ";
    lines.push(chat(user, assistant, i % 2 === 0 ? "You are a support assistant." : undefined));
    if (i % 97 === 13) lines.push('{"messages": [{"role": "user"');
    if (i % 113 === 20) lines.push("");
    if (i % 131 === 40) lines.push(chat(sentence(rand, 400), sentence(rand, 300))); // over 2,000 bytes
    if (i % 151 === 60) lines.push(JSON.stringify({ prompt: "wrong shape", completion: "x" }));
  }
  const text = lines.map((l, i) => (i % 7 === 3 ? `${l}\r` : l)).join("\n");
  const bad = Buffer.from([0xc3, 0x28]);
  const cut = text.indexOf("\n", text.length >> 1);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.slice(0, cut + 1)), bad, Buffer.from(text.slice(cut + 1))]);
}

function mixedClassification(): Buffer {
  const rand = seeded(5);
  const labels = ["billing", "returns", "shipping", "account"];
  const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ text: `${sentence(rand, 8)}?`, label: labels[(i * 7) % (i < 250 ? 3 : 4)] }));
  // Labels that are also names on Object.prototype.
  lines[100] = JSON.stringify({ text: "build the house", label: "constructor" });
  lines[400] = JSON.stringify({ text: "odd one", label: "__proto__" });
  lines[450] = JSON.stringify({ text: "build the shed", label: "constructor" });
  return Buffer.from(lines.join("\n") + "\n");
}

/** A scan as plain data (its keys are a view over typed arrays). */
function plain(scan: DatasetScan): unknown {
  return { ...scan, keys: scan.keys.map((k) => ({ ...k, signature: Array.from(k.signature) })) };
}

const MAX = 2000;

/** The single pass, from the sources. */
async function sequential(path: string, format: string, content: Buffer): Promise<DatasetScan> {
  return scanDataset({ path, format, role: "train", chunks: chunked(content, 4096), lexicon: defaultTestLexicon(), maxRecordBytes: MAX, workers: 0 });
}

/** The parallel scan, compiled: always in parts (`minBytes` 0), with these workers and parts. */
async function parallel(
  path: string,
  format: string,
  chunks: AsyncIterable<Buffer> | Buffer,
  workers: number,
  partBytes: number,
  script?: URL,
): Promise<DatasetScan> {
  return compiled.scanDataset({
    path,
    format,
    role: "train",
    chunks,
    lexicon: defaultTestLexicon(),
    maxRecordBytes: MAX,
    workers,
    parallel: { minBytes: 0, partBytes, script },
  });
}

describe("parallel dataset scan", () => {
  it("gives the single pass's scan of a chat file for any part and chunk size", async () => {
    const content = mixedChat();
    const expected = await sequential("data/train.jsonl", "openai-chat", content);
    expect(expected.records).toBeGreaterThan(690);
    expect(expected.sensitiveTotal).toBeGreaterThan(200);
    expect(expected.formatIssues.some((i) => /over the 2 KB limit/.test(i.message))).toBe(true);
    expect(expected.formatIssues.some((i) => /UTF-8/.test(i.message))).toBe(true);
    for (const [workers, partBytes, chunk] of [
      [1, 512, 7],
      [2, 3000, 4096],
      [1, 100_000, 1000],
      [3, 700, 65536],
    ] as const) {
      const got = await parallel("data/train.jsonl", "openai-chat", chunked(content, chunk), workers, partBytes);
      expect(plain(got)).toEqual(plain(expected));
    }
  });

  it("keeps the single pass's text sample of a file larger than the sample, whatever the parts (the cutoff sent with each part is safe)", async () => {
    const rand = seeded(23);
    const lines: string[] = [];
    // About 2.2M characters of text: the sample (1M) is partial, and parts are sent after it filled.
    for (let i = 0; i < 9000; i++) lines.push(chat(`${sentence(rand, 20 + (i % 17))}? ${i}`, `${sentence(rand, 14)} ${i}`));
    const content = Buffer.from(`${lines.join("\n")}\n`);
    const expected = await sequential("data/big.jsonl", "openai-chat", content);
    expect(expected.textSample!.complete).toBe(false);
    expect(expected.textSample!.entries.length).toBeGreaterThan(1000);
    expect(expected.textSample!.longest).toHaveLength(50);
    for (const [workers, partBytes] of [
      [1, 64 * 1024],
      [3, 200 * 1024],
    ] as const) {
      const got = await parallel("data/big.jsonl", "openai-chat", chunked(content, 65536), workers, partBytes);
      expect(got.chars).toBe(expected.chars);
      expect(got.textSample).toEqual(expected.textSample);
    }
  });

  it("merges label counts and first lines of a classification file", async () => {
    const content = mixedClassification();
    const expected = await sequential("data/intents.jsonl", "classification", content);
    const got = await parallel("data/intents.jsonl", "classification", content, 2, 1000);
    // account first appears in the second half of the file, far from the first part.
    expect({ ...got.labelLines }).toEqual({ billing: 1, returns: 2, shipping: 3, account: 254, constructor: 101, ["__proto__"]: 401 });
    expect(got.labelCounts["constructor"]).toBe(2);
    expect(got.labelCounts["__proto__"]).toBe(1);
    expect(plain(got)).toEqual(plain(expected));
  });

  it.each([
    ["throws", 'parentPort.on("message", () => { throw new Error("boom in part"); });'],
    ["exits", 'parentPort.on("message", () => process.exit(3));'],
    ["answers an error", 'parentPort.on("message", (m) => parentPort.postMessage({ seq: m.seq, error: "part unreadable" }));'],
    [
      "answers only the first part, then fails",
      'let n = 0; parentPort.on("message", (m) => { if (n++ > 0) throw new Error("second"); parentPort.postMessage({ seq: m.seq, error: "first" }); });',
    ],
    ["cannot load", 'import "./no-such-module.mjs";'],
  ])("gives the same scan when a worker %s: its parts are scanned on the calling thread", async (name, body) => {
    const script = join(dir, `${name.replace(/\W+/g, "-")}.mjs`);
    await writeFile(script, `import { parentPort } from "node:worker_threads";\n${body}\n`);
    const content = mixedChat();
    const expected = await sequential("data/train.jsonl", "openai-chat", content);
    const got = await parallel("data/train.jsonl", "openai-chat", chunked(content, 4096), 2, 2048, pathToFileURL(script));
    expect(plain(got)).toEqual(plain(expected));
  });

  it("rejects with its signal's reason when it aborts while waiting for a worker stuck in a part, and stops that worker", async () => {
    // The worker never answers: it loops, posting a heartbeat on a channel the test listens to.
    const script = join(dir, "stuck.mjs");
    await writeFile(
      script,
      'import { parentPort } from "node:worker_threads";\nconst beat = new BroadcastChannel("ftr-stuck-worker");\n' +
        'parentPort.on("message", () => { let last = 0; for (;;) { const now = Date.now(); if (now - last >= 10) { last = now; beat.postMessage(now); } } });\n',
    );
    const beats: unknown[] = [];
    const channel = new BroadcastChannel("ftr-stuck-worker");
    channel.onmessage = (event) => beats.push((event as MessageEvent).data);
    const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      const controller = new AbortController();
      // Two parts, both sent to the worker: every chunk is read before the abort, so the scan sees
      // it while it waits for the worker's answers.
      const content = mixedChat();
      const scan = compiled.scanDataset({
        path: "data/train.jsonl",
        format: "openai-chat",
        role: "train",
        chunks: chunked(content, 4096),
        lexicon: defaultTestLexicon(),
        maxRecordBytes: MAX,
        workers: 1,
        parallel: { minBytes: 0, partBytes: Math.ceil(content.length / 2), script: pathToFileURL(script) },
        signal: controller.signal,
      });
      scan.catch(() => undefined);
      for (let waited = 0; beats.length === 0 && waited < 10_000; waited += 20) await settle(20);
      expect(beats.length).toBeGreaterThan(0);
      controller.abort(new Error("stopped by the test"));
      await expect(scan).rejects.toThrow("stopped by the test");
      // Heartbeats already sent may still arrive; after that, none: the worker's thread has ended.
      await settle(100);
      const seen = beats.length;
      await settle(300);
      expect(beats.length).toBe(seen);
    } finally {
      channel.close();
    }
  });

  it("takes its worker count from FINETUNE_REVIEW_SCAN_WORKERS when it is a whole number", () => {
    const fallback = compiledPool.scanWorkerCount({});
    expect(fallback).toBeGreaterThanOrEqual(0);
    expect(fallback).toBeLessThanOrEqual(3);
    expect(compiledPool.scanWorkerCount({ FINETUNE_REVIEW_SCAN_WORKERS: "0" })).toBe(0);
    expect(compiledPool.scanWorkerCount({ FINETUNE_REVIEW_SCAN_WORKERS: " 2 " })).toBe(2);
    expect(compiledPool.scanWorkerCount({ FINETUNE_REVIEW_SCAN_WORKERS: "99" })).toBe(16);
    expect(compiledPool.scanWorkerCount({ FINETUNE_REVIEW_SCAN_WORKERS: "two" })).toBe(fallback);
  });
});

describe("PartCutter", () => {
  const cutAll = (chunks: string[], partBytes: number, maxBytes: number): Part[] => {
    const cutter = new PartCutter(partBytes, maxBytes);
    return [...chunks.flatMap((c) => cutter.push(Buffer.from(c))), ...cutter.end()];
  };
  const show = (parts: Part[]): string[] =>
    parts.map((p) => ("tooLong" in p ? `line ${p.line}: ${p.tooLong} bytes, too long` : `${p.firstLine}: ${JSON.stringify(Buffer.from(p.bytes).toString())}`));

  it("cuts at line ends and numbers each part's first line", () => {
    expect(show(cutAll(["a\nbb\nc", "cc\ndd", "d\ne"], 4, 100))).toEqual(['1: "a\\nbb\\n"', '3: "ccc\\n"', '4: "ddd\\n"', '5: "e"']);
  });

  it("skips a line longer than the limit across chunks without keeping it, and goes on after it", () => {
    expect(show(cutAll(["ok\nxxxx", "xxxxxx", "xx\r\nnext\n"], 4, 5))).toEqual(['1: "ok\\n"', "line 2: 13 bytes, too long", '3: "next\\n"']);
    expect(show(cutAll(["ok\n", "yyyyyyyy"], 4, 5))).toEqual(['1: "ok\\n"', "line 2: 8 bytes, too long"]);
  });

  it("hands each part a buffer of its own, exactly its size, so sending it copies nothing more", () => {
    const chunk = Buffer.from("one\ntwo\nthr");
    const [part] = new PartCutter(1, 100).push(chunk);
    if (part === undefined || "tooLong" in part) throw new Error("expected a part of lines");
    expect(part.bytes.buffer).not.toBe(chunk.buffer);
    expect(part.bytes.byteOffset).toBe(0);
    expect(part.bytes.buffer.byteLength).toBe("one\ntwo\n".length);
  });
});
