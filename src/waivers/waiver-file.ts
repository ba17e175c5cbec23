/**
 * `.github/finetune-review-waivers.yml`: accountable exceptions, one entry per reviewed finding or
 * group of findings. Parsing is per entry, so one malformed entry never hides the others.
 */
import { isMap, isSeq, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { parseYamlSafely } from "../safe-yaml.js";
import type { Waiver, WaiverOrigin, WaiverProblem } from "../types.js";

/** Where waivers live; read from the base ref (and, in the App, the head's additions). */
export const WAIVERS_PATH = ".github/finetune-review-waivers.yml";

/** The entries of a waivers file that have the right shape, and the problems of the others. */
export interface WaiverFile {
  entries: Waiver[];
  problems: WaiverProblem[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The shape of one entry; `expires` may be a YAML date written bare (`2027-03-01`). */
export const waiverEntrySchema = z.strictObject({
  rule: z.string().regex(/^[a-z][a-z0-9-]*$/, "a rule id such as dataset-sensitive"),
  path: z.string().min(1, "a glob such as data/synthetic/**"),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{8,64}$/, "the hex value of the finding's SARIF partialFingerprints entry")
    .optional(),
  reason: z.string().trim().min(1, "say why the finding is accepted"),
  approved_by: z.string().regex(/^@[\w.-]+(\/[\w.-]+)?$/, "an owner of the path, e.g. @acme/ml-platform"),
  expires: z.union([z.string(), z.date()]).transform((v, ctx) => {
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (!ISO_DATE.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
      ctx.addIssue({ code: "custom", message: "a date written YYYY-MM-DD" });
      return z.NEVER;
    }
    return text;
  }),
});

const FIX: Record<string, string> = {
  rule: "set `rule` to the id of the rule whose findings it waives",
  path: "set `path` to a glob of the files it covers",
  fingerprint: "copy the finding's fingerprint from the SARIF output (`--format sarif`, partialFingerprints) or leave it out",
  reason: "write the `reason` the finding was accepted",
  approved_by: "set `approved_by` to an owner of the path",
  expires: "set `expires` to a date (YYYY-MM-DD)",
};

function lineOfNode(node: YamlNode | null | undefined, lineAt: (offset: number) => number): number | undefined {
  return node?.range ? lineAt(node.range[0]) : undefined;
}

/**
 * Parses a waivers file. A file that is not YAML, or has no `waivers` list, is one problem; each
 * entry is validated on its own, with the line of the key at fault.
 */
export function parseWaiverFile(text: string, origin: WaiverOrigin, fileName = WAIVERS_PATH): WaiverFile {
  const { doc, lineCounter, problems: yamlProblems, value } = parseYamlSafely(text, { uniqueKeys: true, maxAliasCount: 50 });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (yamlProblems.length) {
    return { entries: [], problems: yamlProblems.map((p) => ({ key: "", line: p.line, origin, message: `${fileName} cannot be read: ${p.message}.` })) };
  }
  if (value === null || value === undefined) return { entries: [], problems: [] };
  const list = (value as { waivers?: unknown }).waivers;
  const keys = typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
  if (!Array.isArray(list) || keys.some((k) => k !== "waivers")) {
    return {
      entries: [],
      problems: [
        {
          key: "waivers",
          line: 1,
          origin,
          message: `${fileName} must be a mapping with one key, \`waivers\`, holding a list of entries (see the README's waivers section).`,
        },
      ],
    };
  }
  const seq = doc.get("waivers", true);
  const items = isSeq(seq) ? seq.items : [];
  const entries: Waiver[] = [];
  const problems: WaiverProblem[] = [];
  list.forEach((raw, index) => {
    const node = items[index] as YamlNode | undefined;
    const line = lineOfNode(node, lineAt);
    const parsed = waiverEntrySchema.safeParse(raw);
    if (parsed.success) {
      entries.push({ ...parsed.data, ...(line !== undefined && { line }), origin });
      return;
    }
    for (const issue of parsed.error.issues) {
      const unknown = issue.code === "unrecognized_keys" ? issue.keys : [];
      const key = String(unknown[0] ?? issue.path[0] ?? "");
      const keyNode = isMap(node) ? node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key)?.key : undefined;
      const at = lineOfNode(keyNode as YamlNode | undefined, lineAt) ?? line;
      const what =
        issue.code === "unrecognized_keys"
          ? `unknown key \`${key}\`; the keys are rule, path, fingerprint, reason, approved_by, expires`
          : issue.code === "invalid_type" && raw !== null && typeof raw === "object" && !(key in raw)
            ? `\`${key}\` is required; ${FIX[key] ?? "add it"}`
            : `\`${key || "entry"}\` must be ${issue.message.replace(/^Invalid input: expected /, "")}; ${FIX[key] ?? "see the README's waivers section"}`;
      problems.push({ key, ...(at !== undefined && { line: at }), origin, message: `${fileName}${at ? `:${at}` : ""}: waivers[${index}]: ${what}.` });
    }
  });
  return { entries, problems };
}
