import { createHash } from "node:crypto";
import { recordIndexAt } from "../datasets/record-ids.js";
import type { DatasetScan, Finding } from "../types.js";

/**
 * A finding's fingerprint, stable across pushes and line moves: its rule, file and message with
 * every number taken out (line numbers, counts and ratios move), plus, for a finding about one
 * record of a scanned dataset, that record's content hash (which tells apart records whose
 * findings read alike). The SARIF output carries it in `partialFingerprints`; a waiver names it.
 */
export function findingFingerprint(f: Pick<Finding, "ruleId" | "path" | "message">, recordHash?: number): string {
  return createHash("sha256")
    .update(`${f.ruleId}\u0000${f.path ?? ""}\u0000${f.message.replace(/\d+(?:[.,]\d+)*/g, "#")}\u0000${recordHash ?? ""}`)
    .digest("hex")
    .slice(0, 32);
}

/** Stamps each finding with its fingerprint, looking up the record a per-line dataset finding is about. */
export function withFingerprints(findings: readonly Finding[], datasets: readonly DatasetScan[]): Finding[] {
  const scans = new Map(datasets.map((d) => [d.path, d]));
  return findings.map((f) => {
    const ids = f.path === undefined || f.line === undefined ? undefined : scans.get(f.path)?.recordIds;
    const i = ids && f.line !== undefined ? recordIndexAt(ids, f.line) : -1;
    return { ...f, fingerprint: findingFingerprint(f, ids && i >= 0 ? ids.hashes[i] : undefined) };
  });
}
