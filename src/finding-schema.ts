import { z } from "zod";
import { SEVERITIES } from "./severity.js";
import type { Finding } from "./types.js";

const RULE_ID = /^[a-z][a-z0-9-]*$/;

/** The one shape of a Finding, checked at the engine's boundary before any renderer sees it. */
export const findingSchema = z.strictObject({
  ruleId: z.string().regex(RULE_ID),
  pattern: z.number().int().min(0).max(7),
  severity: z.enum(SEVERITIES),
  title: z.string().min(1),
  message: z.string().min(1),
  remediation: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
  line: z.number().int().positive().optional(),
  endLine: z.number().int().positive().optional(),
  evidence: z.array(z.string()).optional(),
  introduced: z.boolean().optional(),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  waived: z.strictObject({ reason: z.string().min(1), approved_by: z.string().min(1), expires: z.string().min(1) }).optional(),
});

/** The schema's keys in its order: the order of the keys zod's parse gives back. */
const KEYS = Object.keys(findingSchema.shape) as Array<keyof Finding>;
/** Keys the fast path copies; a finding with any other key (a waiver, a fingerprint, an unknown one) goes to zod. */
const FAST_KEYS = new Set<string>(["ruleId", "pattern", "severity", "title", "message", "remediation", "path", "line", "endLine", "evidence", "introduced"]);
const SEVERITY_SET = new Set<unknown>(SEVERITIES);

const text = (v: unknown): boolean => typeof v === "string" && v.length > 0;
const optionalText = (v: unknown): boolean => v === undefined || text(v);
const optionalLine = (v: unknown): boolean => v === undefined || (Number.isSafeInteger(v) && (v as number) > 0);

const ORDER = new Map<string, number>(KEYS.map((k, i) => [k, i]));

/**
 * Whether the schema surely accepts `f` (never true when it would not; false sends it to zod):
 * a rule can give a finding for most records of a file, and zod costs several microseconds each.
 * "same" when, besides, its keys are already in the schema's order and it has no evidence to copy.
 */
function surelyValid(f: Finding): boolean | "same" {
  if (Object.getPrototypeOf(f) !== Object.prototype) return false;
  let last = -1;
  let ordered = true;
  for (const key of Object.getOwnPropertyNames(f)) {
    if (!FAST_KEYS.has(key)) return false;
    const at = ORDER.get(key)!;
    if (at < last) ordered = false;
    last = at;
  }
  if (Object.getOwnPropertySymbols(f).length > 0) return false;
  if (typeof f.ruleId !== "string" || !RULE_ID.test(f.ruleId)) return false;
  if (!Number.isSafeInteger(f.pattern) || f.pattern < 0 || f.pattern > 7) return false;
  if (!SEVERITY_SET.has(f.severity) || !text(f.title) || !text(f.message)) return false;
  if (!optionalText(f.remediation) || !optionalText(f.path) || !optionalLine(f.line) || !optionalLine(f.endLine)) return false;
  if (f.introduced !== undefined && typeof f.introduced !== "boolean") return false;
  if (f.evidence !== undefined) {
    if (!Array.isArray(f.evidence) || Object.getPrototypeOf(f.evidence) !== Array.prototype) return false;
    for (let i = 0; i < f.evidence.length; i++) if (typeof f.evidence[i] !== "string") return false;
  }
  return ordered && f.evidence === undefined ? "same" : true;
}

/**
 * Validates a finding; throws naming the rule when a rule produced a malformed one. Gives what
 * zod's parse gives (the present keys in the schema's order, evidence copied), and the finding
 * itself when that is already its shape: pass a finding made for the check, not one kept elsewhere.
 */
export function checkFinding(finding: Finding): Finding {
  const valid = surelyValid(finding);
  if (valid === "same") return finding;
  if (valid) {
    // What zod's parse returns: a new object with the present keys in the schema's order, a new evidence array.
    const out: Record<string, unknown> = {};
    for (const key of KEYS) if (key in finding) out[key] = key === "evidence" && finding.evidence ? [...finding.evidence] : finding[key];
    return out as unknown as Finding;
  }
  const parsed = findingSchema.safeParse(finding);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`rule ${finding.ruleId} produced a malformed finding: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data as Finding;
}
