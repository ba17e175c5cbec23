import { scanLexiconOf } from "./rule-needs.js";
import { ruleList } from "./rules/registry.js";
import type { ScanLexicon } from "./types.js";

/** The per-record patterns of every rule that asks the dataset scan for some (see `RuleNeeds.scanLexicon`). */
export function scanLexicon(): ScanLexicon {
  return scanLexiconOf(ruleList);
}
