import { z } from "zod";
import { regexSource } from "../regex-source.js";
import { defineRule } from "./define-rule.js";
import { countOption } from "./rule-helpers.js";

/** `max_findings` is applied by the engine (see `runRules`). */
const options = { max_findings: countOption(1) };
/** The patterns the dataset scan applies to every record on this rule's behalf. */
const lexicon = z.strictObject({
  patterns: z.array(z.strictObject({ kind: z.string(), secret: z.boolean(), regex: regexSource, flags: z.string().optional() })),
});

export default defineRule({ id: "dataset-sensitive", options, lexicon, needs: { scanLexicon: (lx) => ({ sensitive: lx.patterns }) } }, (input) =>
  input.datasets.flatMap((scan) =>
    // Placeholders are said only where nothing real is found: the finding cap must not hide real data behind them.
    (scan.sensitive.some((h) => !h.placeholder) ? scan.sensitive.filter((h) => !h.placeholder) : scan.sensitive).map((hit) => ({
      path: scan.path,
      line: hit.line,
      endLine: hit.line,
      severity: hit.secret ? ("error" as const) : hit.placeholder ? ("notice" as const) : ("warning" as const),
      message: hit.placeholder
        ? `Line ${hit.line} holds contact data that looks like a placeholder (a domain or number reserved for examples): ${hit.masked}; not counted as personal data.`
        : `Line ${hit.line} holds ${hit.secret ? "a secret" : "personal data"}: ${hit.masked}.`,
    })),
  ),
);
