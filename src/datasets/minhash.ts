/**
 * LSH banding over MinHash signatures: near-duplicate pairs inside one dataset and matches of an
 * eval set against a training set, in time and memory that grow linearly with the number of
 * records. Exact matches are found by the 64-bit hash of the normalised input first.
 */
import type { RecordKey } from "../types.js";
import { fmix32 } from "./hash.js";
import { KeyTable, parseHash64 } from "./key-table.js";
import { EMPTY_HASH } from "./normalize.js";
import { MINHASH_PERMUTATIONS } from "./signature.js";

export { minhashSignature, estimateJaccard, MINHASH_PERMUTATIONS } from "./signature.js";

/** LSH bands × rows = permutations; 16 × 4 finds pairs at Jaccard 0.8 with ~99.9% probability. */
const BANDS = 16;
const ROWS = MINHASH_PERMUTATIONS / BANDS;
const P = MINHASH_PERMUTATIONS;
/** Records kept per LSH bucket: enough to find an earlier match, bounded so identical clusters stay linear. */
const BUCKET_REPRESENTATIVES = 16;
const [EMPTY_HI, EMPTY_LO] = parseHash64(EMPTY_HASH);

/**
 * An open-addressing hash table from a 32- or 64-bit key to a chain of record indexes (in the
 * order they were added, at most `cap` each), in typed arrays sized for `n` records.
 */
class ChainTable {
  private readonly mask: number;
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly used: Uint8Array;
  readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly count: Uint8Array;
  /** Next record in the same chain, by record index. */
  readonly next: Int32Array;

  constructor(n: number) {
    let size = 16;
    while (size < n * 2) size *= 2;
    this.mask = size - 1;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
    this.count = new Uint8Array(size);
    this.next = new Int32Array(Math.max(1, n));
  }

  clear(): void {
    this.used.fill(0);
  }

