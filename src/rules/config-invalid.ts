import type { ConfigProblem, RuleResult } from "../types.js";
import { defineRule } from "./define-rule.js";

/** Results for problems in a repo config file; used for the base config (nothing else runs) and the PR's edit. */
export function configProblemResults(path: string, problems: readonly ConfigProblem[], applies: boolean): RuleResult[] {
  return problems.map((p) => ({
    path,
    line: p.line,
    endLine: p.line,
    message:
      `${path}${p.line ? `:${p.line}` : ""}: ${p.keyPath ? `\`${p.keyPath}\`: ` : ""}${p.message}` +
      (applies ? "" : " (this pull request's version of the config; the review used the base branch's)"),
  }));
}

export default defineRule({ id: "config-invalid", needs: { invalidConfig: (path, problems) => configProblemResults(path, problems, true) } }, (input) =>
  input.configChange ? configProblemResults(input.configChange.path, input.configChange.problems, false) : [],
);
