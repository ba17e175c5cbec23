import type { RuleResult } from "../types.js";
import { defineRule } from "./define-rule.js";
import { countOption } from "./rule-helpers.js";

/** `max_findings` is applied by the engine (see `runRules`). */
const options = { max_findings: countOption(1) };

export default defineRule({ id: "dataset-format", options }, (input) =>
  input.datasets.flatMap((scan) => {
    const results: RuleResult[] = scan.formatIssues.map((issue) => ({
      path: scan.path,
      line: issue.line,
      endLine: issue.line,
      message: issue.defect
        ? `Line ${issue.line} of ${scan.path} has a defect: ${issue.message.replace(/^line \d+: /, "")}; it is still read, and trained on, as written.`
        : `Line ${issue.line} of ${scan.path} is not a valid ${scan.format === "unknown" ? "" : `${scan.format} `}record: ${issue.message.replace(/^line \d+: /, "")}.`,
    }));
    const unlisted = (scan.formatIssueTotal ?? 0) - scan.formatIssues.length;
    if (unlisted > 0) results.push({ path: scan.path, message: `${unlisted} more malformed records in ${scan.path} were not listed.` });
    // Silence here would read as "the data is fine" when most dataset checks never ran.
    if (scan.format === "unknown" && scan.records > 0) {
      results.push({
        path: scan.path,
        severity: "notice",
        introduced: scan.change === undefined || scan.change === "added",
        message: `The record format of ${scan.path} was not recognised, so only parsing, encoding, secrets and duplicates were checked; balance, size, length, leakage and label coverage did not run. Name its fields as a known format does (messages; prompt/completion; instruction/input/output; conversations; prompt/chosen/rejected; text/label).`,
      });
    }
    return results;
  }),
);
