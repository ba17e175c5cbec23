/**
 * Worker-thread entry of a parallel dataset scan (see scan-pool.ts): scans the parts of one JSONL
 * file it is sent and answers each with its partial scan. It reads nothing itself.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { DatasetFormat } from "./formats.js";
import { scanJsonlPart, type ScanIdentity } from "./scan-accumulator.js";
import { compileLexicon, type ScanLexicon } from "./sensitive.js";
import type { PartReply, PartRequest } from "./scan-pool.js";

/** What a scan worker is started with. */
export interface ScanWorkerData {
  identity: ScanIdentity;
  format: DatasetFormat;
  lexicon: ScanLexicon;
  maxRecordBytes: number;
}

const data = workerData as ScanWorkerData;
const lexicon = compileLexicon(data.lexicon);

parentPort!.on("message", (request: PartRequest) => {
  let reply: PartReply;
  try {
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    const partial = scanJsonlPart(data.identity, data.format, lexicon, bytes, request.firstLine, data.maxRecordBytes, request.bounds);
    reply = { seq: request.seq, partial };
    const { ids } = partial;
    const transfer = [partial.keyLines.buffer, partial.keyHashes.buffer, partial.keySigs.buffer, ids.lines.buffer, ids.hashes.buffer];
    if (ids.keys) transfer.push(ids.keys.buffer);
    parentPort!.postMessage(reply, transfer);
  } catch (error) {
    reply = { seq: request.seq, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(reply);
  }
});
