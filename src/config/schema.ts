import { z } from "zod";
import { SEVERITIES, type Severity } from "../severity.js";

/** A rule option's value as the repo config may set it. */
export type OptionValue = number | string | boolean | string[];

/** Per-rule settings: `enabled`, an optional severity override, and the rule's own options. */
export type RuleSettings = { enabled: boolean; severity?: Severity } & Record<string, OptionValue | undefined>;

/** The validated repo config (`.github/finetune-review.yml`) with every default filled in. */
export interface RepoConfig {
  fail_on: "error" | "warning" | "never";
  on_error: "failure" | "neutral";
  comment: "sticky" | "off";
  /** Findings this change did not introduce: listed apart (`show`), left out of the comment and annotations (`hide`), or counted (`fail`). */
  existing: "show" | "hide" | "fail";
  /** Files larger than this are `artifact-unreadable` rather than read. */
  max_file_mb: number;
  /** How far ahead a waiver's `expires` may be, in days. */
  max_waiver_days: number;
  paths: {
    configs: string[];
    datasets: string[];
    eval: string[];
    labels: string[];
    proposals: string[];
    ignore: string[];
  };
  owners: Record<string, string[]>;
  /** USD per 1M trained tokens, by model id or family prefix (e.g. `gpt-4o-mini`), for the training estimate. */
  pricing: Record<string, number>;
  rules: Record<string, RuleSettings>;
}

/**
 * What the config schema needs of a rule: its metadata and options schema. Declared here, not taken
 * from `types.ts`, which imports `RepoConfig` from this file: the two stay free of a cycle.
 */
export interface RuleOptionsSource {
  meta: { id: string; title: string; pattern: number; severity: Severity; options: Record<string, OptionValue> };
  options?: z.ZodObject;
}

const globs = z.array(z.string().min(1)).default([]);

/** The schema of an option a rule declares no schema for (rules built by hand in tests): its default's type. */
function optionSchema(value: OptionValue): z.ZodType {
  if (Array.isArray(value)) return z.array(z.string()).default(value);
  if (typeof value === "number") return z.number().min(0).default(value);
  if (typeof value === "boolean") return z.boolean().default(value);
  return z.string().default(value);
}

/**
 * One schema, built from the rules so that each rule's options are in it: the bounds from the
 * rule module's options schema, the defaults from its `rules/<id>.yml`.
 */
export function buildConfigSchema(ruleList: readonly RuleOptionsSource[]) {
  const rules = Object.fromEntries(
    ruleList.map(({ meta, options }) => [
      meta.id,
      z
        .strictObject({
          enabled: z.boolean().default(true),
          severity: z.enum(SEVERITIES).optional(),
          ...Object.fromEntries(
            Object.entries(meta.options).map(([k, v]) => {
              const declared = options?.shape[k] as z.ZodType | undefined;
              return [k, declared ? declared.default(v as never) : optionSchema(v)];
            }),
          ),
        })
        .prefault({})
        .describe(`${meta.title} (pattern ${meta.pattern}, default severity ${meta.severity})`),
    ]),
  );
  return z
    .strictObject({
      $schema: z.string().optional(),
      _extends: z.string().min(1).optional().describe("Inherit from another repo's config: `.github`, `owner/repo`, `repo:path` or `owner/repo:path`"),
      fail_on: z.enum(["error", "warning", "never"]).default("error").describe("Which severity makes the check fail"),
      on_error: z.enum(["failure", "neutral"]).default("failure").describe("Conclusion when the review itself cannot run"),
      comment: z.enum(["sticky", "off"]).default("sticky").describe("Post one sticky PR comment, or none"),
      existing: z
        .enum(["show", "hide", "fail"])
        .default("show")
        .describe(
          "Findings this change did not introduce (already on the base branch): show them apart, hide them from the comment and annotations, or let them fail the check",
        ),
      max_file_mb: z.number().positive().default(50).describe("Files above this size are not read"),
      max_waiver_days: z
        .number()
        .int()
        .min(1)
        .max(3650)
        .default(180)
        .describe("How many days ahead a waiver in .github/finetune-review-waivers.yml may expire"),
      paths: z
        .strictObject({
          configs: globs,
          datasets: globs,
          eval: globs,
          labels: globs,
          proposals: globs,
          ignore: globs,
        })
        .prefault({})
        .describe("Globs added to the built-in detection; ignore removes"),
      owners: z
        .record(z.string(), z.array(z.string().regex(/^@?[\w.-]+(\/[\w.-]+)?$|^\S+@\S+$/)))
        .default({})
        .describe("Owners in addition to CODEOWNERS"),
      pricing: z
        .record(z.string().min(1), z.number().positive())
        .default({})
        .describe(
          "USD per 1M trained tokens, by model id or family (the exact id first, then the longest prefix of it), e.g. `gpt-4o-mini: 3`: prices the training estimate",
        ),
      rules: z.strictObject(rules).prefault({}).describe("Per-rule settings, by rule id"),
    })
    .describe("finetune-review repo config (.github/finetune-review.yml)");
}
