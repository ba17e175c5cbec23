import { defineRule } from "./define-rule.js";

export default defineRule({ id: "artifact-unreadable" }, (input) =>
  input.artifacts
    .filter((a) => a.unreadable && a.status !== "removed")
    .map((a) => ({ path: a.path, message: `${a.path} (${a.kind}) was not read: ${a.unreadable}; its content checks were skipped.` })),
);
