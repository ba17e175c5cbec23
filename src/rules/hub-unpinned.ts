import { posix } from "node:path";
import { z } from "zod";
import type { Artifact, HubRef, RuleResult } from "../types.js";
import { defineRule } from "./define-rule.js";

/** A commit sha, full or abbreviated: the only revision that cannot move. */
const COMMIT_SHA = /^[0-9a-f]{7,40}$/i;
const VERSION_TAG = /^v?\d+(\.\d+)*([-+.][\w.]+)?$/i;

const lexicon = z.strictObject({
  /** First path segments of `owner/name`-shaped values that are local folders in practice (outputs, checkpoints). */
  local_owners: z.array(z.string().regex(/^[\w.-]+$/)).default([]),
});

export default defineRule({ id: "hub-unpinned", lexicon }, (input, _options, lx) => {
  const localOwners = new Set(lx.local_owners.map((o) => o.toLowerCase()));
  const paths = new Set<string>();
  for (const file of input.headFiles) {
    for (let i = file.indexOf("/"); i > 0; i = file.indexOf("/", i + 1)) paths.add(file.slice(0, i));
    paths.add(file);
  }
  const changed = new Set(input.artifacts.filter((a) => a.status !== "removed").map((a) => a.path));
  const inRepo = (p: string) => paths.has(p);
  return input.artifacts
    .filter((a) => a.config?.hubRefs && a.status !== "removed" && !a.config.infrastructure)
    .flatMap((a) =>
      a
        .config!.hubRefs!.filter((ref) => ref.revision === undefined || !COMMIT_SHA.test(ref.revision))
        // A registry entry changed in the same PR is reported there, once, not again at each config that names it.
        .filter((ref) => ref.file === undefined || !changed.has(ref.file))
        .filter((ref) => !localOwners.has(ref.id.split("/")[0]!.toLowerCase()))
        .filter((ref) => !inRepo(ref.id) && !inRepo(posix.join(posix.dirname(a.path), ref.id)))
        .map((ref) => ({ ...finding(a, ref), introduced: !inBase(a, ref) })),
    );
});

/** Whether the base version of the config named the same reference the same way: then this change did not introduce it. */
function inBase(a: Artifact, ref: HubRef): boolean {
  return (a.baseConfig?.hubRefs ?? []).some((b) => b.key === ref.key && b.id === ref.id && b.revision === ref.revision && b.file === ref.file);
}

function finding(a: Artifact, ref: HubRef): RuleResult {
  const where = ref.line === undefined ? `in ${a.path}` : `on line ${ref.line} of ${a.path}`;
  const through = ref.file === undefined ? "" : ` (through ${ref.file})`;
  return {
    path: a.path,
    line: ref.line,
    endLine: ref.line,
    message: `\`${ref.key}\` ${where} names the Hub ${ref.kind} \`${ref.id}\`${through} ${state(ref)}; ${fix(a, ref)}.`,
  };
}

function state(ref: HubRef): string {
  if (ref.revision === undefined) return "with no revision, so each run takes whatever the repository holds that day";
  const by = ref.revisionKey === undefined || ref.revisionKey === ref.key ? "" : ` by \`${ref.revisionKey}\``;
  return VERSION_TAG.test(ref.revision)
    ? `pinned${by} to the tag \`${ref.revision}\`, which can be moved`
    : `pinned${by} to the branch \`${ref.revision}\`, which moves`;
}

function fix(a: Artifact, ref: HubRef): string {
  if (ref.revisionKey !== undefined && ref.revisionKey === ref.key) return `write a commit sha after the \`@\` in \`${ref.key}\``;
  if (ref.pinKey !== undefined) return `set \`${ref.pinKey}\` to a commit sha`;
  return `${a.config!.framework} reads no revision for \`${ref.key}\`, so train from a copy in the repository or a mirror fixed at a commit`;
}
