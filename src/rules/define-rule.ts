import { z } from "zod";
import type { ConfigProblem, Rule, RuleResult, ReviewInput, ScanLexicon } from "../types.js";
import { loadRuleMeta, parseLexicon } from "./rule-meta.js";

/** A rule's options schema: one zod field per option, with its bounds; defaults stay in `rules/<id>.yml`. */
export type OptionsShape = Record<string, z.ZodType<number | string | boolean | string[]>>;

/** A rule's {@link RuleNeeds}, written against its own option and lexicon types. */
export interface NeedsSpec<O, L> {
  historyDays?: (options: O) => number;
  duplicateThreshold?: (options: O) => number;
  scanLexicon?: (lexicon: L) => Partial<ScanLexicon>;
  invalidConfig?: (path: string, problems: readonly ConfigProblem[]) => RuleResult[];
  englishModel?: boolean;
  baseConfig?: boolean;
}

/**
 * Builds a rule from its metadata file `rules/<id>.yml` and a pure check function. `options` is
 * the zod schema of the rule's options (the check's option type is derived from it, the repo
 * config validates against it); the yml's `options` are their defaults and must pass it. `L` is
 * the rule's lexicon after its schema (which may compile regexes) has validated it at start-up.
 */
export function defineRule<S extends OptionsShape = Record<never, never>, L = undefined>(
  spec: { id: string; options?: S; lexicon?: z.ZodType<L, unknown>; needs?: NeedsSpec<z.infer<z.ZodObject<S>>, L> },
  check: (input: ReviewInput, options: z.infer<z.ZodObject<S>>, lexicon: L) => RuleResult[],
): Rule {
  const meta = loadRuleMeta(spec.id);
  const options = z.strictObject(spec.options ?? ({} as S));
  const defaults = options.safeParse(meta.options);
  if (!defaults.success) {
    const issue = defaults.error.issues[0];
    const key = issue?.code === "unrecognized_keys" ? issue.keys.join(", ") : issue?.path.join(".");
    throw new Error(`rules/${spec.id}.yml: options.${key}: ${issue?.message} (the rule module's options schema and the yml must agree)`);
  }
  const lexicon = spec.lexicon ? parseLexicon(meta, spec.lexicon) : (undefined as L);
  const needs = spec.needs;
  type O = z.infer<z.ZodObject<S>>;
  return {
    meta,
    options,
    check: (input, values) => check(input, values as O, lexicon),
    ...(needs && {
      needs: {
        ...(needs.historyDays && { historyDays: (values: Rule["meta"]["options"]) => needs.historyDays!(values as O) }),
        ...(needs.duplicateThreshold && { duplicateThreshold: (values: Rule["meta"]["options"]) => needs.duplicateThreshold!(values as O) }),
        ...(needs.scanLexicon && { scanLexicon: needs.scanLexicon(lexicon) }),
        ...(needs.invalidConfig && { invalidConfig: needs.invalidConfig }),
        ...(needs.englishModel && { englishModel: true }),
        ...(needs.baseConfig && { baseConfig: true }),
      },
    }),
  };
}
