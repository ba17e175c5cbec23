import { z } from "zod";
import { defineRule } from "./define-rule.js";
import { concept, findConcept, negated } from "../proposal/language.js";
import { affirmed, mentions, readAll, titled } from "../proposal/proposal-reader.js";

const words = z.array(z.string().min(1)).min(1);
const lexicon = z.strictObject({
  targets: words,
  fixes: words,
  anchors: words,
  negations: words,
  reporting: words,
  own_voice: words,
  critical: words,
  non_goal_sections: words,
  motive_sections: words,
});

/** Words before "reason" that make it the noun ("for this reason"), not the verb. */
const NOT_VERB = new Set(["the", "this", "that", "for", "one", "main", "no", "a", "good", "any", "some", "every", "only", "real", "key", "whatever"]);

export default defineRule({ id: "reasoning-fix", lexicon }, (input, _options, lx) => {
  const targets = concept(lx.targets);
  const fixes = concept(lx.fixes);
  const anchors = concept(lx.anchors);
  const negs = concept(lx.negations);
  const reporting = concept(lx.reporting);
  const own = concept(lx.own_voice);
  const critical = concept(lx.critical);
  const seen = new Set<string>();
  const out = [];
  for (const s of readAll(input).sentences) {
    if (titled(s.section, lx.non_goal_sections)) continue;
    const hits = findConcept(s.stems, targets).filter((i) => s.stems[i] !== "reason" || /^reasoning/.test(s.words[i]!) || !NOT_VERB.has(s.words[i - 1] ?? ""));
    if (!hits.length || hits.every((i) => negated(s.stems, i, negs))) continue;
    if (!affirmed(s, fixes, negs)) continue;
    const anchored = affirmed(s, anchors, negs) || (s.previous !== undefined && mentions(s.previous, anchors) && !mentions(s, negs)) || titled(s.section, lx.motive_sections);
    if (!anchored || mentions(s, critical)) continue;
    const reporter = findConcept(s.stems, reporting)[0];
    if (reporter !== undefined && findConcept(s.stems.slice(0, reporter), own).length === 0) continue;
    const key = `${s.path}:${s.line}:${s.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sentence = s.text.length > 160 ? `${s.text.slice(0, 157)}...` : s.text;
    out.push({ path: s.path, line: s.line, endLine: s.line, message: `The proposal expects fine-tuning to fix reasoning: "${sentence}".` });
  }
  return out;
});
