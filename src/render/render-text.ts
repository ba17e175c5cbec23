/**
 * The terminal rendering of a review: a header line, the artifacts, and findings by pattern.
 */
import type { Conclusion, Finding, Review, Severity } from "../types.js";
import { patternHeading } from "./patterns.js";
import {
  countSeverities,
  formatCounts,
  formatLocation,
  groupByPattern,
  plural,
  replaceControlChars,
  shortSha,
  showsRemediation,
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
  const paint = (style: Style, s: string): string =>
    opts.color ? `\u001b[${ANSI[style][0]}m${s}\u001b[${ANSI[style][1]}m` : s;
  const clean = (s: string): string => replaceControlChars(s);
  const lines: string[] = [];

  const counts = formatCounts(countSeverities(review.findings));
  const artifacts = plural(review.artifacts.length, "artifact");
  const refs = `base ${shortSha(review.base)}..head ${shortSha(review.head)}`;
  lines.push(
    `${paint("bold", "finetune-review:")} ${paint(CONCLUSION_STYLE[review.conclusion], review.conclusion)}` +
      ` — ${counts} in ${artifacts} (${refs})`,
  );

  if (review.artifacts.length === 0) {
    lines.push("", "No fine-tuning artifacts changed.");
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

  if (review.findings.length === 0) {
    if (review.artifacts.length > 0) lines.push("", "No findings: this proposal follows the seven patterns.");
  } else {
    for (const group of groupByPattern(review.findings)) {
      lines.push("", paint("bold", patternHeading(group.pattern)));
      group.findings.forEach((f, i) => lines.push(...renderFinding(f, showsRemediation(group.findings, i), paint, clean)));
    }
  }

  return `${lines.join("\n")}\n`;
}

function renderFinding(
  f: Finding,
  withFix: boolean,
  paint: (style: Style, s: string) => string,
  clean: (s: string) => string,
): string[] {
  // "warning" is the longest severity; padding keeps rule ids in one column.
  const severity = paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(7));
  const location = formatLocation(f);
  const head = [`  ${severity}`, paint("dim", f.ruleId), ...(location ? [clean(location)] : [])].join("  ");
  const out = indent(clean(f.message), `${head}  `, "    ");
  if (withFix && f.remediation) out.push(...indent(clean(f.remediation), `    ${paint("dim", "fix:")} `, "    "));
  for (const item of f.evidence ?? []) out.push(...indent(clean(item), "      · ", "        "));
  return out;
}

/** Prefixes the first line of a (possibly multi-line) text and indents the rest. */
function indent(text: string, first: string, rest: string): string[] {
  return text.split("\n").map((line, i) => (i === 0 ? first : rest) + line);
}
