/**
 * Which examples of a dataset repeat an earlier one, exactly or nearly: shared by the
 * dataset-duplicates rule and the dataset diff, which state the same ratio at base and head.
 */
import type { RecordKey } from "../types.js";
import { KeyTable } from "./key-table.js";
import { exampleDuplicates, nearDuplicatePairs } from "./minhash.js";

/**
 * The duplicates of a key list, in typed arrays sorted by the later record's index: the k-th
 * duplicate is record `later[k]` (at `line[k]`), repeating the earlier record `of[k]` (at
 * `ofLine[k]`), exactly when `exact[k]` is 1.
 */
export interface DuplicateIndex {
  /** Number of records that repeat an earlier one. */
  size: number;
  later: Int32Array;
  of: Int32Array;
  exact: Uint8Array;
  line: Uint32Array;
  ofLine: Uint32Array;
  /** Share of the keys that are duplicates (0 for fewer than two keys). */
  ratio: number;
}

const cache = new WeakMap<readonly RecordKey[], Map<number, DuplicateIndex>>();

/** The duplicates among `keys` (computed once per key list and threshold: the rule and the diff share it). */
export function duplicateIndex(keys: RecordKey[], nearThreshold: number): DuplicateIndex {
  let byThreshold = cache.get(keys);
  const known = byThreshold?.get(nearThreshold);
  if (known) return known;
  const t = KeyTable.of(keys);
  const n = t.size;
  // Typed arrays, not a Map of an object per duplicate: a duplicate-heavy file has one for most records.
  const of = new Int32Array(n).fill(-1);
  const exact = new Uint8Array(n);
  let size = 0;
  if (n >= 2) {
    // A plain key list becomes a table once here, not once in each pass.
    const view = t.asArray();
    for (const [first, later] of exampleDuplicates(view)) {
      if (of[later]! < 0) size++;
      of[later] = first;
      exact[later] = 1;
    }
    for (const [a, b] of nearDuplicatePairs(view, nearThreshold)) {
      const later = Math.max(a, b);
      if (of[later]! >= 0) continue;
      of[later] = Math.min(a, b);
      size++;
    }
  }
  const index: DuplicateIndex = {
    size,
    later: new Int32Array(size),
    of: new Int32Array(size),
    exact: new Uint8Array(size),
    line: new Uint32Array(size),
    ofLine: new Uint32Array(size),
    ratio: n ? size / n : 0,
  };
  for (let j = 0, k = 0; j < n; j++) {
    const i = of[j]!;
    if (i < 0) continue;
    index.later[k] = j;
    index.of[k] = i;
    index.exact[k] = exact[j]!;
    index.line[k] = t.line(j);
    index.ofLine[k] = t.line(i);
    k++;
  }
  if (!byThreshold) cache.set(keys, (byThreshold = new Map()));
  byThreshold.set(nearThreshold, index);
  return index;
}
