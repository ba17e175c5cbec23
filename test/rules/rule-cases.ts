/** Builders of dataset text for the rule tables: deterministic, so the same call gives the same records. */

const WORDS = (
  "account balance card transfer refund invoice password profile billing limit branch mobile app login " +
  "statement deposit savings loan mortgage interest payment merchant receipt currency exchange travel " +
  "notice fraud alert freeze unlock address phone email verify identity document upload photo review " +
  "delay pending cancel order delivery courier parcel return voucher discount reward points tier member " +
  "support agent chat callback schedule weekend holiday morning evening"
).split(" ");

/** `n` texts of `words` words each that share no near-duplicate pair; `seed` gives another set. */
export function distinctTexts(n: number, words = 8, seed = 1): string[] {
  return Array.from({ length: n }, (_, i) => {
    let x = (seed * 7919 + i * 104_729 + 13) >>> 0;
    const out: string[] = [];
    for (let w = 0; w < words; w++) {
      x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
      out.push(WORDS[(x >>> 8) % WORDS.length]!);
    }
    return `${out.join(" ")} ${i}`;
  });
}

function labelSeed(label: string): number {
  let h = 17;
  for (const c of label) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 10_000;
}

/** Classification JSONL with `counts[label]` records per label, labels in the given order. */
export function classified(counts: Record<string, number>): string {
  return Object.entries(counts)
    .flatMap(([label, n]) => distinctTexts(n, 8, labelSeed(label)).map((text) => JSON.stringify({ text, label })))
    .join("\n");
}

/** OpenAI chat JSONL: one record per user text, with the assistant texts given (or a fixed answer). */
export function chat(users: readonly string[], assistants?: readonly string[]): string {
  return users
    .map((u, i) => JSON.stringify({ messages: [{ role: "user", content: u }, { role: "assistant", content: assistants?.[i] ?? "See the help centre." }] }))
    .join("\n");
}

import type { Artifact, ConfigFacts } from "../../src/types.js";

/** A changed axolotl training config with these facts (adapter, no eval, no paths unless given). */
export function trainingConfig(facts: Partial<ConfigFacts> = {}, over: Partial<Artifact> = {}): Artifact {
  return {
    path: "configs/train.yml",
    kind: "training-config",
    format: "axolotl",
    status: "added",
    config: { framework: "axolotl", usesAdapter: true, referencesEval: false, datasetPaths: [], evalPaths: [], infrastructure: false, ...facts },
    ...over,
  };
}
