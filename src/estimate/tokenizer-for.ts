/**
 * Which real tokenizer counts a model's tokens: OpenAI models have one maintained as a package
 * (gpt-tokenizer); other model families get the labelled chars/4 estimate.
 */

/** The BPE encodings gpt-tokenizer ships that fine-tunable OpenAI models use. */
export type TokenizerName = "o200k_base" | "cl100k_base";

/** A loaded tokenizer: its name and a token count for one text (special-token text counts as plain text). */
export interface Tokenizer {
  name: TokenizerName;
  count(text: string): number;
}

/** The OpenAI model id inside a config value: `openai/gpt-4o-mini`, `ft:gpt-4o-mini-2024-07-18:org::id` → the base id. */
export function openaiModelId(model: string): string {
  let id = model.trim().toLowerCase();
  if (id.startsWith("openai/")) id = id.slice("openai/".length);
  if (id.startsWith("ft:")) id = id.slice(3).split(":")[0] ?? "";
  return id;
}

/**
 * The tokenizer of an OpenAI model id: o200k_base for gpt-4o*, gpt-4.1*, gpt-4.5*, gpt-5* and
 * the o-series; cl100k_base for gpt-3.5*, gpt-4 (not 4o/4.x), davinci-002 and babbage-002;
 * undefined for every other model (their tokenizers are not packaged here).
 */
export function tokenizerFor(model: string | undefined): TokenizerName | undefined {
  if (model === undefined) return undefined;
  const id = openaiModelId(model);
  if (/^(gpt-4o|chatgpt-4o|gpt-4\.[1-9]|gpt-5|o[1-9])(\b|-|$)/.test(id)) return "o200k_base";
  if (/^(gpt-3\.5|gpt-4(-|$)|davinci-002|babbage-002)/.test(id)) return "cl100k_base";
  return undefined;
}

const NO_SPECIAL = { disallowedSpecial: new Set<string>() };

/** Loads a tokenizer's tables (several MB: only when a review needs them). */
export async function loadTokenizer(name: TokenizerName): Promise<Tokenizer> {
  const mod = name === "o200k_base" ? await import("gpt-tokenizer/encoding/o200k_base") : await import("gpt-tokenizer/encoding/cl100k_base");
  // Training data may quote `<|endoftext|>`: it is text there, not a control token.
  return { name, count: (text) => mod.countTokens(text, NO_SPECIAL) };
}
