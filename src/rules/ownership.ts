import { defineRule } from "./define-rule.js";
import { ownersOf } from "../codeowners.js";

export default defineRule({ id: "ownership" }, (input) =>
  input.artifacts
    .filter((a) => a.status !== "removed" && ownersOf(a.path, input.owners).owners.length === 0)
    .map((a) => ({
      path: a.path,
      message: input.owners.length
        ? `${a.path} (${a.kind}) matches no CODEOWNERS rule or config owner.`
        : `${a.path} (${a.kind}) has no owner: the repository has no CODEOWNERS file and the config sets no owners.`,
    })),
);
