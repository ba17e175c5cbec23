/**
 * Which examples of a dataset repeat an earlier one, exactly or nearly: shared by the
 * dataset-duplicates rule and the dataset diff, which state the same ratio at base and head.
 */
import type { RecordKey } from "../types.js";
import { exampleDuplicates, nearDuplicatePairs } from "./minhash.js";

/** The duplicates of a key list: each later duplicate's index, with the earlier one it repeats. */
export interface DuplicateIndex {
  dupOf: Map<number, { of: number; exact: boolean }>;
  /** Share of the keys that are duplicates (0 for fewer than two keys). */
  ratio: number;
}

const cache = new WeakMap<readonly RecordKey[], Map<number, DuplicateIndex>>();

/** The duplicates among `keys` (computed once per key list and threshold: the rule and the diff share it). */
export function duplicateIndex(keys: RecordKey[], nearThreshold: number): DuplicateIndex {
  let byThreshold = cache.get(keys);
  const known = byThreshold?.get(nearThreshold);
  if (known) return known;
  const dupOf = new Map<number, { of: number; exact: boolean }>();
  if (keys.length >= 2) {
    // Typed arrays, not a Map of hash strings: a string per record was the review's memory peak.
    for (const [first, later] of exampleDuplicates(keys)) dupOf.set(later, { of: first, exact: true });
    for (const [a, b] of nearDuplicatePairs(keys, nearThreshold)) {
      const later = Math.max(a, b);
      if (!dupOf.has(later)) dupOf.set(later, { of: Math.min(a, b), exact: false });
    }
  }
  const index = { dupOf, ratio: keys.length ? dupOf.size / keys.length : 0 };
  if (!byThreshold) cache.set(keys, (byThreshold = new Map()));
  byThreshold.set(nearThreshold, index);
  return index;
}
