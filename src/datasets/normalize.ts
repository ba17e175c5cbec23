/**
 * Text normalisation and hashing for duplicate and leakage keys: two texts that differ only in
 * case, punctuation, whitespace or Unicode compatibility forms normalise to the same string.
 */
import { hash64 } from "./hash.js";

/** NFKC, lower case, punctuation and symbols removed, whitespace collapsed. */
export function normalizeText(text: string): string {
  // ASCII text (most data) takes a cheaper path with the same result: NFKC and \p{P}/\p{S} reduce to ASCII classes.
  if (/^[\x00-\x7f]*$/.test(text)) {
    // One pass folds punctuation and whitespace together: the same result as two replaces.
    const lower = text.toLowerCase();
    return (lower.includes("'") ? lower.replace(/'/g, "") : lower).replace(/[\t-\r !-/:-@[-`{-~]+/g, " ").trim();
  }
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc]/gu, "") // "don't" and "dont" are the same word
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * A short, stable content hash of an already normalised text: 64 bits as 16 hex characters. Not
 * cryptographic; two different texts share it about once in 2^64, which exact matching tolerates.
 */
export function hashText(normalized: string): string {
  const [hi, lo] = hash64(normalized);
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** The hash of an empty normalised text: records with no input text never match each other. */
export const EMPTY_HASH = hashText("");
