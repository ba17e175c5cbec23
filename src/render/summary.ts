/**
 * Small pure helpers the renderers share: counting, grouping, short shas and locations.
 */
import type { ArtifactKind, Artifact, DatasetDiff, Finding, PatternNumber, Review, Severity, TrainingEstimate } from "../types.js";
import { SEVERITIES } from "../severity.js";
import { PATTERN_ORDER } from "./patterns.js";
import { formatTokens, formatUsd } from "../estimate/format-tokens.js";

/** Number of findings per severity. */
export type SeverityCounts = Record<Severity, number>;

export { SEVERITIES };

/** Counts findings per severity. */
export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** `1 error`, `2 errors`. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** `2 errors, 1 warning, 0 notices`. */
export function formatCounts(counts: SeverityCounts): string {
  return SEVERITIES.map((s) => plural(counts[s], s)).join(", ");
}

/** The 7-character form of a commit sha (anything shorter is returned as is). */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Findings of one pattern, in the order they arrived. */
export interface PatternGroup {
  pattern: PatternNumber;
  findings: Finding[];
}

/** Groups findings by pattern in {@link PATTERN_ORDER}, keeping each group's input order. */
export function groupByPattern(findings: readonly Finding[]): PatternGroup[] {
  const groups = new Map<PatternNumber, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.pattern);
    if (list) list.push(f);
    else groups.set(f.pattern, [f]);
  }
  const ordered: PatternGroup[] = [];
  for (const pattern of PATTERN_ORDER) {
    const list = groups.get(pattern);
    if (list) ordered.push({ pattern, findings: list });
  }
  return ordered;
}

/**
 * Whether `findings[i]` shows its remediation: only the last of a run of findings with the same
 * rule and remediation does, so a rule that fires on ten lines states its fix once.
 */
export function showsRemediation(findings: readonly Finding[], i: number): boolean {
  const f = findings[i];
  const next = findings[i + 1];
  if (!f?.remediation) return false;
  return next === undefined || next.ruleId !== f.ruleId || next.remediation !== f.remediation;
}

/** `data/train.jsonl:5`, `data/train.jsonl:5-9`, `data/train.jsonl`, or undefined without a path. */
export function formatLocation(f: Pick<Finding, "path" | "line" | "endLine">): string | undefined {
  if (f.path === undefined) return undefined;
  if (f.line === undefined) return f.path;
  const span = f.endLine !== undefined && f.endLine > f.line ? `${f.line}-${f.endLine}` : `${f.line}`;
  return `${f.path}:${span}`;
}

const KIND_ORDER: readonly ArtifactKind[] = ["training-config", "dataset", "eval-dataset", "label-schema", "eval-suite", "proposal"];

const KIND_WORDS: Record<ArtifactKind, [string, string]> = {
  "training-config": ["training config", "training configs"],
  dataset: ["dataset", "datasets"],
  "eval-dataset": ["eval dataset", "eval datasets"],
  "label-schema": ["label schema", "label schemas"],
  "eval-suite": ["eval suite", "eval suites"],
  proposal: ["proposal", "proposals"],
};

