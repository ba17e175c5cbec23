import { z } from "zod";
import type { ScanLexicon } from "../datasets/index.js";
import { regexSource } from "../regex-source.js";
import { parseLexicon } from "./rule-meta.js";
import { ruleRegistry } from "./registry.js";

const validRegex = regexSource;

const sensitiveSchema = z.strictObject({
  patterns: z.array(z.strictObject({ kind: z.string(), secret: z.boolean(), regex: validRegex, flags: z.string().optional() })),
});
const businessSchema = z.strictObject({ phrases: z.array(validRegex) });

let cached: ScanLexicon | undefined;

/**
 * The lexicons the dataset scanner applies per record, taken from the `dataset-sensitive` and
 * `business-rules-in-data` rule files so that the data lives beside the rules that report it.
 */
export function scanLexicon(): ScanLexicon {
  cached ??= {
    sensitive: parseLexicon(ruleRegistry.get("dataset-sensitive")!.meta, sensitiveSchema).patterns,
    businessRules: parseLexicon(ruleRegistry.get("business-rules-in-data")!.meta, businessSchema).phrases,
  };
  return cached;
}
