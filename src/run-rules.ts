import { checkFinding } from "./finding-schema.js";
import type { OptionValue, RepoConfig, RuleSettings } from "./config/schema.js";
import { recordIntroduced } from "./datasets/record-ids.js";
import { changesFineTuning } from "./detect/change-kind.js";
import { SEVERITY_RANK } from "./severity.js";
import type { Conclusion, DatasetScan, ExistingMode, Finding, ReviewInput, Rule, RuleResult, Severity } from "./types.js";

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
      ...(r.introduced !== undefined && { introduced: r.introduced }),
    }),
  );
}

/**
 * Decides, for each result a rule did not decide itself, whether this change introduced it: from
 * the rule's scope and the dataset the result points at (see `RuleScope` and `DatasetScan.change`).
 */
export function scopeResults(rule: Rule, results: readonly RuleResult[], datasets: readonly DatasetScan[]): RuleResult[] {
  const { scope } = rule.meta;
  const scans = new Map(datasets.map((d) => [d.path, d]));
  const decided = results.map((r): RuleResult => {
    // Decided by the rule: kept as it is (a copy per result was most of this pass on a duplicate-heavy file).
    if (r.introduced !== undefined) return r;
    if (scope === "change") return { ...r, introduced: true };
    const scan = r.path === undefined ? undefined : scans.get(r.path);
    if (!scan || scan.change === undefined || scan.change === "added") return { ...r, introduced: true };
    if (scan.change === "context") return { ...r, introduced: false };
    if (scope === "file") return { ...r, introduced: true };
    return r.line === undefined ? r : { ...r, introduced: recordIntroduced(scan, r.line) };
  });
  // A record rule's summary of a file ("12 more were not listed") is new when a listed one is.
  const newIn = new Set(decided.filter((r) => r.introduced === true).map((r) => r.path));
  return decided.map((r) => (r.introduced !== undefined ? r : { ...r, introduced: newIn.has(r.path) }));
}

/** The group a finding is capped in: new, existing and waived findings apart, per file. */
function capGroup(introduced: boolean | undefined, waived: boolean, path: string | undefined): string {
  return `${introduced === false ? "0" : "1"}${waived ? "w" : "-"}${path ?? ""}`;
}

/** Groups in the order of their first member. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** What the summary of a group past its cap says about the rest: how many, the worst severity, the first lines. */
class CapTally {
  count = 0;
  worst: Severity = "notice";
  readonly lines: number[] = [];
  private lined = 0;

  add(severity: Severity, line: number | undefined): void {
    this.count++;
    if (SEVERITY_RANK[severity] < SEVERITY_RANK[this.worst]) this.worst = severity;
    // Only the first ten lines are named; the rest only make the "…".
    if (line && this.lined++ < 10) this.lines.push(line);
  }

  /** The finding that counts the rest, in the shape of the group's first finding. */
  summary(first: Finding): Finding {
    const { line: _l, endLine: _e, evidence: _v, ...shape } = first;
    const lines = this.lines.length ? ` (lines ${this.lines.join(", ")}${this.lined > 10 ? ", …" : ""})` : "";
    return {
      ...shape,
      severity: this.worst,
      message: `…and ${this.count} more ${first.ruleId} finding(s)${first.path ? ` in ${first.path}` : ""}${lines}.`,
    };
  }
}

/**
 * Keeps the first `cap` findings per file and adds one finding that counts the rest. New,
 * existing and waived findings are capped apart, so neither old nor accepted findings hide new ones.
 */
export function capPerFile(findings: readonly Finding[], cap: number): Finding[] {
  return groupBy(findings, (f) => capGroup(f.introduced, Boolean(f.waived), f.path)).flatMap((group) => {
    if (group.length <= cap) return group;
    const tally = new CapTally();
    for (let i = cap; i < group.length; i++) tally.add(group[i]!.severity, group[i]!.line);
    return [...group.slice(0, cap), tally.summary(group[0]!)];
  });
}

/**
 * What `capPerFile(toFindings(rule, results, settings), cap)` gives, with only the kept results
 * stamped: a result past the cap is only counted, and a duplicate-heavy file gives one per record.
 */
