import { join } from "node:path";
import { z } from "zod";
import { rulesDataDir } from "../paths.js";
import { readRulesYaml } from "../rules-data.js";
import { SEVERITIES } from "../severity.js";
import type { RuleMeta } from "../types.js";

const optionValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);

/** The shape of `rules/<id>.yml`. */
export const ruleMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  pattern: z.union([0, 1, 2, 3, 4, 5, 6, 7].map((n) => z.literal(n)) as [z.ZodLiteral<0>, ...z.ZodLiteral<number>[]]),
  severity: z.enum(SEVERITIES),
  proposal: z.boolean().default(true),
  scope: z.enum(["record", "file", "change"]).default("change"),
  checks: z.string().min(1),
  rationale: z.string().min(1),
  remediation: z.string().min(1),
  options: z.record(z.string(), optionValue).default({}),
  lexicon: z.unknown().optional(),
});

/**
 * Reads and validates `rules/<id>.yml`. Throws at start-up, naming the file and key, when the
 * data is wrong: a broken rules folder is a packaging bug, not a user error.
 */
export function loadRuleMeta(id: string): RuleMeta {
  const file = join(rulesDataDir, `${id}.yml`);
  const parsed = ruleMetaSchema.safeParse(readRulesYaml(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  if (parsed.data.id !== id) throw new Error(`${file}: id is "${parsed.data.id}", expected "${id}"`);
  return parsed.data as RuleMeta;
}

/** Validates a rule's lexicon with the rule's own schema, naming the file on failure. */
export function parseLexicon<T>(meta: RuleMeta, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(meta.lexicon);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`rules/${meta.id}.yml: lexicon.${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}
