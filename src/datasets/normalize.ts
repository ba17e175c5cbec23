/**
 * Text normalisation and hashing for duplicate and leakage keys: two texts that differ only in
 * case, punctuation, whitespace or Unicode compatibility forms normalise to the same string.
 */
import { createHash } from "node:crypto";

/** NFKC, lower case, punctuation and symbols removed, whitespace collapsed. */
export function normalizeText(text: string): string {
  // ASCII text (most data) takes a cheaper path with the same result: NFKC and \p{P}/\p{S} reduce to ASCII classes.
  if (/^[\x00-\x7f]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/'/g, "")
      .replace(/[!-/:-@[-`{-~]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  }
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc]/gu, "") // "don't" and "dont" are the same word
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** A short, stable content hash (hex) of an already normalised text. */
export function hashText(normalized: string): string {
  return createHash("sha256").update(normalized, "utf8").digest("hex").slice(0, 32);
}

/** The hash of an empty normalised text: records with no input text never match each other. */
export const EMPTY_HASH = hashText("");
