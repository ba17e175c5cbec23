import { z } from "zod";
import { SEVERITIES } from "./severity.js";
import type { Finding } from "./types.js";

/** The one shape of a Finding, checked at the engine's boundary before any renderer sees it. */
export const findingSchema = z.strictObject({
  ruleId: z.string().regex(/^[a-z][a-z0-9-]*$/),
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
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  waived: z.strictObject({ reason: z.string().min(1), approved_by: z.string().min(1), expires: z.string().min(1) }).optional(),
});

/** Validates a finding; throws naming the rule when a rule produced a malformed one. */
export function checkFinding(finding: Finding): Finding {
  const parsed = findingSchema.safeParse(finding);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`rule ${finding.ruleId} produced a malformed finding: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data as Finding;
}
