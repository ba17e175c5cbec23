/**
 * LSH banding over MinHash signatures: near-duplicate pairs inside one dataset and matches of an
 * eval set against a training set, in time and memory that grow linearly with the number of
 * records. Exact matches are found by the 64-bit hash of the normalised input first; repeated
 * whole examples by their example hash. All of it in typed arrays, with no object per record.
 */
import type { RecordKey } from "../types.js";
import { KEY_BLOCK, KeyTable, parseHash64, SIG_GROUP } from "./key-table.js";
import { EMPTY_HASH } from "./normalize.js";
import { MINHASH_PERMUTATIONS } from "./signature.js";

export { minhashSignature, estimateJaccard, MINHASH_PERMUTATIONS } from "./signature.js";

/** LSH bands × rows = permutations; 16 × 4 finds pairs at Jaccard 0.8 with ~99.9% probability. */
const BANDS = 16;
const ROWS = MINHASH_PERMUTATIONS / BANDS;
const P = MINHASH_PERMUTATIONS;
// A band's key is one stored signature group: ROWS 8-bit values, exactly 32 bits.
if (ROWS !== SIG_GROUP) throw new Error("LSH rows must match the key table's signature groups");
/** Records kept per LSH bucket: enough to find an earlier match, bounded so identical clusters stay linear. */
const BUCKET_REPRESENTATIVES = 16;
/**
 * A signature value held in the same bin by more than this share of a file's records comes from
 * text most records share (an instruction template): near-duplicates are judged on the other bins.
 */
const BOILERPLATE_SHARE = 0.1;
/** Files with fewer records than this have no boilerplate to discount (a share of 3 records is noise). */
const BOILERPLATE_MIN_RECORDS = 20;
/** Two examples with fewer bins than this outside the boilerplate are compared on all bins (a duplicate cluster is itself "common"). */
const MIN_INFORMATIVE_BINS = 4;
/**
 * Earlier records a record was last compared with and found not near enough, kept per record: the
 * same pair meets again in other bands, and near a high threshold most comparisons fail (a
 * duplicate-heavy file at 0.85 compared the same pairs 340k times of 567k). Comparing is
 * deterministic, so skipping a pair known to fail changes no result.
 */
const FAILED_MEMO = 4;
/** Records per partition of a grouping pass: its hash table then stays in the CPU cache. */
const PARTITION_TARGET = 4096;
const [EMPTY_HI, EMPTY_LO] = parseHash64(EMPTY_HASH);

/**
 * Mixes a 64-bit key into 32 bits: the partition comes from the top bits, the table slot from the
 * bottom. Two multiplies are enough; the keys are hashes already.
 */
function mixKey(hi: number, lo: number): number {
  const m = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
  return m ^ (m >>> 16);
}

/**
 * Groups entries by a 64-bit key, one cache-sized partition at a time, keeping each key's first
 * `cap` entries as a chain in the order they were loaded.
 *
 * A single hash table over a million records misses the cache on nearly every probe, which made
 * the time grow faster than the record count; a stable counting sort into partitions of about
 * {@link PARTITION_TARGET} entries keeps every probe in cache and the pass linear. Keys of one
 * partition are visited in load order, so results equal those of one table probed in load order.
 */
class KeyGroups {
  /**
   * Entries in partition order (stable), three words each: key hi, key lo and the caller's value
   * (a record index). Interleaved, so the scatter writes one stream per partition, not three.
   */
  private readonly entries: Int32Array;
  /** Next entry of the same chain, by grouped position (-1 ends it). */
  readonly next: Int32Array;
  /** Number of partitions (a power of two), fixed by the capacity. */
  readonly parts: number;
  private readonly shift: number;
  /** Entries per partition while counting; partition starts once arranged (parts + 1 of them). */
  private readonly counts: Int32Array;
  // The partition's open-addressing table: a slot is in use when its stamp is the current generation.
  private stamp = new Uint32Array(0);
  private sHi = new Int32Array(0);
  private sLo = new Int32Array(0);
  private sHead = new Int32Array(0);
  private sTail = new Int32Array(0);
  private sCount = new Int32Array(0);
  private generation = 0;
  private mask = 0;

