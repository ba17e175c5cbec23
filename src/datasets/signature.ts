/**
 * MinHash signatures of normalised texts: 64 minima over word 3-gram (or character 4-gram)
 * shingles, kept as 16-bit values (b-bit MinHash) so a dataset's signatures stay compact.
 */
import { fmix32 } from "./hash.js";

/** Number of hash functions in a signature. */
export const MINHASH_PERMUTATIONS = 64;
/** Every value of an empty text's signature. */
export const SIGNATURE_EMPTY = 0xffffffff;
/** Word count below which a text is shingled by characters (word 3-grams would be too few). */
const MIN_WORDS_FOR_WORD_SHINGLES = 5;
const CHAR_SHINGLE = 4;
/** Signatures read at most this many characters of a text. */
const MAX_SIGNATURE_CHARS = 50_000;
const P = MINHASH_PERMUTATIONS;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed seeds and odd multipliers: signatures are comparable across runs and machines. */
const SEEDS = Uint32Array.from({ length: P }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9) ^ 0x7f4a7c15));
const MULTS = Uint32Array.from({ length: P }, (_, i) => fmix32(Math.imul(i + 7, 0x85ebca6b)) | 1);

/** Lowers each minimum of `mins` with shingle hash `h` under the P permutations. */
function addShingle(mins: Uint32Array, h: number): void {
  // h is already mixed: xor, an odd multiply and a shift make a cheap family of bijections.
  for (let i = 0; i < P; i++) {
    let v = Math.imul(h ^ SEEDS[i]!, MULTS[i]!);
    v = (v ^ (v >>> 15)) >>> 0;
    if (v < mins[i]!) mins[i] = v;
  }
}

/**
 * MinHash signature of a normalised text: values below 2^16 (the low 16 bits of each minimum),
 * or all {@link SIGNATURE_EMPTY} for an empty text.
 */
export function minhashSignature(normalized: string): Uint32Array {
  const text = normalized.length > MAX_SIGNATURE_CHARS ? normalized.slice(0, MAX_SIGNATURE_CHARS) : normalized;
  const mins = new Uint32Array(P).fill(SIGNATURE_EMPTY);
  if (text === "") return mins;
  const words = text.split(" ");
  if (words.length >= MIN_WORDS_FOR_WORD_SHINGLES) {
    // A repeated shingle cannot change a minimum, so word shingles need no de-duplication.
    let w0 = fnv1a(words[0]!);
    let w1 = fnv1a(words[1]!);
    for (let i = 2; i < words.length; i++) {
      const w2 = fnv1a(words[i]!);
      addShingle(mins, fmix32(fmix32(w0 ^ Math.imul(w1, 0x9e3779b1)) ^ Math.imul(w2, 0x85ebca6b)));
      w0 = w1;
      w1 = w2;
    }
  } else if (text.length <= CHAR_SHINGLE) {
    addShingle(mins, fmix32(fnv1a(text)));
  } else {
    // Repeats are counted ("0000" twice is not "0000" once): "10000000" and "1000000" stay apart.
    const seen = new Map<string, number>();
    for (let i = 0; i + CHAR_SHINGLE <= text.length; i++) {
      const shingle = text.slice(i, i + CHAR_SHINGLE);
      const n = (seen.get(shingle) ?? 0) + 1;
      seen.set(shingle, n);
      addShingle(mins, fmix32(fnv1a(`${shingle}\u0001${n}`)));
    }
  }
  for (let i = 0; i < P; i++) mins[i] = mins[i]! & 0xffff;
  return mins;
}

function isEmptySignature(sig: Uint32Array): boolean {
  return sig.every((v) => v === SIGNATURE_EMPTY);
}

/** Estimated Jaccard similarity of two signatures' shingle sets (0 when either text was empty). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length || isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
