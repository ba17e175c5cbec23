/**
 * MinHash-style signatures of normalised texts: 64 values over word 3-gram (or character 4-gram)
 * shingles, kept as 8-bit values (b-bit MinHash) so a dataset's signatures stay compact.
 *
 * The 64 values come from fast similarity sketching (Dahlgaard, Knudsen and Thorup, FOCS 2017)
 * rather than 64 independent permutations: in round r every shingle is hashed once into one of
 * the 64 bins with a value in [r, r + 1), and rounds stop as soon as every bin holds a value, since
 * later rounds can no longer lower one. Two texts agree on a bin with probability close to the
 * Jaccard similarity of their shingle sets, with the concentration of 64 permutations, at a cost
 * of a few hashes per shingle instead of 64.
 */
import { fmix32 } from "./hash.js";

/** Number of values in a signature. */
export const MINHASH_PERMUTATIONS = 64;
/** Every value of an empty text's signature. */
export const SIGNATURE_EMPTY = 0xffffffff;
/** Word count below which a text is shingled by characters (word 3-grams would be too few). */
export const MIN_WORDS_FOR_WORD_SHINGLES = 5;
/** Signatures read at most this many characters of a normalised text. */
export const MAX_SIGNATURE_CHARS = 50_000;
const CHAR_SHINGLE = 4;
const P = MINHASH_PERMUTATIONS;
/** Bits of a round's hash that rank a shingle; the top 6 pick its bin. */
const RANK_BITS = 26;
const RANK_MASK = (1 << RANK_BITS) - 1;

/**
 * Fixed seeds and odd multipliers per round: signatures are comparable across runs and machines.
 * Kept as int32, like every value in the sketch's loop, so it runs on 32-bit integers only.
 */
const SEEDS = Int32Array.from({ length: 2 * P }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9) ^ 0x7f4a7c15));
const MULTS = Int32Array.from({ length: 2 * P }, (_, i) => fmix32(Math.imul(i + 7, 0x85ebca6b)) | 1);

/** FNV-1a of a word: the first step of a word shingle's hash. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** A word 3-gram's hash from its three word hashes. */
function wordShingle(w0: number, w1: number, w2: number): number {
  return fmix32(fmix32(w0 ^ Math.imul(w1, 0x9e3779b1)) ^ Math.imul(w2, 0x85ebca6b));
}

// Scratch buffers reused across calls: signatures are made one at a time.
let shingles = new Int32Array(1024);
const best = new Int32Array(P);
/** An empty bin in `best`: above every value, which is a uint32 value with its top bit flipped. */
const UNSET = 0x7fffffff;

function shingleAt(n: number, h: number): void {
  if (n === shingles.length) {
    const grown = new Int32Array(n * 2);
    grown.set(shingles);
    shingles = grown;
  }
  shingles[n] = h;
}

/** Fills `out` with the sketch of `shingles[0..n)` (each an already mixed 32-bit hash). */
function sketch(n: number, out: Uint32Array): void {
  if (n === 0) {
    out.fill(SIGNATURE_EMPTY);
    return;
  }
  // A value is its round in the top 6 bits and its rank below, so rounds 0..P-1 compare as uint32;
  // stored with the top bit flipped, they compare the same as int32, which V8 keeps unboxed.
  const s = shingles;
  best.fill(UNSET);
  let filled = 0;
  for (let r = 0; r < P && filled < P; r++) {
    const seed = SEEDS[r]!;
    const mult = MULTS[r]!;
    const base = (r << RANK_BITS) ^ 0x80000000;
    for (let k = 0; k < n; k++) {
      let g = Math.imul(s[k]! ^ seed, mult);
      g ^= g >>> 15;
      const bin = g >>> RANK_BITS;
      const v = base | (g & RANK_MASK);
      const was = best[bin]!;
      if (v < was) {
        if (was === UNSET) filled++;
        best[bin] = v;
        // 8 bits of the winner that depend on all of its hash: different winners agree once in 256,
        // which moves a Jaccard estimate by (1 - J) / 256 (0.001 at the usual 0.8 threshold).
        out[bin] = Math.imul(g, 0x9e3779b1) >>> 24;
      }
    }
  }
  // Rounds P..2P-1 put every shingle in bin r-P: they fill the bins still empty (few shingles).
  for (let bin = 0; bin < P && filled < P; bin++) {
    if (best[bin] !== UNSET) continue;
    const seed = SEEDS[P + bin]!;
    const mult = MULTS[P + bin]!;
    let low = UNSET;
    for (let k = 0; k < n; k++) {
      let g = Math.imul(s[k]! ^ seed, mult);
      g ^= g >>> 15;
      const v = g & RANK_MASK;
      if (v < low) {
        low = v;
        out[bin] = Math.imul(g, 0x9e3779b1) >>> 24;
      }
    }
    best[bin] = low;
    filled++;
  }
}

/**
 * Signature of a text from its word hashes (FNV-1a of each normalised word, in order): word
 * 3-grams. The caller makes sure there are at least {@link MIN_WORDS_FOR_WORD_SHINGLES} words.
 */
export function sketchWords(words: Uint32Array, count: number, out: Uint32Array): void {
  // A repeated shingle cannot change a bin's value, so word shingles need no de-duplication.
  let n = 0;
  for (let i = 2; i < count; i++) shingleAt(n++, wordShingle(words[i - 2]!, words[i - 1]!, words[i]!));
  sketch(n, out);
}

function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Signature of a short normalised text (fewer than five words) from its character 4-grams. */
export function sketchChars(normalized: string, out: Uint32Array): void {
  const text = normalized.length > MAX_SIGNATURE_CHARS ? normalized.slice(0, MAX_SIGNATURE_CHARS) : normalized;
  if (text === "") {
    out.fill(SIGNATURE_EMPTY);
    return;
  }
  if (text.length <= CHAR_SHINGLE) {
    shingleAt(0, fmix32(fnv1a(text)));
    sketch(1, out);
    return;
  }
  // Repeats are counted ("0000" twice is not "0000" once): "10000000" and "1000000" stay apart.
  const seen = new Map<number, number>();
  let n = 0;
  for (let i = 0; i + CHAR_SHINGLE <= text.length; i++) {
    let h = FNV_OFFSET;
    for (let k = i; k < i + CHAR_SHINGLE; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    const repeat = (seen.get(h) ?? 0) + 1;
    seen.set(h, repeat);
    shingleAt(n++, fmix32(h ^ Math.imul(repeat, 0x27d4eb2d)));
  }
  sketch(n, out);
}

let wordBuffer = new Uint32Array(256);

/**
 * Signature of a normalised text (see `normalizeText`): values below 2^8, or all
 * {@link SIGNATURE_EMPTY} for an empty text. Reads at most {@link MAX_SIGNATURE_CHARS} characters.
 */
export function minhashSignature(normalized: string): Uint32Array {
  const out = new Uint32Array(P);
  const text = normalized.length > MAX_SIGNATURE_CHARS ? normalized.slice(0, MAX_SIGNATURE_CHARS) : normalized;
  let count = 0;
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c !== 32) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      if (count === wordBuffer.length) {
        const grown = new Uint32Array(count * 2);
        grown.set(wordBuffer);
        wordBuffer = grown;
      }
      wordBuffer[count++] = h >>> 0;
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (count >= MIN_WORDS_FOR_WORD_SHINGLES) sketchWords(wordBuffer, count, out);
  else sketchChars(text, out);
  return out;
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
