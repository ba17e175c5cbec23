/**
 * The sticky PR comment (and check-run summary) in GitHub-flavoured markdown, plus a cutter
 * that keeps it under GitHub's 65,535-character limit.
 */
import type { Conclusion, DatasetDiff, Finding, Review, Severity } from "../types.js";
import { PATTERN_ORDER, patternHeading } from "./patterns.js";
import {
  SEVERITIES,
  countSeverities,
  describeArtifactKinds,
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

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Link for a file (and line) at the reviewed head; undefined leaves the location as code. */
  fileUrl?: (path: string, line?: number) => string | undefined;
  /** Link to a rule's documentation. */
  ruleDocUrl?: (ruleId: string) => string | undefined;
  /** Hidden marker put first, e.g. `<!-- finetune-review -->`, to find the sticky comment again. */
  marker?: string;
  /** Trusted markdown shown under the summary line (not escaped), e.g. how to re-run. */
  headerNote?: string;
}

/** GitHub's limit on a comment body and a check-run summary. */
export const GITHUB_MARKDOWN_LIMIT = 65535;

const CONCLUSION_LINE: Record<Conclusion, string> = {
  success: "✅ **Fine-tuning review passed**",
  neutral: "⚠️ **Fine-tuning review passed with warnings**",
  failure: "❌ **Fine-tuning review failed**",
};

const SEVERITY_BADGE: Record<Severity, string> = {
  error: "❌ **Error**",
  warning: "⚠️ **Warning**",
  notice: "ℹ️ **Notice**",
};

/** Matches the first line of a rendered finding; {@link truncateMarkdown} counts these. */
const FINDING_LINE = /^- (?:❌ \*\*Error|⚠️ \*\*Warning|ℹ️ \*\*Notice)\*\*/;

/** Renders a review as the sticky comment body. Pure: links come from the callbacks. */
export function renderMarkdown(review: Review, opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  if (opts.marker) out.push(opts.marker);

  const mode = review.settings?.existing ?? "show";
  const { introduced, existing, waived } = splitByIntroduced(review.findings);
  const counts = countSeverities(introduced);
  const kinds = describeArtifactKinds(review.artifacts);
  const refs = `base \`${shaText(shortSha(review.base))}\` → head \`${shaText(shortSha(review.head))}\``;
  const old = `${existing.length > 0 ? ` · ${existing.length} already on the base branch` : ""}${waived.length > 0 ? ` · ${waived.length} waived` : ""}`;
  const reviewed =
    review.artifacts.length === 0
      ? review.findings.length === 0
        ? ""
        : `: ${formatCounts(counts)}${old}`
      : `: ${formatCounts(counts)}${old} in ${plural(review.artifacts.length, "artifact")} (${kinds})`;
  out.push(`${CONCLUSION_LINE[review.conclusion]}${reviewed} · ${refs}`);
  if (opts.headerNote) out.push("", opts.headerNote);

  if (review.notes.length > 0) {
    out.push("");
    for (const note of review.notes) out.push(`> **Note:** ${escapeMarkdown(note)}`, ">");
    out.pop();
  }

  if (review.artifacts.length === 0 && review.findings.length === 0) out.push("", "No fine-tuning artifacts changed in this pull request.");
  out.push(...renderDatasets(review.datasets ?? []));
  if (review.estimate) out.push("", `**Estimated training:** ${escapeMarkdown(formatEstimate(review.estimate))}`);

  if (review.findings.length === 0) {
    if (review.artifacts.length > 0) out.push("", "No findings: this proposal follows the seven patterns.");
    return `${out.join("\n")}\n`;
  }

  if (introduced.length > 0) {
    out.push("", ...renderTable(introduced));
    for (const group of groupByPattern(introduced)) {
      out.push("", `### ${patternHeading(group.pattern)}`, "");
      group.findings.forEach((f, i) => out.push(...renderFinding(f, showsRemediation(group.findings, i), opts)));
      if (group.pattern === 1) out.push(...renderChurnCharts(review));
    }
  } else {
    out.push("", waived.length > 0 ? "No new findings beyond the waived ones below." : "No new findings: this change introduces none.");
  }
  out.push(...renderExisting(existing, mode, opts));
  out.push(...renderWaived(waived, opts));
  out.push("", "<sub>Each finding names its rule id; rules are configured by id in `.github/finetune-review.yml` on the base branch.</sub>");
  return `${out.join("\n")}\n`;
}

