import { defineRule } from "./define-rule.js";

export default defineRule({ id: "config-references" }, (input) => {
  const files = new Set(input.headFiles);
  const isDir = (p: string) => input.headFiles.some((f) => f.startsWith(p.replace(/\/?$/, "/")));
  return input.artifacts
    .filter((a) => a.config && a.status !== "removed")
    .flatMap((a) =>
      [...new Set([...a.config!.datasetPaths, ...a.config!.evalPaths])]
        .filter((p) => !files.has(p) && !isDir(p))
        .map((p) => ({
          path: a.path,
          line: a.config!.pathLines?.[p],
          endLine: a.config!.pathLines?.[p],
          message: `${a.path} references ${p}, which does not exist at the head commit.`,
        }))
        .concat(
          // A registry entry whose mapping cannot be read: the file it names is read with the defaults.
          (a.config!.registryProblems ?? []).map((p) => ({
            path: a.path,
            line: p.line,
            endLine: p.line,
            message: `${p.message}${p.line === undefined ? "" : ` (line ${p.line})`}.`,
          })),
        ),
    );
});
