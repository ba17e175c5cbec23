import { checkFinding } from "./finding-schema.js";
import type { RuleSettings } from "./config/schema.js";
import type { Conclusion, Finding, ReviewInput, Rule, RuleResult, Severity } from "./types.js";

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
const DEFAULT_CAP = 20;

/** Stamps a rule's metadata and the effective severity on its results. */
export function toFindings(rule: Rule, results: readonly RuleResult[], settings?: Partial<RuleSettings>): Finding[] {
  const { meta } = rule;
  return results.map((r) =>
    checkFinding({
      ruleId: meta.id,
      pattern: meta.pattern,
      severity: settings?.severity ?? r.severity ?? meta.severity,
      title: meta.title,
      message: r.message,
      remediation: meta.remediation,
      ...(r.path !== undefined && { path: r.path }),
      ...(r.line !== undefined && { line: r.line }),
      ...(r.endLine !== undefined && { endLine: r.endLine }),
      ...(r.evidence?.length && { evidence: r.evidence }),
    }),
  );
}

/** Keeps the first `cap` findings per file and adds one finding that counts the rest. */
export function capPerFile(findings: readonly Finding[], cap: number): Finding[] {
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.path ?? "";
    byPath.set(key, [...(byPath.get(key) ?? []), f]);
  }
  return [...byPath.values()].flatMap((group) => {
    if (group.length <= cap) return group;
    const rest = group.slice(cap);
    const worst = rest.reduce((a, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[a] ? f.severity : a), "notice" as Severity);
    const lines = rest.flatMap((f) => (f.line ? [f.line] : []));
    const first = group[0]!;
    return [
      ...group.slice(0, cap),
      {
        ...first,
        severity: worst,
        line: undefined,
        endLine: undefined,
        message: `…and ${rest.length} more ${first.ruleId} finding(s)${first.path ? ` in ${first.path}` : ""}${lines.length ? ` (lines ${lines.slice(0, 10).join(", ")}${lines.length > 10 ? ", …" : ""})` : ""}.`,
        evidence: undefined,
      },
    ].map((f) => JSON.parse(JSON.stringify(f)) as Finding);
  });
}

/**
 * Runs every enabled rule on the input. A rule that throws becomes one finding tagged with its id,
 * and the others still run. Proposal rules stay quiet when only infrastructure changed.
 */
export function runRules(rules: Iterable<Rule>, input: ReviewInput): Finding[] {
  const fineTuning = input.artifacts.some((a) => !a.config?.infrastructure);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const settings = input.config.rules[rule.meta.id];
    if (settings && !settings.enabled) continue;
    if (rule.meta.proposal && !fineTuning) continue;
    const { enabled: _e, severity: _s, ...overrides } = settings ?? {};
    const options = { ...rule.meta.options, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
    try {
      const cap = typeof options.max_findings === "number" ? options.max_findings : DEFAULT_CAP;
      findings.push(...capPerFile(toFindings(rule, rule.check(input, options as typeof rule.meta.options), settings), cap));
    } catch (error) {
      findings.push({
        ruleId: rule.meta.id,
        pattern: rule.meta.pattern,
        severity: "warning",
        title: `${rule.meta.title} (rule failed)`,
        message: `The ${rule.meta.id} rule failed and was skipped: ${(error as Error).message}. The other rules ran; please report this.`,
      });
    }
  }
  return sortFindings(findings);
}

/** Errors first, then by pattern, rule, path and line. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.pattern - b.pattern ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.path ?? "").localeCompare(b.path ?? "") ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
  );
}

/** failure at or above `fail_on`; neutral when warnings remain that `fail_on` lets pass; else success. */
export function conclude(findings: readonly Finding[], failOn: "error" | "warning" | "never"): Conclusion {
  const worst = Math.min(...findings.map((f) => SEVERITY_RANK[f.severity]), SEVERITY_RANK.notice);
  if (failOn !== "never" && worst <= SEVERITY_RANK[failOn]) return "failure";
  return worst <= SEVERITY_RANK.warning ? "neutral" : "success";
}
