/** Scans one JSONL file in its own process, as the review child runs, and prints what the dup-heavy section compares. */
import { scanChatFile } from "./chat-scan.mjs";

const [file, threshold] = process.argv.slice(2);
const started = performance.now();
const { scan, pairs } = await scanChatFile(file, Number(threshold));
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, records: scan.records, pairs: pairs.length })}\n`);
