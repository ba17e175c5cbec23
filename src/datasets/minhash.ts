/**
 * MinHash signatures and LSH banding: near-duplicate pairs inside one dataset and matches of an
 * eval set against a training set, in time that grows linearly with the number of records.
 */
import type { RecordKey } from "../types.js";
import { EMPTY_HASH } from "./normalize.js";

/** Number of hash functions in a signature. */
export const MINHASH_PERMUTATIONS = 64;
/** LSH bands × rows = permutations; 16 × 4 finds pairs at Jaccard 0.8 with ~99.9% probability. */
const BANDS = 16;
const ROWS = MINHASH_PERMUTATIONS / BANDS;
/** Records kept per LSH bucket: enough to find an earlier match, bounded so identical clusters stay linear. */
const BUCKET_REPRESENTATIVES = 16;
/** Word count below which a text is shingled by characters (word 3-grams would be too few). */
const MIN_WORDS_FOR_WORD_SHINGLES = 5;
const CHAR_SHINGLE = 4;
/** Signatures read at most this many characters of a text. */
const MAX_SIGNATURE_CHARS = 50_000;
const EMPTY = 0xffffffff;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed seeds: signatures are comparable across runs and machines. */
const SEEDS = Uint32Array.from({ length: MINHASH_PERMUTATIONS }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9) ^ 0x7f4a7c15));

/** Distinct shingle hashes of a normalised text: word 3-grams, or character 4-grams (with repeat counts) for short texts. */
function shingleHashes(normalized: string): Set<number> {
  const text = normalized.slice(0, MAX_SIGNATURE_CHARS);
  const hashes = new Set<number>();
  if (text === "") return hashes;
  const words = text.split(" ");
  if (words.length >= MIN_WORDS_FOR_WORD_SHINGLES) {
    for (let i = 0; i + 2 < words.length; i++) hashes.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  } else if (text.length <= CHAR_SHINGLE) {
    hashes.add(fnv1a(text));
  } else {
    // Repeats are counted ("0000" twice is not "0000" once): "10000000" and "1000000" stay apart.
    const seen = new Map<string, number>();
    for (let i = 0; i + CHAR_SHINGLE <= text.length; i++) {
      const shingle = text.slice(i, i + CHAR_SHINGLE);
      const n = (seen.get(shingle) ?? 0) + 1;
      seen.set(shingle, n);
      hashes.add(fnv1a(`${shingle}\u0001${n}`));
    }
  }
  return hashes;
}

/** MinHash signature of a normalised text (all 0xFFFFFFFF for an empty text). */
export function minhashSignature(normalized: string): Uint32Array {
  const sig = new Uint32Array(MINHASH_PERMUTATIONS).fill(EMPTY);
  for (const h of shingleHashes(normalized)) {
    for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
      const v = fmix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

function isEmptySignature(sig: Uint32Array): boolean {
  return sig.every((v) => v === EMPTY);
}

/** Estimated Jaccard similarity of two signatures' shingle sets (0 when either text was empty). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length || isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Band bucket ids of a signature; collisions only add candidates, which Jaccard then confirms. */
function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix32(b + 1);
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!) + r;
    keys.push(h >>> 0);
  }
  return keys;
}

/** An LSH index over signatures that keeps a few representatives per bucket. */
class LshIndex {
  private readonly buckets = new Map<number, number[]>();

  add(index: number, keys: number[]): void {
    for (const key of keys) {
      const list = this.buckets.get(key);
      if (!list) this.buckets.set(key, [index]);
      else if (list.length < BUCKET_REPRESENTATIVES) list.push(index);
    }
  }

  candidates(keys: number[]): Set<number> {
    const out = new Set<number>();
    for (const key of keys) for (const i of this.buckets.get(key) ?? []) out.add(i);
    return out;
  }
}

/**
 * Near-duplicate pairs inside one dataset, as indexes into `keys`: each record that repeats an
 * earlier one (same normalised input, or estimated Jaccard of the input signatures ≥ `threshold`)
 * is paired with the earliest such record found, `[earlier, later]`. A record is the second
 * element of at most one pair, so `pairs.length` is the number of redundant records; whether a
 * pair is an exact duplicate of the whole example is `keys[i].exampleHash === keys[j].exampleHash`.
 * Sorted by the later index.
 */
export function nearDuplicatePairs(keys: RecordKey[], threshold: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const firstByHash = new Map<string, number>();
  const index = new LshIndex();
  keys.forEach((key, j) => {
    if (key.inputHash !== EMPTY_HASH) {
      const first = firstByHash.get(key.inputHash);
      if (first !== undefined) {
        pairs.push([first, j]);
        return;
      }
      firstByHash.set(key.inputHash, j);
    }
    if (isEmptySignature(key.signature)) return;
    const bands = bandKeys(key.signature);
    let best = -1;
    for (const i of index.candidates(bands)) {
      if ((best < 0 || i < best) && estimateJaccard(keys[i]!.signature, key.signature) >= threshold) best = i;
    }
    if (best >= 0) pairs.push([best, j]);
    index.add(j, bands);
  });
  return pairs;
}

/**
 * Eval records that also appear in the training set: an exact match of the normalised input
 * first, else the training record with the highest estimated Jaccard ≥ `threshold` (ties: the
 * earlier line). At most one match per eval record, sorted by eval line.
 */
export function crossMatches(
  train: RecordKey[],
  evalKeys: RecordKey[],
  threshold: number,
): Array<{ evalLine: number; trainLine: number; exact: boolean }> {
  const firstByHash = new Map<string, RecordKey>();
  const index = new LshIndex();
  train.forEach((key, i) => {
    if (key.inputHash !== EMPTY_HASH && !firstByHash.has(key.inputHash)) firstByHash.set(key.inputHash, key);
    if (!isEmptySignature(key.signature)) index.add(i, bandKeys(key.signature));
  });
  const matches: Array<{ evalLine: number; trainLine: number; exact: boolean }> = [];
  for (const key of evalKeys) {
    const exact = key.inputHash !== EMPTY_HASH ? firstByHash.get(key.inputHash) : undefined;
    if (exact) {
      matches.push({ evalLine: key.line, trainLine: exact.line, exact: true });
      continue;
    }
    if (isEmptySignature(key.signature)) continue;
    let best: RecordKey | undefined;
    let bestScore = -1;
    for (const i of index.candidates(bandKeys(key.signature))) {
      const candidate = train[i]!;
      const score = estimateJaccard(candidate.signature, key.signature);
      if (score < threshold) continue;
      if (score > bestScore || (score === bestScore && best !== undefined && candidate.line < best.line)) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best) matches.push({ evalLine: key.line, trainLine: best.line, exact: false });
  }
  return matches.sort((a, b) => a.evalLine - b.evalLine || a.trainLine - b.trainLine);
}