/** Findings already on the base branch, collapsed and apart (left out with `existing: hide`). */
function renderExisting(existing: readonly Finding[], mode: "show" | "hide" | "fail", opts: MarkdownOptions): string[] {
  if (existing.length === 0) return [];
  if (mode === "hide")
    return [
      "",
      `<sub>${plural(existing.length, "finding")} already on the base branch ${existing.length === 1 ? "is" : "are"} hidden (\`existing: hide\`).</sub>`,
    ];
  const counts = mode === "fail" ? "; they count towards the conclusion (`existing: fail`)" : "; they do not decide this check";
  const out = ["", `<details><summary>Already on the base branch (${existing.length})${counts}</summary>`, ""];
  existing.forEach((f, i) => out.push(...renderFinding(f, showsRemediation(existing, i), opts)));
  out.push("", "</details>");
  return out;
}

/** Findings a waiver accepted, collapsed, each with its reason, approver and expiry. */
function renderWaived(waived: readonly Finding[], opts: MarkdownOptions): string[] {
  if (waived.length === 0) return [];
  const out = ["", `<details><summary>Waived (${waived.length}); they do not decide this check</summary>`, ""];
  for (const f of waived) {
    const [first = "", ...rest] = renderFinding(f, false, opts);
    out.push(`${first}<br>`, `  **Waived:** ${escapeMarkdown(describeWaiver(f).replace(/^waived: /, ""))}`, ...rest);
  }
  out.push("", "</details>");
  return out;
}

/** One table of the changed datasets (records, added/removed, duplicates), then the labels whose share moved. */
function renderDatasets(diffs: readonly DatasetDiff[]): string[] {
  if (diffs.length === 0) return [];
  const out = [
    "",
    "### Datasets in this change",
    "",
    "| Dataset | Records (base → head) | Added / removed | Duplicates (base → head) |",
    "| --- | ---: | ---: | ---: |",
  ];
  const n = (x: number): string => x.toLocaleString("en-US");
  for (const d of diffs) {
    const records = d.base === null ? `– → ${n(d.head.records)}` : `${n(d.base.records)} → ${n(d.head.records)}`;
    const dups =
      d.base === null ? `– → ${formatRatio(d.head.duplicateRatio)}` : `${formatRatio(d.base.duplicateRatio)} → ${formatRatio(d.head.duplicateRatio)}`;
    out.push(`| ${codeSpan(d.path)} | ${records} | ${formatRecordDelta(d)} | ${dups} |`);
  }
  for (const d of diffs) {
    const moves = labelMoves(d);
    if (moves.length === 0) continue;
    const shown = moves.slice(0, 10).map((m) => `${codeSpan(m.label)} ${n(m.base)} → ${n(m.head)} (${formatPp(m.pp)})`);
    const more = moves.length > 10 ? ` and ${moves.length - 10} more` : "";
    out.push("", `Labels that moved in ${codeSpan(d.path)}: ${shown.join(", ")}${more}.`);
  }
  return out;
}

/** One row per pattern 1-7 (✅ when clean), plus review setup when it has findings. */
function renderTable(findings: readonly Finding[]): string[] {
  const rows = ["| Pattern | Errors | Warnings | Notices |", "| --- | ---: | ---: | ---: |"];
  for (const pattern of PATTERN_ORDER) {
    const counts = countSeverities(findings.filter((f) => f.pattern === pattern));
    const total = counts.error + counts.warning + counts.notice;
    if (pattern === 0 && total === 0) continue;
    const icon = counts.error > 0 ? "❌" : counts.warning > 0 ? "⚠️" : counts.notice > 0 ? "ℹ️" : "✅";
    const cells = SEVERITIES.map((s) => (counts[s] > 0 ? String(counts[s]) : "–"));
    rows.push(`| ${icon} ${patternHeading(pattern)} | ${cells.join(" | ")} |`);
  }
  return rows;
}

function renderFinding(f: Finding, withFix: boolean, opts: MarkdownOptions): string[] {
  const ruleUrl = opts.ruleDocUrl?.(f.ruleId);
  const rule = link(codeSpan(f.ruleId), ruleUrl);
  const parts = [SEVERITY_BADGE[f.severity], rule];
  const location = formatLocation(f);
  if (location !== undefined && f.path !== undefined) {
    parts.push(link(codeSpan(location), opts.fileUrl?.(f.path, f.line)));
  }
  let first = `- ${parts.join(" · ")} — ${escapeMarkdown(f.message)}`;
  const lines: string[] = [];
  if (withFix && f.remediation) {
    // A trailing <br> keeps the fix on its own line without turning the list into a loose one.
    first += "<br>";
    lines.push(first, `  **Fix:** ${escapeMarkdown(f.remediation)}`);
  } else {
    lines.push(first);
  }
  const evidence = f.evidence ?? [];
  if (evidence.length > 0) {
    lines.push(`  <details><summary>Evidence (${evidence.length})</summary>`, "");
    for (const item of evidence) lines.push(`  - ${escapeMarkdown(item)}`);
    lines.push("", "  </details>", "");
  }
  return lines;
}

