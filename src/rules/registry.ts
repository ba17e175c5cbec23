import type { Rule, RuleMeta } from "../types.js";
import alternativesConsidered from "./alternatives-considered.js";
import artifactUnreadable from "./artifact-unreadable.js";
import businessRulesInData from "./business-rules-in-data.js";
import configInvalid from "./config-invalid.js";
import configReferences from "./config-references.js";
import datasetBalance from "./dataset-balance.js";
import datasetDuplicates from "./dataset-duplicates.js";
import datasetFormat from "./dataset-format.js";
import datasetLength from "./dataset-length.js";
import datasetSensitive from "./dataset-sensitive.js";
import datasetSize from "./dataset-size.js";
import evalCoverage from "./eval-coverage.js";
import evalLeakage from "./eval-leakage.js";
import evalSuite from "./eval-suite.js";
import fullFinetune from "./full-finetune.js";
import hubUnpinned from "./hub-unpinned.js";
import labelSchemaChange from "./label-schema-change.js";
import labelSchemaChurn from "./label-schema-churn.js";
import latencyBudget from "./latency-budget.js";
import ownership from "./ownership.js";
import reasoningFix from "./reasoning-fix.js";
import trainingBudget from "./training-budget.js";
import waiverInvalid from "./waiver-invalid.js";

/** Every rule, by id, in sorted order. Adding a rule: its module, `rules/<id>.yml`, and one line here. */
export const ruleRegistry: ReadonlyMap<string, Rule> = new Map(
  (
    [
      alternativesConsidered,
      artifactUnreadable,
      businessRulesInData,
      configInvalid,
      configReferences,
      datasetBalance,
      datasetDuplicates,
      datasetFormat,
      datasetLength,
      datasetSensitive,
      datasetSize,
      evalCoverage,
      evalLeakage,
      evalSuite,
      fullFinetune,
      hubUnpinned,
      labelSchemaChange,
      labelSchemaChurn,
      latencyBudget,
      ownership,
      reasoningFix,
      trainingBudget,
      waiverInvalid,
    ] as Rule[]
  )
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
    .map((rule) => [rule.meta.id, rule]),
);

/** Every rule, sorted by id, as a list (what the engine's gathering of `Rule.needs` takes). */
export const ruleList: readonly Rule[] = [...ruleRegistry.values()];

/** Metadata of every rule, sorted by id. */
export const ruleMetas: readonly RuleMeta[] = [...ruleRegistry.values()].map((r) => r.meta);
