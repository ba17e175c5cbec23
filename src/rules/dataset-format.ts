import { defineRule } from "./define-rule.js";

export default defineRule({ id: "dataset-format" }, (input) =>
  input.datasets.flatMap((scan) =>
    scan.formatIssues.map((issue) => ({
      path: scan.path,
      line: issue.line,
      endLine: issue.line,
      message: `${scan.path}:${issue.line}: ${issue.message} (format ${scan.format}).`,
    })),
  ),
);