  /** The slot of a key, or -1 when absent. */
  find(hi: number, lo: number): number {
    for (let s = fmix32(hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask; ; s = (s + 1) & this.mask) {
      if (!this.used[s]) return -1;
      if (this.hi[s] === hi && this.lo[s] === lo) return s;
    }
  }

  /** Adds record `i` under the key unless its chain already holds `cap` records. */
  add(hi: number, lo: number, i: number, cap: number): void {
    let s = fmix32(hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (; this.used[s]; s = (s + 1) & this.mask) {
      if (this.hi[s] === hi && this.lo[s] === lo) {
        if (this.count[s]! >= cap) return;
        this.next[this.tail[s]!] = i;
        this.tail[s] = i;
        this.next[i] = -1;
        this.count[s]!++;
        return;
      }
    }
    this.used[s] = 1;
    this.hi[s] = hi;
    this.lo[s] = lo;
    this.head[s] = i;
    this.tail[s] = i;
    this.next[i] = -1;
    this.count[s] = 1;
  }
}

/** Band `b`'s bucket key of record i's signature, as two words. */
function bandKey(table: KeyTable, i: number, b: number): [number, number] {
  const [sigs, o] = table.sigRow(i);
  const at = o + b * ROWS;
  // ROWS = 4 values of 16 bits: exactly 64 bits, so equal keys mean equal rows.
  return [((sigs[at]! << 16) | sigs[at + 1]!) >>> 0, ((sigs[at + 2]! << 16) | sigs[at + 3]!) >>> 0];
}

/** Equal signature values between two records, stopping once `needed` can no longer be reached. */
function agreement(a: KeyTable, i: number, b: KeyTable, j: number, needed: number): number {
  const [sa, oa] = a.sigRow(i);
  const [sb, ob] = b.sigRow(j);
  let same = 0;
  for (let k = 0; k < P; k++) {
    if (sa[oa + k] === sb[ob + k]) same++;
    else if (same + (P - 1 - k) < needed) return same;
  }
  return same;
}

function isEmptyInput(t: KeyTable, i: number): boolean {
  return t.inputHi(i) === EMPTY_HI && t.inputLo(i) === EMPTY_LO;
}

/**
 * Near-duplicate pairs inside one dataset, as indexes into `keys`: each record that repeats an
 * earlier one (same normalised input, or estimated Jaccard of the input signatures ≥ `threshold`)
 * is paired with the earliest such record found, `[earlier, later]`. A record is the second
 * element of at most one pair, so `pairs.length` is the number of redundant records; whether a
 * pair is an exact duplicate of the whole example is `keys[i].exampleHash === keys[j].exampleHash`.
 * Sorted by the later index. Bands are processed one at a time, so memory is a few typed arrays.
 */
export function nearDuplicatePairs(keys: RecordKey[], threshold: number): Array<[number, number]> {
  const t = KeyTable.of(keys);
  const n = t.size;
  const chains = new ChainTable(n);
  const earlier = new Int32Array(n).fill(-1);
  const exact = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    if (isEmptyInput(t, j)) continue;
    const slot = chains.find(t.inputHi(j), t.inputLo(j));
    if (slot >= 0) {
      earlier[j] = chains.head[slot]!;
      exact[j] = 1;
    } else chains.add(t.inputHi(j), t.inputLo(j), j, 1);
  }
  const needed = Math.max(1, Math.ceil(threshold * P - 1e-9));
  for (let b = 0; b < BANDS; b++) {
    chains.clear();
    for (let j = 0; j < n; j++) {
      if (exact[j] || t.isEmpty(j)) continue;
      const [hi, lo] = bandKey(t, j, b);
      const slot = chains.find(hi, lo);
      if (slot >= 0) {
        // A chain holds its first records in index order: the first that agrees is this band's earliest.
        for (let i = chains.head[slot]!; i >= 0; i = chains.next[i]!) {
          if (earlier[j] >= 0 && i >= earlier[j]!) break;
          if (agreement(t, i, t, j, needed) >= needed) {
            earlier[j] = i;
            break;
          }
        }
      }
      chains.add(hi, lo, j, BUCKET_REPRESENTATIVES);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let j = 0; j < n; j++) if (earlier[j]! >= 0) pairs.push([earlier[j]!, j]);
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
  const t = KeyTable.of(train);
  const e = KeyTable.of(evalKeys);
  const chains = new ChainTable(t.size);
  const best = new Int32Array(e.size).fill(-1);
  const bestScore = new Int32Array(e.size).fill(-1);
  const exact = new Uint8Array(e.size);
  for (let i = 0; i < t.size; i++) if (!isEmptyInput(t, i)) chains.add(t.inputHi(i), t.inputLo(i), i, 1);
  for (let j = 0; j < e.size; j++) {
    if (isEmptyInput(e, j)) continue;
    const slot = chains.find(e.inputHi(j), e.inputLo(j));
    if (slot >= 0) {
      best[j] = chains.head[slot]!;
      exact[j] = 1;
    }
  }
  const needed = Math.max(1, Math.ceil(threshold * P - 1e-9));
  for (let b = 0; b < BANDS; b++) {
    chains.clear();
    for (let i = 0; i < t.size; i++) {
      if (t.isEmpty(i)) continue;
      const [hi, lo] = bandKey(t, i, b);
      chains.add(hi, lo, i, BUCKET_REPRESENTATIVES);
    }
    for (let j = 0; j < e.size; j++) {
      if (exact[j] || e.isEmpty(j)) continue;
      const [hi, lo] = bandKey(e, j, b);
      const slot = chains.find(hi, lo);
      if (slot < 0) continue;
      for (let i = chains.head[slot]!; i >= 0; i = chains.next[i]!) {
        const score = agreement(t, i, e, j, needed);
        if (score < needed) continue;
        if (score > bestScore[j]! || (score === bestScore[j] && t.line(i) < t.line(best[j]!))) {
          best[j] = i;
          bestScore[j] = score;
        }
      }
    }
  }
  const matches: Array<{ evalLine: number; trainLine: number; exact: boolean }> = [];
  for (let j = 0; j < e.size; j++) {
    if (best[j]! >= 0) matches.push({ evalLine: e.line(j), trainLine: t.line(best[j]!), exact: exact[j] === 1 });
  }
  return matches.sort((a, b) => a.evalLine - b.evalLine || a.trainLine - b.trainLine);
}
