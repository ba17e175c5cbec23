/**
 * A bounded, deterministic sample of the trained texts of a dataset's records, for counting
 * tokens exactly with a real tokenizer after the scan. The sample is the records with the
 * smallest content hashes (ties: the earlier line) whose texts fit in {@link SAMPLE_CHARS}, so
 * it is a uniform draw that does not depend on the order parts of a file are merged in: the
 * sample of the whole file is the sample of its parts' samples, as a single pass gives it.
 */
import type { TextSampleEntry } from "../types.js";

/** Characters of record text the sample holds at most. */
export const SAMPLE_CHARS = 1_000_000;
/** Records longer than this are not sampled (one huge record would crowd out the rest). */
export const SAMPLE_RECORD_CHARS = 65_536;

/** One sampled record with its sort key (content hash, then line). */
export interface SampledRecord extends TextSampleEntry {
  hash: number;
  chars: number;
}

function before(a: { hash: number; line: number }, hash: number, line: number): boolean {
  return a.hash < hash || (a.hash === hash && a.line < line);
}

/**
 * The records with the smallest keys whose characters sum to at most {@link SAMPLE_CHARS}, plus
 * the next one (the "overflow" record): keeping it makes merging exact, since a record past the
 * overflow can never come back into the sample.
 */
export class TextSampler {
  /** Sorted by key; every entry but the last fits the budget. */
  readonly kept: SampledRecord[] = [];
  private chars = 0;

  /** The hash above which no record can enter any more (Infinity while the budget is not full). */
  cutoff(): number {
    return this.chars > SAMPLE_CHARS ? this.kept[this.kept.length - 1]!.hash : Infinity;
  }

  /** Whether a record with this key and length would be kept now (call before building its texts). */
  wants(hash: number, line: number, chars: number): boolean {
    if (chars > SAMPLE_RECORD_CHARS) return false;
    if (this.chars <= SAMPLE_CHARS) return true;
    return before({ hash, line }, this.kept[this.kept.length - 1]!.hash, this.kept[this.kept.length - 1]!.line);
  }

  /** Adds a record that {@link wants} accepted (or one from a part's sample). */
  add(entry: SampledRecord): void {
    if (!this.wants(entry.hash, entry.line, entry.chars)) return;
    const kept = this.kept;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(kept[mid]!, entry.hash, entry.line)) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, entry);
    this.chars += entry.chars;
    while (kept.length > 1 && this.chars - kept[kept.length - 1]!.chars > SAMPLE_CHARS) this.chars -= kept.pop()!.chars;
  }

  /** The sampled records that fit the budget (the overflow record left out), in line order. */
  entries(): TextSampleEntry[] {
    const fit = this.chars > SAMPLE_CHARS ? this.kept.slice(0, -1) : this.kept;
    return fit.map((e) => ({ line: e.line, texts: e.texts })).sort((a, b) => a.line - b.line);
  }
}
