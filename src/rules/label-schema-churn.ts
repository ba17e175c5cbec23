import type { LabelVersion } from "../types.js";
import { defineRule } from "./define-rule.js";
import { countOption, diffLabels, shortDate, shortSha } from "./rule-helpers.js";

const options = { window_days: countOption(1), max_changes: countOption(0) };

/** One label-set change between two consecutive versions. */
export interface LabelChange {
  from: LabelVersion;
  to: LabelVersion;
  added: string[];
  removed: string[];
}

/** Label-set changes (not commits) among versions newest first, oldest change first. */
export function labelChanges(history: readonly LabelVersion[]): LabelChange[] {
  const oldestFirst = [...history].reverse();
  const changes: LabelChange[] = [];
  for (let i = 1; i < oldestFirst.length; i++) {
    const from = oldestFirst[i - 1]!;
    const to = oldestFirst[i]!;
    const { added, removed } = diffLabels(from.labels, to.labels);
    if (added.length || removed.length) changes.push({ from, to, added, removed });
  }
  return changes;
}

export default defineRule({ id: "label-schema-churn", options, needs: { historyDays: (o) => o.window_days } }, (input, options) => {
  const since = new Date(input.headDate.getTime() - options.window_days * 86_400_000);
  return input.labelSchemas.flatMap((schema) => {
    const inWindow = schema.history.filter((v) => v.date >= since);
    const changes = labelChanges(inWindow);
    if (changes.length <= options.max_changes) return [];
    const first = changes[0]!.from.labels.length;
    const last = changes[changes.length - 1]!.to.labels.length;
    return [
      {
        path: schema.path,
        message:
          `The label set of ${schema.path} changed ${changes.length} times in the ${options.window_days} days ` +
          `before ${shortDate(input.headDate)} (more than ${options.max_changes}); it went from ${first} to ${last} labels.`,
        evidence: changes.map(
          (c) =>
            `${shortDate(c.to.date)} ${shortSha(c.to.sha)}: ${c.from.labels.length} → ${c.to.labels.length} labels` +
            (c.added.length ? `; added ${c.added.join(", ")}` : "") +
            (c.removed.length ? `; removed ${c.removed.join(", ")}` : ""),
        ),
      },
    ];
  });
});
