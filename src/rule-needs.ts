/**
 * What the engine reads on the rules' behalf, gathered from what each rule declares it needs
 * (`Rule.needs`): the engine never names a rule.
 */
import type { RepoConfig } from "./config/schema.js";
import { ruleOptions, toFindings } from "./run-rules.js";
import type { ConfigProblem, Finding, Rule, ScanLexicon } from "./types.js";

const lexicons = new WeakMap<object, ScanLexicon>();

/** The patterns the dataset scan applies per record: every rule's `scanLexicon`, merged (cached per rule list). */
export function scanLexiconOf(rules: readonly Rule[]): ScanLexicon {
  let merged = lexicons.get(rules);
  if (!merged) {
    merged = { sensitive: [], businessRules: [] };
    for (const r of rules) {
      merged.sensitive.push(...(r.needs?.scanLexicon?.sensitive ?? []));
      merged.businessRules.push(...(r.needs?.scanLexicon?.businessRules ?? []));
    }
    lexicons.set(rules, merged);
  }
  return merged;
}

function enabled(rule: Rule, config: RepoConfig): boolean {
  return config.rules[rule.meta.id]?.enabled !== false;
}

/** Days of label-schema history to read: the most any enabled rule asks for (0: none). */
export function historyDaysOf(rules: readonly Rule[], config: RepoConfig): number {
  let days = 0;
  for (const r of rules) if (r.needs?.historyDays && enabled(r, config)) days = Math.max(days, r.needs.historyDays(ruleOptions(r, config)));
  return days;
}

/**
 * The near-duplicate threshold the dataset diff states duplicate ratios at: the one a rule declares
 * (enabled or not, so the diff reads the same), else `fallback`.
 */
export function duplicateThresholdOf(rules: readonly Rule[], config: RepoConfig, fallback: number): number {
  for (const r of rules) if (r.needs?.duplicateThreshold) return r.needs.duplicateThreshold(ruleOptions(r, config));
  return fallback;
}

/** The findings for an invalid base config, from the rules that report it: nothing else runs. */
export function invalidConfigFindings(rules: readonly Rule[], path: string, problems: readonly ConfigProblem[]): Finding[] {
  return rules.flatMap((r) => (r.needs?.invalidConfig ? toFindings(r, r.needs.invalidConfig(path, problems)) : []));
}

/** Whether an enabled rule compares a modified training config with its base version (the engine then reads it). */
export function needsBaseConfig(rules: readonly Rule[], config: RepoConfig): boolean {
  return rules.some((r) => r.needs?.baseConfig && enabled(r, config));
}

/** Whether an enabled rule reads the proposal's language (the engine then loads the English model). */
export function needsEnglishModel(rules: readonly Rule[], config: RepoConfig): boolean {
  return rules.some((r) => r.needs?.englishModel && enabled(r, config));
}
