import { defineRule } from "./define-rule.js";
import { countOption } from "./rule-helpers.js";

/** `max_findings` is applied by the engine (see `runRules`). */
const options = { max_findings: countOption(1) };

export default defineRule({ id: "dataset-sensitive", options }, (input) =>
  input.datasets.flatMap((scan) =>
    scan.sensitive.map((hit) => ({
      path: scan.path,
      line: hit.line,
      endLine: hit.line,
      severity: hit.secret ? ("error" as const) : ("warning" as const),
      message: `Line ${hit.line} holds ${hit.secret ? "a secret" : "personal data"}: ${hit.masked}.`,
    })),
  ),
);
