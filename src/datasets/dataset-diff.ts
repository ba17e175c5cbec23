/**
 * The base-to-head diff of each changed dataset: what a reviewer reads instead of a JSONL diff
 * that GitHub cannot show ("+1,240 / −310 records, these labels moved").
 */
import type { DatasetDiff, DatasetFigures, DatasetScan } from "../types.js";
import { duplicateIndex } from "./duplicates.js";

function sortedLabels(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const label of Object.keys(counts).sort()) out[label] = counts[label]!;
  return out;
}

const ratio = (r: number): number => Math.round(r * 10000) / 10000;

/** The diff of every added or modified dataset (context files are not part of the change). */
export function datasetDiffs(scans: readonly DatasetScan[], nearThreshold: number): DatasetDiff[] {
  return scans
    .filter((s) => s.change === "added" || s.change === "modified")
    .map((s) => {
      const records = s.recordIds?.lines.length ?? s.records + (s.formatIssueTotal ?? s.formatIssues.length);
      const head: DatasetFigures = { records, labels: sortedLabels(s.labelCounts), duplicateRatio: ratio(duplicateIndex(s.keys, nearThreshold).ratio) };
      const b = s.change === "modified" ? s.base : undefined;
      if (!b) return { path: s.path, format: s.format, base: null, head, added: records, removed: 0, changed: 0 };
      const base: DatasetFigures = {
        records: b.records,
        labels: sortedLabels(b.labelCounts),
        duplicateRatio: ratio(duplicateIndex(b.keys, nearThreshold).ratio),
      };
      return { path: s.path, format: s.format, base, head, added: b.added, removed: b.removed, changed: b.changed };
    });
}
