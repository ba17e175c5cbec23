/**
 * The documented per-example token limits of OpenAI fine-tuning, for length checks when the
 * config states no sequence length (an OpenAI job has none to state).
 */
import { openaiModelId } from "./tokenizer-for.js";

// Longest prefix first. gpt-4o / gpt-4o-mini: "training example context length: 65,536";
// gpt-3.5-turbo-1106/-0125: 16,385; -0613: 4,096 (OpenAI's fine-tuning guide and Azure's model table).
const LIMITS: readonly [prefix: string, tokens: number][] = [
  ["gpt-3.5-turbo-0613", 4096],
  ["gpt-3.5-turbo-1106", 16385],
  ["gpt-3.5-turbo-0125", 16385],
  ["gpt-3.5-turbo", 16385],
  ["gpt-4o-mini", 65536],
  ["gpt-4o", 65536],
  ["gpt-4.1", 65536],
  ["gpt-4-0613", 8192],
  ["babbage-002", 16384],
  ["davinci-002", 16384],
];

/** The provider's per-example token limit for fine-tuning this model, when documented. */
export function providerExampleLimit(model: string | undefined): { tokens: number; model: string } | undefined {
  if (model === undefined) return undefined;
  const id = openaiModelId(model);
  const hit = LIMITS.find(([prefix]) => id.startsWith(prefix));
  return hit && { tokens: hit[1], model: id };
}
