/**
 * The terminal rendering of a review: a header line, the artifacts, and findings by pattern.
 */
import type { Conclusion, DatasetDiff, Finding, Review, Severity } from "../types.js";
import { patternHeading } from "./patterns.js";
import {
  countSeverities,
  formatCounts,
  formatEstimate,
  formatLocation,
  formatPp,
  formatRatio,
  formatRecordDelta,
  groupByPattern,
  labelMoves,
  plural,
  replaceControlChars,
  shortSha,
  showsRemediation,
  splitByIntroduced,
  describeWaiver,
} from "./summary.js";

/** Options of {@link renderText}. */
export interface TextOptions {
  /** Use ANSI colors (the caller decides, e.g. from `isTTY` and `NO_COLOR`). */
  color?: boolean;
}

type Style = "bold" | "dim" | "red" | "yellow" | "cyan" | "green";

const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: "red", warning: "yellow", notice: "cyan" };
const CONCLUSION_STYLE: Record<Conclusion, Style> = { success: "green", neutral: "yellow", failure: "red" };

/** Renders a review for a terminal; plain text unless `opts.color`. Ends with a newline. */
export function renderText(review: Review, opts: TextOptions = {}): string {
  const paint = (style: Style, s: string): string => (opts.color ? `\u001b[${ANSI[style][0]}m${s}\u001b[${ANSI[style][1]}m` : s);
  const clean = (s: string): string => replaceControlChars(s);
  const lines: string[] = [];

  const mode = review.settings?.existing ?? "show";
  const { introduced, existing, waived } = splitByIntroduced(review.findings);
  const counts = formatCounts(countSeverities(introduced));
  const old = `${existing.length > 0 ? `, ${existing.length} already on the base branch` : ""}${waived.length > 0 ? `, ${waived.length} waived` : ""}`;
  const artifacts = plural(review.artifacts.length, "artifact");
  const refs = `base ${shortSha(review.base)}..head ${shortSha(review.head)}`;
  lines.push(
    `${paint("bold", "finetune-review:")} ${paint(CONCLUSION_STYLE[review.conclusion], review.conclusion)}` + ` — ${counts}${old} in ${artifacts} (${refs})`,
  );

  // Findings without artifacts mean the review did not get to them (an invalid config): not "nothing changed".
  if (review.artifacts.length === 0) {
    if (review.findings.length === 0) lines.push("", "No fine-tuning artifacts changed.");
  } else {
    lines.push("", paint("bold", "Artifacts:"));
    const width = Math.max(...review.artifacts.map((a) => a.kind.length));
    for (const a of review.artifacts) {
      lines.push(`  ${a.kind.padEnd(width)}  ${clean(a.path)} ${paint("dim", `(${clean(a.format)})`)}`);
    }
  }

  if (review.notes.length > 0) {
    lines.push("", paint("bold", "Notes:"));
    for (const note of review.notes) lines.push(...indent(clean(note), "  - ", "    "));
  }

  lines.push(...renderDatasets(review.datasets ?? [], paint, clean));
  if (review.estimate) lines.push("", `${paint("bold", "Estimated training:")} ${clean(formatEstimate(review.estimate))}`);

  if (review.findings.length === 0) {
    if (review.artifacts.length > 0) lines.push("", "No findings: this proposal follows the seven patterns.");
  } else {
    if (introduced.length === 0)
      lines.push("", waived.length > 0 ? "No new findings beyond the waived ones below." : "No new findings: this change introduces none.");
    for (const group of groupByPattern(introduced)) {
      lines.push("", paint("bold", patternHeading(group.pattern)));
      group.findings.forEach((f, i) => lines.push(...renderFinding(f, showsRemediation(group.findings, i), paint, clean)));
    }
    if (existing.length > 0 && mode === "hide") {
      lines.push("", paint("dim", `${plural(existing.length, "finding")} already on the base branch hidden (existing: hide).`));
    } else if (existing.length > 0) {
      const counted = mode === "fail" ? "they count (existing: fail)" : "they do not decide the conclusion";
      lines.push("", paint("bold", `Already on the base branch (${existing.length}); ${counted}:`));
      existing.forEach((f, i) => lines.push(...renderFinding(f, showsRemediation(existing, i), paint, clean)));
    }
    if (waived.length > 0) {
      lines.push("", paint("bold", `Waived (${waived.length}); they do not decide the conclusion:`));
      for (const f of waived) lines.push(...renderFinding(f, false, paint, clean), ...indent(clean(describeWaiver(f)), `    ${paint("dim", "·")} `, "      "));
    }
  }

  return `${lines.join("\n")}\n`;
}

function renderFinding(f: Finding, withFix: boolean, paint: (style: Style, s: string) => string, clean: (s: string) => string): string[] {
  // "warning" is the longest severity; padding keeps rule ids in one column.
  const severity = paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(7));
  const location = formatLocation(f);
  const head = [`  ${severity}`, paint("dim", f.ruleId), ...(location ? [clean(location)] : [])].join("  ");
  const out = indent(clean(f.message), `${head}  `, "    ");
  if (withFix && f.remediation) out.push(...indent(clean(f.remediation), `    ${paint("dim", "fix:")} `, "    "));
  for (const item of f.evidence ?? []) out.push(...indent(clean(item), "      · ", "        "));
  return out;
}

function renderDatasets(diffs: readonly DatasetDiff[], paint: (style: Style, s: string) => string, clean: (s: string) => string): string[] {
  if (diffs.length === 0) return [];
  const out = ["", paint("bold", "Datasets:")];
  for (const d of diffs) {
    const records = d.base === null ? `${d.head.records} records` : `${d.base.records} → ${d.head.records} records`;
    const dups = d.base === null ? formatRatio(d.head.duplicateRatio) : `${formatRatio(d.base.duplicateRatio)} → ${formatRatio(d.head.duplicateRatio)}`;
    out.push(`  ${clean(d.path)}  ${records} (${formatRecordDelta(d)}), duplicates ${dups}`);
    const moves = labelMoves(d);
    for (const m of moves.slice(0, 10)) out.push(`    ${clean(m.label)}: ${m.base} → ${m.head} (${formatPp(m.pp)})`);
    if (moves.length > 10) out.push(`    … and ${moves.length - 10} more labels`);
  }
  return out;
}

/** Prefixes the first line of a (possibly multi-line) text and indents the rest. */
function indent(text: string, first: string, rest: string): string[] {
  return text.split("\n").map((line, i) => (i === 0 ? first : rest) + line);
}
