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

export default defineRule({ id: "hub-unpinned", lexicon, needs: { baseConfig: true } }, (input, _options, lx) => {
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
    .flatMap((a) => {
      const base = baseRefs(a);
      return a
        .config!.hubRefs!.filter((ref) => ref.revision === undefined || !COMMIT_SHA.test(ref.revision))
        // A registry entry changed in the same PR is reported there, once, not again at each config that names it.
        .filter((ref) => ref.file === undefined || !changed.has(ref.file))
        .filter((ref) => !localOwners.has(ref.id.split("/")[0]!.toLowerCase()))
        .filter((ref) => !inRepo(ref.id) && !inRepo(posix.join(posix.dirname(a.path), ref.id)))
        .map((ref) => ({ ...finding(a, ref), introduced: !takeFromBase(base, ref) }));
    });
});

/**
 * The base version's references, counted by what they name (key without list indexes, kind, id, revision, registry):
 * a dataset inserted above the others shifts `datasets[0]` to `datasets[1]` but introduces only itself.
 */
function baseRefs(a: Artifact): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of a.baseConfig?.hubRefs ?? []) counts.set(refKey(b), (counts.get(refKey(b)) ?? 0) + 1);
  return counts;
}

function refKey(r: HubRef): string {
  return JSON.stringify([r.key.replace(/\[\d+\]/g, "[]"), r.kind, r.id, r.revision ?? null, r.file ?? null]);
}

/** Whether the base named this reference the same way, once per base reference. */
function takeFromBase(base: Map<string, number>, ref: HubRef): boolean {
  const n = base.get(refKey(ref)) ?? 0;
  if (n > 0) base.set(refKey(ref), n - 1);
  return n > 0;
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
