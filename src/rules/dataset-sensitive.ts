import { defineRule } from "./define-rule.js";

export default defineRule({ id: "dataset-sensitive" }, (input) =>
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
