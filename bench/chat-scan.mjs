/** The bench's plain scan of a chat JSONL: every dataset rule's data in one pass, then its near-duplicate pairs. */
import { createReadStream } from "node:fs";
import { nearDuplicatePairs, scanDataset } from "../dist/datasets/index.js";
import { scanLexicon } from "../dist/scan-lexicon.js";

/** Scans `file` as `data/train.jsonl` (OpenAI chat) and finds its near-duplicate pairs at `threshold`. */
export async function scanChatFile(file, threshold) {
  const scan = await scanDataset({
    path: "data/train.jsonl",
    format: "openai-chat",
    role: "train",
    chunks: createReadStream(file, { highWaterMark: 1 << 20 }),
    lexicon: scanLexicon(),
  });
  return { scan, pairs: nearDuplicatePairs(scan.keys, threshold) };
}
