import { WAIVERS_PATH } from "../waivers/waiver-file.js";
import { defineRule } from "./define-rule.js";

export default defineRule({ id: "waiver-invalid" }, (input) =>
  input.waivers.problems.map((p) => ({
    path: WAIVERS_PATH,
    ...(p.line !== undefined && { line: p.line, endLine: p.line }),
    message: p.origin === "change" ? `${p.message} (this pull request's version of the waivers file)` : p.message,
  })),
);