  constructor(capacity: number) {
    // 16 bytes an entry: the keys are read twice from their source (count, then place), never staged.
    const n = Math.max(1, capacity);
    this.entries = new Int32Array(n * 3);
    this.next = new Int32Array(n);
    let parts = 1;
    while (parts * PARTITION_TARGET < n) parts *= 2;
    this.parts = parts;
    this.shift = 32 - Math.log2(parts);
    this.counts = new Int32Array(parts + 1);
  }

  private partition(hi: number, lo: number): number {
    return this.parts > 1 ? mixKey(hi, lo) >>> this.shift : 0;
  }

  /**
   * Takes one entry: pass 0 counts it, pass 1 (after `arrange`) places it. Both passes must add
   * the same entries in the same order.
   */
  add(pass: number, hi: number, lo: number, value: number): void {
    const p = this.partition(hi, lo);
    if (pass === 0) {
      this.counts[p + 1]!++;
      return;
    }
    const at = this.counts[p]!++ * 3;
    this.entries[at] = hi;
    this.entries[at + 1] = lo;
    this.entries[at + 2] = value;
  }

  /** The value of the entry at grouped position `at`. */
  value(at: number): number {
    return this.entries[at * 3 + 2]!;
  }

  /** Starts a grouping: forgets the entries of the last one. */
  reset(): void {
    this.counts.fill(0);
  }

  /** Between the counting and the placing pass: turns counts into partition starts. */
  arrange(): void {
    const counts = this.counts;
    let largest = 0;
    for (let p = 1; p <= this.parts; p++) {
      largest = Math.max(largest, counts[p]!);
      counts[p]! += counts[p - 1]!;
    }
    let size = 16;
    while (size < largest * 2) size *= 2;
    if (this.stamp.length < size) {
      this.stamp = new Uint32Array(size);
      this.sHi = new Int32Array(size);
      this.sLo = new Int32Array(size);
      this.sHead = new Int32Array(size);
      this.sTail = new Int32Array(size);
      this.sCount = new Int32Array(size);
      this.generation = 0;
    }
  }

  /** After the placing pass: restores the partition starts it advanced. */
  finish(): void {
    const counts = this.counts;
    for (let p = this.parts; p > 0; p--) counts[p] = counts[p - 1]!;
    counts[0] = 0;
  }

  /** First grouped position of partition p; `start(p + 1)` ends it. */
  start(p: number): number {
    return this.counts[p]!;
  }