export function capResults(rule: Rule, results: readonly RuleResult[], cap: number, settings?: Partial<RuleSettings>): Finding[] {
  type Group = { first: RuleResult; kept: RuleResult[]; tally: CapTally };
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  let group: Group | undefined;
  let last: RuleResult | undefined;
  for (const r of results) {
    // Results of one group come in runs: the key is built when the file or newness changes, not per result.
    if (!group || !last || r.path !== last.path || (r.introduced === false) !== (last.introduced === false)) {
      const key = capGroup(r.introduced, false, r.path);
      group = byKey.get(key);
      if (!group) {
        group = { first: r, kept: [], tally: new CapTally() };
        byKey.set(key, group);
        groups.push(group);
      }
    }
    last = r;
    if (group.kept.length < cap) group.kept.push(r);
    else group.tally.add(settings?.severity ?? r.severity ?? rule.meta.severity, r.line);
  }
  return groups.flatMap(({ first, kept, tally }) => {
    const stamped = toFindings(rule, kept, settings);
    return tally.count === 0 ? stamped : [...stamped, tally.summary(stamped[0] ?? toFindings(rule, [first], settings)[0]!)];
  });
}

/** A rule's options: its defaults with the repo config's overrides. */
export function ruleOptions(rule: Rule, config: RepoConfig): Rule["meta"]["options"] {
  const { enabled: _e, severity: _s, ...overrides } = config.rules[rule.meta.id] ?? {};
  return { ...rule.meta.options, ...Object.fromEntries(Object.entries(overrides).filter((e): e is [string, OptionValue] => e[1] !== undefined)) };
}

/**
 * Runs every enabled rule on the input. A rule that throws becomes one finding tagged with its id,
 * and the others still run. Proposal rules stay quiet when only infrastructure changed.
 */
export function runRules(rules: Iterable<Rule>, input: ReviewInput, opts: { uncapped?: boolean } = {}): Finding[] {
  const fineTuning = changesFineTuning(input.artifacts);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const settings = input.config.rules[rule.meta.id];
    if (settings && !settings.enabled) continue;
    if (rule.meta.proposal && !fineTuning) continue;
    const options = ruleOptions(rule, input.config);
    try {
      const cap = typeof options.max_findings === "number" ? options.max_findings : DEFAULT_CAP;
      const results = scopeResults(rule, rule.check(input, options), input.datasets);
      // A loop, not push(...): an uncapped rule may give 100k+ findings, more arguments than a call takes.
      for (const f of opts.uncapped ? toFindings(rule, results, settings) : capResults(rule, results, cap, settings)) findings.push(f);
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

/** {@link capPerFile} for each rule's findings with its own `max_findings`, after the fact (waivers are applied first). */
export function capByRule(findings: readonly Finding[], rules: Iterable<Rule>, config: RepoConfig): Finding[] {
  const caps = new Map<string, number>();
  for (const rule of rules) {
    const cap = ruleOptions(rule, config).max_findings;
    caps.set(rule.meta.id, typeof cap === "number" ? cap : DEFAULT_CAP);
  }
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  return sortFindings([...byRule].flatMap(([id, list]) => capPerFile(list, caps.get(id) ?? DEFAULT_CAP)));
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

/**
 * failure at or above `fail_on`; neutral when warnings remain that `fail_on` lets pass; else
 * success. Only findings this change introduced count, unless `existing` is `fail`; waived ones never do.
 */
export function conclude(findings: readonly Finding[], failOn: "error" | "warning" | "never", existing: ExistingMode = "show"): Conclusion {
  const counted = findings.filter((f) => !f.waived && (existing === "fail" || f.introduced !== false));
  const worst = Math.min(...counted.map((f) => SEVERITY_RANK[f.severity]), SEVERITY_RANK.notice);
  if (failOn !== "never" && worst <= SEVERITY_RANK[failOn]) return "failure";
  return worst <= SEVERITY_RANK.warning ? "neutral" : "success";
}