/**
 * Escapes text for inline markdown: HTML is neutralised as entities, markdown-active characters
 * are backslash-escaped, newlines become spaces, and `@name` cannot mention anyone.
 */
export function escapeMarkdown(text: string): string {
  return (
    replaceControlChars(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
      .replace(/\s*\n\s*/g, " ")
      .trim()
      // At the start of a list item, these would open a heading, a nested list or a setext underline.
      .replace(/^(?:[#+=-]|\d+(?=[.)]))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`))
      // A zero-width space after @ is what keeps GitHub from notifying the user or team named.
      .replace(/@(?=[A-Za-z0-9])/g, "@\u200b")
  );
}

/** A code span that holds any text, backticks included. */
function codeSpan(text: string): string {
  const clean = replaceControlChars(text).replace(/\n/g, " ");
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** For shas inside a code span: keeps only characters a sha or ref name can hold. */
function shaText(text: string): string {
  return text.replace(/[^0-9A-Za-z._/-]/g, "");
}

function link(label: string, url: string | undefined): string {
  if (!url) return label;
  const safe = url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${label}](${safe})`;
}

/**
 * Cuts markdown to at most `limit` characters at a line boundary outside any `<details>` block,
 * and appends a note saying how many findings were left out. Returns `md` unchanged when it fits.
 */
export function truncateMarkdown(md: string, limit = GITHUB_MARKDOWN_LIMIT): string {
  if (md.length <= limit) return md;
  const lines = md.split("\n");
  // Offsets of each line start, and whether a cut there is outside a <details> block.
  const starts: number[] = [];
  const safe: boolean[] = [];
  let offset = 0;
  let depth = 0;
  for (const line of lines) {
    starts.push(offset);
    safe.push(depth === 0);
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed.startsWith("<details")) depth += 1;
    if (trimmed.endsWith("</details>")) depth = Math.max(0, depth - 1);
  }
  const note = (dropped: number): string =>
    dropped > 0
      ? `\n---\n\n… output truncated: ${plural(dropped, "finding")} not shown; run the CLI for the full review\n`
      : "\n---\n\n… output truncated; run the CLI for the full review\n";

  // Prefer cutting before a finding, a heading or a blank line; then before any line.
  const preferred = (line: string): boolean => FINDING_LINE.test(line) || line.startsWith("#") || line.trim() === "";
  for (const accept of [preferred, () => true]) {
    // Walk cut points from the end, counting findings that fall after each cut.
    let dropped = 0;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] ?? "";
      if (FINDING_LINE.test(line)) dropped += 1;
      if (!safe[i] || !accept(line)) continue;
      const head = md.slice(0, starts[i]);
      const tail = note(dropped);
      if (head.length + tail.length <= limit) return head + tail;
    }
  }
  // Nothing fits at a line boundary (a pathological single line): cut characters.
  const tail = note(lines.filter((l) => FINDING_LINE.test(l)).length);
  return md.slice(0, Math.max(0, limit - tail.length)) + tail.slice(0, limit);
}

/**
 * A Mermaid line chart of the label-set size over time for each label schema whose churn was
 * flagged (GitHub renders Mermaid in comments). Paths and dates are data, so they are sanitised.
 */
export function renderChurnCharts(review: Review): string[] {
  const churned = new Set(review.findings.filter((f) => f.ruleId === "label-schema-churn").map((f) => f.path));
  const out: string[] = [];
  for (const h of review.labelHistory ?? []) {
    if (!churned.has(h.path) || h.points.length < 2) continue;
    const title = h.path.replace(/["`\n\r]/g, "");
    const labels = h.points.map((p) => `"${p.date.slice(0, 10)}"`).join(", ");
    const counts = h.points.map((p) => p.count);
    out.push(
      "",
      "```mermaid",
      "xychart-beta",
      `    title "Labels in ${title} over time"`,
      `    x-axis [${labels}]`,
      `    y-axis "labels" 0 --> ${Math.max(...counts) + 1}`,
      `    line [${counts.join(", ")}]`,
      "```",
    );
  }
  return out;
}
