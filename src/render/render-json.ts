/**
 * The CLI's `--format json` output: exactly the object of the design, version 1.
 */
import type { ArtifactKind, Conclusion, DatasetDiff, EstimateMethod, PatternNumber, Review, Severity, TrainingEstimate } from "../types.js";

/** One artifact in the JSON output. */
export interface JsonArtifact {
  path: string;
  kind: ArtifactKind;
  format: string;
}

/** One finding in the JSON output; optional keys are present only where they apply. */
export interface JsonFinding {
  ruleId: string;
  pattern: PatternNumber;
  severity: Severity;
  title: string;
  message: string;
  remediation?: string;
  path?: string;
  line?: number;
  endLine?: number;
  /** Whether this change introduced the finding (false: already on the base branch). */
  introduced: boolean;
  /** Present when a waiver accepted the finding: it did not decide the conclusion. */
  waived?: { reason: string; approved_by: string; expires: string };
}

/**
 * The training estimate in the JSON output (`{}` when nothing is trained): `epochs` and
 * `trainedTokens` are null when the config states no epochs; `usd` is present when `pricing`
 * prices the model.
 */
export type JsonEstimate =
  | Record<string, never>
  | { tokens: number; epochs: number | null; trainedTokens: number | null; usd?: number; method: EstimateMethod; model?: string };

/** The JSON document, `notes` present only when there are any. */
export interface JsonReview {
  version: 1;
  base: string;
  head: string;
  conclusion: Conclusion;
  artifacts: JsonArtifact[];
  findings: JsonFinding[];
  /** Base-to-head diff of each changed dataset. */
  datasets: DatasetDiff[];
  estimate: JsonEstimate;
  notes?: string[];
}

/** Builds the JSON document of a review (stable key order; evidence is left out). */
export function toJsonReview(review: Review): JsonReview {
  const doc: JsonReview = {
    version: 1,
    base: review.base,
    head: review.head,
    conclusion: review.conclusion,
    artifacts: review.artifacts.map((a) => ({ path: a.path, kind: a.kind, format: a.format })),
    findings: review.findings.map((f) => {
      const out: Omit<JsonFinding, "introduced" | "waived"> = {
        ruleId: f.ruleId,
        pattern: f.pattern,
        severity: f.severity,
        title: f.title,
        message: f.message,
      };
      if (f.remediation !== undefined) out.remediation = f.remediation;
      if (f.path !== undefined) out.path = f.path;
      if (f.line !== undefined) out.line = f.line;
      if (f.endLine !== undefined) out.endLine = f.endLine;
      return { ...out, introduced: f.introduced !== false, ...(f.waived && { waived: { ...f.waived } }) };
    }),
    datasets: (review.datasets ?? []).map((d) => ({ ...d })),
    estimate: jsonEstimate(review.estimate),
  };
  if (review.notes.length > 0) doc.notes = [...review.notes];
  return doc;
}

function jsonEstimate(e: TrainingEstimate | undefined): JsonEstimate {
  if (!e) return {};
  return {
    tokens: e.tokens,
    epochs: e.epochs ?? null,
    trainedTokens: e.trainedTokens ?? null,
    ...(e.usd !== undefined && { usd: e.usd }),
    method: e.method,
    ...(e.model !== undefined && { model: e.model }),
  };
}

/** Renders a review as the design's JSON object, 2-space indented, with a trailing newline. */
export function renderJson(review: Review): string {
  return `${JSON.stringify(toJsonReview(review), null, 2)}\n`;
}