/** `1 training config, 2 datasets, 1 proposal`: artifact counts by kind, in a fixed kind order. */
export function describeArtifactKinds(artifacts: readonly Artifact[]): string {
  const counts = new Map<ArtifactKind, number>();
  for (const a of artifacts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return KIND_ORDER.filter((k) => counts.has(k))
    .map((k) => plural(counts.get(k) ?? 0, KIND_WORDS[k][0], KIND_WORDS[k][1]))
    .join(", ");
}

/**
 * Replaces control characters (other than tab and newline) with a visible `\xNN` form, so text
 * taken from a dataset cannot move a terminal's cursor or hide itself in a comment.
 */
export function replaceControlChars(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    if (c === "\r") return "";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}

/** Findings this change introduced, those already on the base branch, and those a waiver accepted (whichever they are). */
export function splitByIntroduced(findings: readonly Finding[]): { introduced: Finding[]; existing: Finding[]; waived: Finding[] } {
  const introduced: Finding[] = [];
  const existing: Finding[] = [];
  const waived: Finding[] = [];
  for (const f of findings) (f.waived ? waived : f.introduced === false ? existing : introduced).push(f);
  return { introduced, existing, waived };
}

/** How a waived finding was accepted, in one phrase: "waived: <reason> (approved by @x, until 2027-03-01)". */
export function describeWaiver(f: Finding): string {
  return f.waived ? `waived: ${f.waived.reason} (approved by ${f.waived.approved_by}, until ${f.waived.expires})` : "";
}

/** The findings annotated on the diff: introduced ones, and existing ones too when they count (`existing: fail`); never waived ones. */
export function annotatedFindings(review: Review): Finding[] {
  return review.settings?.existing === "fail" ? review.findings.filter((f) => !f.waived) : splitByIntroduced(review.findings).introduced;
}

/** A label's share moved by at least this many percentage points to be shown in a dataset diff. */
export const LABEL_SHIFT_PP = 2;

/** A label whose count or share moved between base and head. */
export interface LabelMove {
  label: string;
  base: number;
  head: number;
  /** Change in share of the file's labelled records, in percentage points. */
  pp: number;
}

/** Labels added, removed, or whose share moved by at least {@link LABEL_SHIFT_PP} points, largest move first. */
export function labelMoves(diff: DatasetDiff): LabelMove[] {
  const base = diff.base?.labels ?? {};
  const head = diff.head.labels;
  const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
  const [tb, th] = [total(base), total(head)];
  const share = (n: number, t: number): number => (t === 0 ? 0 : (n / t) * 100);
  const labels = [...new Set([...Object.keys(base), ...Object.keys(head)])];
  return labels
    .map((label) => {
      const b = base[label] ?? 0;
      const h = head[label] ?? 0;
      return { label, base: b, head: h, pp: Math.round((share(h, th) - share(b, tb)) * 10) / 10 };
    })
    .filter((m) => diff.base !== null && (m.base === 0 || m.head === 0 || Math.abs(m.pp) >= LABEL_SHIFT_PP))
    .sort((a, b) => Math.abs(b.pp) - Math.abs(a.pp) || a.label.localeCompare(b.label));
}

/** `+1.5 pp`, `−3.0 pp`. */
export function formatPp(pp: number): string {
  return `${pp >= 0 ? "+" : "−"}${Math.abs(pp).toFixed(1)} pp`;
}

/** `7.4%` for a 0-1 ratio. */
export function formatRatio(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** `+260 / −10 / 3 changed` for a dataset diff (`new file` for an added one). */
export function formatRecordDelta(diff: DatasetDiff): string {
  if (diff.base === null) return `new file, ${plural(diff.head.records, "record")}`;
  return `+${diff.added} / −${diff.removed}${diff.changed ? ` / ${diff.changed} changed` : ""}`;
}

/**
 * The estimate's one line, without a label: "1.23M tokens × 3 epochs = 3.69M trained tokens ≈
 * $9.23 (gpt-4o-mini, exact tokenizer)". Says when the count is an estimate and when the config
 * states no epochs.
 */
export function formatEstimate(e: TrainingEstimate): string {
  const how =
    e.method === "exact"
      ? `exact, ${e.tokenizer}`
      : e.method === "sampled"
        ? `${e.tokenizer} on a sample of the records`
        : e.model === undefined
          ? "estimated at 4 characters a token: no model named"
          : "estimated at 4 characters a token: no tokenizer for this model";
  const about = `(${e.model === undefined ? how : `${e.model}, ${how}`})`;
  const tokens = `${formatTokens(e.tokens)} tokens`;
  if (e.epochs === undefined || e.trainedTokens === undefined) {
    const why = e.epochsAuto ? "the config leaves the epochs to the provider (auto)" : "the config states no epochs";
    return `${tokens} per epoch; ${why} ${about}`;
  }
  // Cents are the unit; a run that rounds to none still costs something.
  const usd = e.usd === undefined ? "" : e.usd === 0 && e.trainedTokens > 0 ? " < $0.01" : ` ≈ ${formatUsd(e.usd)}`;
  return `${tokens} × ${plural(e.epochs, "epoch")} = ${formatTokens(e.trainedTokens)} trained tokens${usd} ${about}`;
}
