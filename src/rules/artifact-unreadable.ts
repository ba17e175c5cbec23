import { defineRule } from "./define-rule.js";

export default defineRule({ id: "artifact-unreadable" }, (input) =>
  input.artifacts
    .filter((a) => a.unreadable && a.status !== "removed")
    .map((a) => ({
      path: a.path,
      ...(a.unreadableLine !== undefined && { line: a.unreadableLine, endLine: a.unreadableLine }),
      message: `${a.path} (${a.kind}) was not read: ${a.unreadable}; its content checks were skipped.`,
    })),
);
