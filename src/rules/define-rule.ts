import type { z } from "zod";
import type { Rule, RuleMeta, RuleResult, ReviewInput } from "../types.js";
import { loadRuleMeta, parseLexicon } from "./rule-meta.js";

/**
 * Builds a rule from its metadata file `rules/<id>.yml` and a pure check function.
 * `O` is the shape of the rule's options (defaults merged with the repo config); `L` is the rule's
 * lexicon after its schema (which may compile regexes) has validated it at start-up.
 */
export function defineRule<O extends RuleMeta["options"], L = undefined>(
  spec: { id: string; lexicon?: z.ZodType<L, unknown> },
  check: (input: ReviewInput, options: O, lexicon: L) => RuleResult[],
): Rule<O> {
  const meta = loadRuleMeta(spec.id);
  const lexicon = spec.lexicon ? parseLexicon(meta, spec.lexicon) : (undefined as L);
  return { meta, check: (input, options) => check(input, options, lexicon) };
}
