/** Scans one JSONL file in its own process, as the review child runs, and prints what the dup-heavy section compares. */
import { createReadStream } from "node:fs";
import { nearDuplicatePairs, scanDataset } from "../dist/datasets/index.js";
import { scanLexicon } from "../dist/scan-lexicon.js";

const [file, threshold] = process.argv.slice(2);
const started = performance.now();
const scan = await scanDataset({
  path: "data/train.jsonl",
  format: "openai-chat",
  role: "train",
  chunks: createReadStream(file, { highWaterMark: 1 << 20 }),
  lexicon: scanLexicon(),
});
const pairs = nearDuplicatePairs(scan.keys, Number(threshold)).length;
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, records: scan.records, pairs })}\n`);