  /** Empties the table for a partition of `entries` entries. */
  open(entries: number): void {
    let size = 16;
    while (size < entries * 2) size *= 2;
    this.mask = size - 1;
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  /**
   * The chain head (grouped position) of entry `at`'s key, or -1 when the key is new; adds `at`
   * to the chain unless it already holds `cap` entries (`cap` 0: look up only).
   */
  visit(at: number, cap: number): number {
    const hi = this.entries[at * 3]!;
    const lo = this.entries[at * 3 + 1]!;
    const gen = this.generation;
    let s = mixKey(hi, lo) & this.mask;
    for (; this.stamp[s] === gen; s = (s + 1) & this.mask) {
      if (this.sHi[s] === hi && this.sLo[s] === lo) {
        const head = this.sHead[s]!;
        if (this.sCount[s]! < cap) {
          this.next[this.sTail[s]!] = at;
          this.next[at] = -1;
          this.sTail[s] = at;
          this.sCount[s]!++;
        }
        return head;
      }
    }
    if (cap > 0) {
      this.stamp[s] = gen;
      this.sHi[s] = hi;
      this.sLo[s] = lo;
      this.sHead[s] = at;
      this.sTail[s] = at;
      this.sCount[s] = 1;
      this.next[at] = -1;
    }
    return -1;
  }
}

/** Which keys of a table's records a grouping takes: a signature band, the input or the example hash. */
type KeyKind = number | "input" | "example";
const INPUT = "input";
const EXAMPLE = "example";

/**
 * Adds the chosen key of each record of `t` to `groups` (value: index + offset), leaving out
 * `skip`ped records and those without the key (an empty input, or an empty signature for bands).
 */
function feed(groups: KeyGroups, pass: number, t: KeyTable, kind: KeyKind, skip: Uint8Array | null, offset: number): void {
  // Block by block: the inner loops read each block's arrays directly and in order.
  for (let k = 0, base = 0; base < t.size; k++, base += KEY_BLOCK) {
    const block = t.block(k);
    const end = Math.min(KEY_BLOCK, t.size - base);
    if (typeof kind === "number") {
      const words = block.words;
      const empty = block.empty;
      const from = kind * KEY_BLOCK;
      for (let o = 0; o < end; o++) {
        if (empty[o] || (skip !== null && skip[base + o])) continue;
        groups.add(pass, words[from + o]!, 0, base + o + offset);
      }
      continue;
    }
    const hashes = block.hashes;
    const at = kind === INPUT ? 0 : 2;
    for (let o = 0; o < end; o++) {
      if (skip !== null && skip[base + o]) continue;
      const hi = hashes[o * 4 + at]!;
      const lo = hashes[o * 4 + at + 1]!;
      if (kind === INPUT && hi === EMPTY_HI && lo === EMPTY_LO) continue;
      groups.add(pass, hi, lo, base + o + offset);
    }
  }
}

/** Groups the chosen keys of one or two tables (the second's values offset by the first's size). */
function group(groups: KeyGroups, kind: KeyKind, t: KeyTable, skipT: Uint8Array | null, e?: KeyTable, skipE?: Uint8Array | null): void {
  groups.reset();
  for (let pass = 0; pass < 2; pass++) {
    feed(groups, pass, t, kind, skipT, 0);
    if (e) feed(groups, pass, e, kind, skipE ?? null, t.size);
    if (pass === 0) groups.arrange();
  }
  groups.finish();
}

/**
 * Records whose whole example (normalised input, target and labels) repeats an earlier record's,
 * as `[first, later]` index pairs sorted by the later index. Typed arrays only: no string or
 * object per record, whatever the dataset's size.
 */
export function exampleDuplicates(keys: RecordKey[]): Array<[number, number]> {
  const t = KeyTable.of(keys);
  const groups = new KeyGroups(t.size);
  const first = new Int32Array(t.size).fill(-1);
  group(groups, EXAMPLE, t, null);
  for (let p = 0; p < groups.parts; p++) {
    const end = groups.start(p + 1);
    groups.open(end - groups.start(p));
    for (let at = groups.start(p); at < end; at++) {
      const head = groups.visit(at, 1);
      if (head >= 0) first[groups.value(at)] = groups.value(head);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let j = 0; j < t.size; j++) if (first[j]! >= 0) pairs.push([first[j]!, j]);
  return pairs;
}

/**
 * Near-duplicate pairs inside one dataset, as indexes into `keys`: each record that repeats an
 * earlier one (estimated Jaccard of the whole-example signatures ≥ `threshold`, over the
 * signature bins not taken by text a large share of the file's records hold: an instruction
 * template) is paired with the earliest such record found, `[earlier, later]`. An equal input
 * with a different answer is not a near-duplicate: the whole example is compared. A record is the second
 * element of at most one pair, so `pairs.length` is the number of redundant records; whether a
 * pair is an exact duplicate of the whole example is `keys[i].exampleHash === keys[j].exampleHash`.
 * Sorted by the later index. Bands are processed one at a time, so memory is a few typed arrays.
 */
export function nearDuplicatePairs(keys: RecordKey[], threshold: number): Array<[number, number]> {
  const t = KeyTable.of(keys);
  const n = t.size;
  const groups = new KeyGroups(n);
  const earlier = new Int32Array(n).fill(-1);
  const needed = Math.max(1, Math.ceil(threshold * P - 1e-9));
  const common = t.commonValues(BOILERPLATE_SHARE, BOILERPLATE_MIN_RECORDS);
  const failed = new Int32Array(n * FAILED_MEMO).fill(-1);
  for (let b = 0; b < BANDS; b++) {
    group(groups, b, t, null);
    for (let p = 0; p < groups.parts; p++) {
      const end = groups.start(p + 1);
      groups.open(end - groups.start(p));
      for (let at = groups.start(p); at < end; at++) {
        const head = groups.visit(at, BUCKET_REPRESENTATIVES);
        if (head < 0) continue;
        // A chain holds its key's first records in index order: the first that agrees is this band's earliest.
        const j = groups.value(at);
        for (let c = head; c >= 0 && c !== at; c = groups.next[c]!) {
          const i = groups.value(c);
          if (earlier[j]! >= 0 && i >= earlier[j]!) break;
          const memo = j * FAILED_MEMO;
          if (failed[memo] === i || failed[memo + 1] === i || failed[memo + 2] === i || failed[memo + 3] === i) continue;
          if (common === null ? t.agreement(i, t, j, needed) >= needed : t.agreesDiscounting(i, j, common, threshold, MIN_INFORMATIVE_BINS)) {
            earlier[j] = i;
            break;
          }
          failed[memo + 3] = failed[memo + 2]!;
          failed[memo + 2] = failed[memo + 1]!;
          failed[memo + 1] = failed[memo]!;
          failed[memo] = i;
        }
      }
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
export function crossMatches(train: RecordKey[], evalKeys: RecordKey[], threshold: number): Array<{ evalLine: number; trainLine: number; exact: boolean }> {
  const t = KeyTable.of(train);
  const e = KeyTable.of(evalKeys);
  // Training records load first (values 0..t.size-1), eval records after (values t.size + j):
  // within a partition every training record is in its chain before an eval record looks it up.
  const groups = new KeyGroups(t.size + e.size);
  const best = new Int32Array(e.size).fill(-1);
  const bestScore = new Int32Array(e.size).fill(-1);
  const exact = new Uint8Array(e.size);
  group(groups, INPUT, t, null, e, null);
  for (let p = 0; p < groups.parts; p++) {
    const end = groups.start(p + 1);
    groups.open(end - groups.start(p));
    for (let at = groups.start(p); at < end; at++) {
      const v = groups.value(at);
      const head = groups.visit(at, v < t.size ? 1 : 0);
      if (v < t.size || head < 0) continue;
      best[v - t.size] = groups.value(head);
      exact[v - t.size] = 1;
    }
  }
  const needed = Math.max(1, Math.ceil(threshold * P - 1e-9));
  for (let b = 0; b < BANDS; b++) {
    group(groups, b, t, null, e, exact);
    for (let p = 0; p < groups.parts; p++) {
      const end = groups.start(p + 1);
      groups.open(end - groups.start(p));
      for (let at = groups.start(p); at < end; at++) {
        const v = groups.value(at);
        if (v < t.size) {
          groups.visit(at, BUCKET_REPRESENTATIVES);
          continue;
        }
        const head = groups.visit(at, 0);
        const j = v - t.size;
        for (let c = head; c >= 0; c = groups.next[c]!) {
          const i = groups.value(c);
          const score = t.agreement(i, e, j, needed);
          if (score < needed) continue;
          if (score > bestScore[j]! || (score === bestScore[j] && t.line(i) < t.line(best[j]!))) {
            best[j] = i;
            bestScore[j] = score;
          }
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
