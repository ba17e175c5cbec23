/**
 * Seeded generators for the benchmark: nothing large is committed, every run builds the same data.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const WORDS = (
  "account address agent alarm answer apple arrive author balance bank basket battery bill blanket border bottle bridge " +
  "button cable camera candle carpet cart channel charge cheque circle client coffee coin color contract copy corner " +
  "country coupon courier credit cup customer damage date deal debit delay desk device dinner discount door driver " +
  "email engine error event export fabric family fee field file filter flight floor folder garden gift glass guide " +
  "handle harbor helmet holiday hotel invoice island item jacket jewel kettle key kitchen label ladder lamp laptop " +
  "layer letter license light limit locker luggage machine manual market meeting menu merchant message meter mirror " +
  "model monitor motor network notice number office order owner package page parcel partner password payment pencil " +
  "phone picture pillow plan plate pocket portal printer profile receipt record region reply report router saddle " +
  "sample schedule screen seat sensor server service session shelf shipment signal socket sofa speaker station " +
  "statement store street subscription supplier switch table tablet ticket timer token tower track trolley truck " +
  "umbrella update vehicle voucher wallet warranty window wire yard"
).split(" ");

/** mulberry32: a small deterministic generator. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sentence(rand, n) {
  let s = "";
  for (let i = 0; i < n; i++) s += (i ? " " : "") + WORDS[Math.floor(rand() * WORDS.length)];
  return s;
}

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
