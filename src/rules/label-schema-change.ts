import { defineRule } from "./define-rule.js";
import { diffLabels, listSome } from "./rule-helpers.js";

export default defineRule({ id: "label-schema-change" }, (input) =>
  input.labelSchemas.flatMap((schema) => {
    if (!schema.baseLabels || !schema.headLabels) return [];
    const { added, removed } = diffLabels(schema.baseLabels, schema.headLabels);
    if (!added.length && !removed.length) return [];
    const stillUsed = removed.flatMap((label) =>
      input.datasets
        .filter((d) => d.labelLines[label] !== undefined && d.path !== schema.path)
        .map((d) => `${label} is still used by ${d.path}:${d.labelLines[label]} (${d.labelCounts[label]} examples)`),
    );
    const parts = [
      `${schema.path} goes from ${schema.baseLabels.length} to ${schema.headLabels.length} labels`,
      added.length ? `added ${added.length} (${listSome(added)})` : "",
      removed.length ? `removed ${removed.length} (${listSome(removed)})` : "",
    ].filter(Boolean);
    const firstAdded = added.map((l) => schema.lines[l]).find((n) => n !== undefined);
    return [
      {
        path: schema.path,
        line: firstAdded,
        severity: stillUsed.length ? "warning" : undefined,
        message:
          parts.join("; ") +
          "." +
          (stillUsed.length ? ` ${stillUsed.length} removed label(s) still have training examples.` : ""),
        evidence: [...added.map((l) => `+ ${l}`), ...removed.map((l) => `- ${l}`), ...stillUsed],
      },
    ];
  }),
);
