/**
 * Seeded generators for the benchmark: nothing large is committed, every run builds the same data.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
// Compiled from test/helpers/seeded.ts by `npm run bench` (bench/tsconfig.json): one generator for tests and bench.
import { seeded, sentence } from "../node_modules/.cache/finetune-review-bench/seeded.js";

export { seeded, sentence };

export const LABELS = ["billing", "returns", "shipping", "account", "technical"];

/**
 * One OpenAI-chat record of about 1 KB; every 50th repeats an earlier user turn with a small edit
 * (near-duplicates), every 200th repeats one exactly.
 */
export function chatRecord(rand, i, recent) {
  let user;
  if (i > 0 && i % 200 === 0 && recent.length) user = recent[Math.floor(rand() * recent.length)];
  else if (i > 0 && i % 50 === 0 && recent.length) user = `${recent[Math.floor(rand() * recent.length)]} please`;
  else user = `${sentence(rand, 40 + Math.floor(rand() * 40))}?`;
  if (recent.length < 64) recent.push(user);
  else recent[i % 64] = user;
  return JSON.stringify({
    messages: [
      { role: "system", content: "You are a support assistant for an online store. Answer briefly and route the ticket." },
      { role: "user", content: user },
      { role: "assistant", content: `${sentence(rand, 30 + Math.floor(rand() * 30))}. Routed to ${LABELS[i % LABELS.length]}.` },
    ],
  });
}

/** Writes a chat JSONL of at least `bytes` bytes; returns the number of records. */
export async function writeChatJsonl(path, bytes, seed = 1) {
  const rand = seeded(seed);
  const out = createWriteStream(path);
  const recent = [];
  let written = 0;
  let i = 0;
  let buf = "";
  while (written < bytes) {
    const line = `${chatRecord(rand, i++, recent)}\n`;
    buf += line;
    written += Buffer.byteLength(line);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.write(buf);
  out.end();
  await once(out, "finish");
  return i;
}

/** Classification JSONL lines (short records), for small PR datasets. */
export function classificationLines(n, seed) {
  const rand = seeded(seed);
  return Array.from({ length: n }, (_, i) => JSON.stringify({ text: `${sentence(rand, 9)}?`, label: LABELS[i % 3] }));
}
