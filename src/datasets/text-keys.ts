/**
 * A record's duplicate and leakage keys in one pass over its raw text: the hashes of its normalised
 * input and example and its input's signature, equal to hashing `normalizeText` output but without
 * building the normalised strings (that allocation and its regexes were most of a scan's time).
 */
import { fmix32 } from "./hash.js";
import { normalizeText } from "./normalize.js";
import { FNV_OFFSET, FNV_PRIME, MAX_SIGNATURE_CHARS, MIN_WORDS_FOR_WORD_SHINGLES, MINHASH_PERMUTATIONS, sketchChars, sketchWords } from "./signature.js";

// What each UTF-16 code unit becomes in normalisation (see normalizeText's ASCII path): below
// SEP the lower-cased character itself, else a separator, a dropped apostrophe, or non-ASCII
// (which needs Unicode normalisation of the whole text: the caller falls back to normalizeText).
const SEP = 0x80;
const DROP = 0x81;
const BAIL = 0x82;
const MAP = new Uint8Array(0x10000).fill(BAIL);
for (let c = 0; c < 0x80; c++) {
  const separator = (c >= 0x09 && c <= 0x0d) || (c >= 0x20 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
  MAP[c] = c === 0x27 ? DROP : separator ? SEP : c >= 0x41 && c <= 0x5a ? c + 32 : c;
}
// hash64's lane multipliers (see hash.ts) and FNV-1a's, as locals the loops can keep in registers.
const LANE_A = 0x01000193;
const LANE_B = 0x5bd1e995;
const WORD_PRIME = FNV_PRIME;
const WORD_OFFSET = FNV_OFFSET | 0;
const CAP = MAX_SIGNATURE_CHARS;

/** Words from this raw index on are collected for the signature; NONE collects none. */
const NONE = -1;

/**
 * Computes the keys of one record after another, reusing its buffers. After `compute`, the hashes
 * are in the four number fields and the signature in `signature` (overwritten by the next call).
 */
export class TextKeys {
  inputHi = 0;
  inputLo = 0;
  exampleHi = 0;
  exampleLo = 0;
  readonly signature = new Uint32Array(MINHASH_PERMUTATIONS);
  // Streaming state of hash64 (see hash.ts): its two lanes and the number of characters hashed.
  private a = 0;
  private b = 0;
  private length = 0;
  // Signature words (FNV-1a of each normalised word) and the normalised characters they cover.
  private words = new Uint32Array(256);
  private wordCount = 0;
  private sigChars = 0;

  /**
   * Keys of a record: `input` and `target` are hashed as normalised texts, the example as
   * `input \0 target \0 labels sorted and \0-joined`; the signature is of `signatureInput` and
   * the target (joined by a newline) — the whole example — where a caller that knows it is `input.slice(signatureFrom)` says so with `signatureFrom`.
   */
  compute(input: string, signatureInput: string, target: string | null, labels: readonly string[], signatureFrom?: number): void {
    this.a = FNV_OFFSET | 0;
    this.b = 0x9747b28c | 0;
    this.length = 0;
    this.wordCount = 0;
    this.sigChars = 0;
    // The signature text is usually the input itself or its tail after a "\n" (the system prompt
    // left out): then its words are collected while the input is hashed, in the same pass.
    let wordsFrom = NONE;
    if (signatureFrom === 0 || (signatureFrom !== undefined && input.charCodeAt(signatureFrom - 1) === 10)) wordsFrom = signatureFrom;
    else if (signatureInput === input) wordsFrom = 0;
    else if (signatureInput.length < input.length && input.charCodeAt(input.length - signatureInput.length - 1) === 10 && input.endsWith(signatureInput)) {
      wordsFrom = input.length - signatureInput.length;
    }
    if (!(wordsFrom === NONE ? this.hashRaw(input) : this.hashWordsRaw(input, wordsFrom))) {
      this.hashNormalized(normalizeText(input));
      wordsFrom = NONE;
    }
    const len = this.length;
    this.inputHi = fmix32(this.a ^ len);
    this.inputLo = fmix32(this.b ^ Math.imul(len, 0x27d4eb2d));
    if (wordsFrom === NONE && !this.wordsRaw(signatureInput)) this.wordsNormalized(normalizeText(signatureInput));
    this.hashChar(0);
    if (target !== null && !this.hashRaw(target)) this.hashNormalized(normalizeText(target));
    // The signature covers the whole example: examples that share a prompt but differ in the answer
    // stay apart, and those that differ only by a prompt prefix meet.
    const whole = target !== null && target !== "";
    if (whole && !this.wordsRaw(target)) this.wordsNormalized(normalizeText(`${signatureInput}\n${target}`));
    this.hashChar(0);
    const sorted = labels.length > 1 ? [...labels].sort() : labels;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0) this.hashChar(0);
      const label = sorted[i]!;
      for (let k = 0; k < label.length; k++) this.hashChar(label.charCodeAt(k));
    }
    const total = this.length;
    this.exampleHi = fmix32(this.a ^ total);
    this.exampleLo = fmix32(this.b ^ Math.imul(total, 0x27d4eb2d));
    if (this.wordCount >= MIN_WORDS_FOR_WORD_SHINGLES) sketchWords(this.words, this.wordCount, this.signature);
    else sketchChars(normalizeText(whole ? `${signatureInput}\n${target}` : signatureInput), this.signature);
  }

  private hashChar(c: number): void {
    this.a = Math.imul(this.a ^ c, LANE_A);
    const b = Math.imul(this.b ^ c, LANE_B);
    this.b = b ^ (b >>> 15);
    this.length++;
  }

  /**
   * Hashes ASCII text as normalised on the fly: lower case, apostrophes dropped, runs of
   * punctuation and whitespace as one space, trimmed. Returns false, with nothing changed, at
   * the first non-ASCII character. (Three specialised loops, this one and the two below: one
   * general loop was twice as slow.)
   */
  private hashRaw(text: string): boolean {
    const n = text.length;
    let a = this.a | 0;
    let b = this.b | 0;
    let len = this.length;
    let i = 0;
    let first = true;
    for (;;) {
      let m = SEP;
      while (i < n) {
        m = MAP[text.charCodeAt(i)]!;
        if (m < SEP) break;
        if (m === BAIL) return false;
        i++;
      }
      if (i >= n) break;
      if (!first) {
        a = Math.imul(a ^ 32, LANE_A);
        const x = Math.imul(b ^ 32, LANE_B);
        b = x ^ (x >>> 15);
        len++;
      }
      first = false;
      for (;;) {
        if (m < SEP) {
          a = Math.imul(a ^ m, LANE_A);
          const x = Math.imul(b ^ m, LANE_B);
          b = x ^ (x >>> 15);
          len++;
        } else if (m === SEP) break;
        else if (m === BAIL) return false;
        if (++i >= n) break;
        m = MAP[text.charCodeAt(i)]!;
      }
    }
    this.a = a;
    this.b = b;
    this.length = len;
    return true;
  }

  /** {@link hashRaw}, also collecting the signature words that start at or after raw index `from`. */
  private hashWordsRaw(text: string, from: number): boolean {
    const n = text.length;
    let a = this.a | 0;
    let b = this.b | 0;
    let len = this.length;
    let count = this.wordCount;
    let sigChars = this.sigChars;
    let i = 0;
    let first = true;
    for (;;) {
      let m = SEP;
      while (i < n) {
        m = MAP[text.charCodeAt(i)]!;
        if (m < SEP) break;
        if (m === BAIL) return false;
        i++;
      }
      if (i >= n) break;
      if (!first) {
        a = Math.imul(a ^ 32, LANE_A);
        const x = Math.imul(b ^ 32, LANE_B);
        b = x ^ (x >>> 15);
        len++;
      }
      first = false;
      const start = i;
      let w = WORD_OFFSET;
      let wl = 0;
      for (;;) {
        if (m < SEP) {
          a = Math.imul(a ^ m, LANE_A);
          const x = Math.imul(b ^ m, LANE_B);
          b = x ^ (x >>> 15);
          len++;
          w = Math.imul(w ^ m, WORD_PRIME);
          wl++;
        } else if (m === SEP) break;
        else if (m === BAIL) return false;
        if (++i >= n) break;
        m = MAP[text.charCodeAt(i)]!;
      }
      if (start >= from && sigChars < CAP) {
        // The signature text is the collected words joined by spaces, cut at CAP characters.
        if (count > 0) sigChars++;
        if (sigChars < CAP) {
          if (wl > CAP - sigChars) {
            wl = CAP - sigChars;
            w = wordPrefixHash(text, start, wl);
          }
          this.pushWord(count++, w);
          sigChars += wl;
        }
      }
    }
    this.a = a;
    this.b = b;
    this.length = len;
    this.wordCount = count;
    this.sigChars = sigChars;
    return true;
  }

  /** Collects the signature words of ASCII text without hashing it; false at non-ASCII. */
  private wordsRaw(text: string): boolean {
    const n = text.length;
    let count = this.wordCount;
    let sigChars = this.sigChars;
    let i = 0;
    while (sigChars < CAP) {
      let m = SEP;
      while (i < n) {
        m = MAP[text.charCodeAt(i)]!;
        if (m < SEP) break;
        if (m === BAIL) return false;
        i++;
      }
      if (i >= n) break;
      const start = i;
      let w = WORD_OFFSET;
      let wl = 0;
      for (;;) {
        if (m < SEP) {
          w = Math.imul(w ^ m, WORD_PRIME);
          wl++;
        } else if (m === SEP) break;
        else if (m === BAIL) return false;
        if (++i >= n) break;
        m = MAP[text.charCodeAt(i)]!;
      }
      if (count > 0) sigChars++;
      if (sigChars < CAP) {
        if (wl > CAP - sigChars) {
          wl = CAP - sigChars;
          w = wordPrefixHash(text, start, wl);
        }
        this.pushWord(count++, w);
        sigChars += wl;
      }
    }
    // Text past the cap is not read for words, but a non-ASCII character there still decides the path.
    for (; i < n; i++) if (MAP[text.charCodeAt(i)] === BAIL) return false;
    this.wordCount = count;
    this.sigChars = sigChars;
    return true;
  }

  private pushWord(at: number, h: number): void {
    if (at === this.words.length) {
      const grown = new Uint32Array(at * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[at] = h >>> 0;
  }

  /** Hashes an already normalised text. */
  private hashNormalized(text: string): void {
    for (let i = 0; i < text.length; i++) this.hashChar(text.charCodeAt(i));
  }

  /** Collects the signature words of an already normalised text (words separated by single spaces). */
  private wordsNormalized(text: string): void {
    this.wordCount = 0;
    this.sigChars = 0;
    const limit = Math.min(text.length, CAP);
    let w = WORD_OFFSET;
    let inWord = false;
    for (let i = 0; i <= limit; i++) {
      const c = i < limit ? text.charCodeAt(i) : 32;
      if (c !== 32) {
        w = Math.imul(w ^ c, WORD_PRIME);
        inWord = true;
      } else if (inWord) {
        this.pushWord(this.wordCount++, w);
        w = WORD_OFFSET;
        inWord = false;
      }
    }
  }
}

/** FNV-1a of the first `chars` normalised characters of the ASCII word starting at `start`. */
function wordPrefixHash(text: string, start: number, chars: number): number {
  let w = WORD_OFFSET;
  for (let i = start, k = 0; k < chars; i++) {
    const m = MAP[text.charCodeAt(i)]!;
    if (m < SEP) {
      w = Math.imul(w ^ m, WORD_PRIME);
      k++;
    }
  }
  return w;
}
