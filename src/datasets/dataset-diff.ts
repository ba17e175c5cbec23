/**
 * The base-to-head diff of each changed dataset: what a reviewer reads instead of a JSONL diff
 * that GitHub cannot show ("+1,240 / −310 records, these labels moved").
 */
import type { DatasetDiff, DatasetFigures, DatasetScan } from "../types.js";
import { duplicateIndex } from "./duplicates.js";

/** Label counts by label, each label as `mask` shows it (labels are record text: a label column may hold an email). */
function sortedLabels(counts: Record<string, number>, mask: (text: string) => string): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const label of Object.keys(counts).sort()) {
    const shown = mask(label);
    out[shown] = (out[shown] ?? 0) + counts[label]!;
  }
  return { ...out };
}

const ratio = (r: number): number => Math.round(r * 10000) / 10000;

/**
 * The diff of every added or modified dataset (context files are not part of the change). `mask`
 * hides secret and PII values in label names, as in every other output.
 */
export function datasetDiffs(scans: readonly DatasetScan[], nearThreshold: number, mask: (text: string) => string = (text) => text): DatasetDiff[] {
  return scans
    .filter((s) => s.change === "added" || s.change === "modified")
    .map((s) => {
      const records = s.recordIds?.lines.length ?? s.records + (s.formatIssueTotal ?? s.formatIssues.length);
      const head: DatasetFigures = { records, labels: sortedLabels(s.labelCounts, mask), duplicateRatio: ratio(duplicateIndex(s.keys, nearThreshold).ratio) };
      const b = s.change === "modified" ? s.base : undefined;
      if (!b) return { path: s.path, format: s.format, base: null, head, added: records, removed: 0, changed: 0 };
      const base: DatasetFigures = {
        records: b.records,
        labels: sortedLabels(b.labelCounts, mask),
        duplicateRatio: ratio(duplicateIndex(b.keys, nearThreshold).ratio),
      };
      return { path: s.path, format: s.format, base, head, added: b.added, removed: b.removed, changed: b.changed };
    });
}
