// Regenerates the rule reference in README.md from rules/*.yml (run: npm run docs).
// A test fails when README.md and the rule files drift apart.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const root = new URL("../", import.meta.url);
const PATTERNS = {
  0: "review setup",
  1: "1 · stable task boundary",
  2: "2 · data quality, not reasoning",
  3: "3 · latency budget priced in",
  4: "4 · mature evaluation",
  5: "5 · business logic out of the weights",
  6: "6 · clear ownership",
  7: "7 · cheaper alternatives first",
};

/** How a finding of each `scope` is judged new on a change (README "How findings are scoped"). */
const SCOPES = {
  record: "per record: new when its record (by content, not line number) is not in the base version of the file",
  file: "per file: new when the base version passed and the head fails, or the head is measurably worse; the message gives both figures",
  change: "about the change itself: always new",
};

/** An option's allowed values, from the JSON Schema generated from the rules' zod options ("0–1", "a whole number ≥ 1"). */
function allowed(spec) {
  if (!spec) return "";
  if (spec.enum) return spec.enum.join(" | ");
  const what = spec.type === "integer" ? "a whole number " : spec.type === "array" ? "a list" : "";
  // A maximum of a billion or more is a guard against typos, not a range a user picks from.
  const huge = (n) => n >= 1e9;
  if (spec.minimum !== undefined && spec.maximum !== undefined && !huge(spec.maximum)) return `${what}${spec.minimum}–${spec.maximum}`;
  if (spec.minimum !== undefined) return `${what}≥ ${spec.minimum}`;
  if (spec.exclusiveMinimum !== undefined) return `${what}> ${spec.exclusiveMinimum}`;
  return what.trim();
}

/** The markdown rule reference, one section per rule, sorted by pattern then id. */
export function ruleReference() {
  const schema = JSON.parse(readFileSync(new URL("schema/finetune-review.schema.json", root), "utf8"));
  const optionSpec = (id, key) => schema.properties?.rules?.properties?.[id]?.properties?.[key];
  const rules = readdirSync(new URL("rules/", root))
    .filter((f) => f.endsWith(".yml") && f !== "detection.yml")
    .map((f) => parse(readFileSync(new URL(`rules/${f}`, root), "utf8")))
    .sort((a, b) => (a.pattern || 9) - (b.pattern || 9) || a.id.localeCompare(b.id));
  const rows = rules.map((r) => `| [\`${r.id}\`](#${r.id}) | ${PATTERNS[r.pattern]} | ${r.severity} | ${r.title} |`);
  const sections = rules.map((r) => {
    const opts = Object.entries(r.options ?? {});
    return [
      `### \`${r.id}\``,
      "",
      `**${r.title}.** Pattern: ${PATTERNS[r.pattern]}. Default severity: ${r.severity}.`,
      "",
      `- **Checks:** ${r.checks}`,
      `- **Why:** ${r.rationale}`,
      `- **Fix:** ${r.remediation}`,
      `- **On a change:** ${SCOPES[r.scope ?? "change"]}.`,
      opts.length
        ? `- **Options:** ${opts
            .map(([k, v]) => {
              const range = allowed(optionSpec(r.id, k));
              return `\`${k}\` (default \`${JSON.stringify(v)}\`${range ? `; ${range}` : ""})`;
            })
            .join(", ")}`
        : "- **Options:** none besides `enabled` and `severity`.",
      "",
    ].join("\n");
  });
  return ["| rule | pattern | severity | checks |", "|---|---|---|---|", ...rows, "", ...sections].join("\n");
}

const START = "<!-- rules:start -->";
const END = "<!-- rules:end -->";

/** README.md with its rule reference replaced by the generated one. */
export function readmeWithRules(readme) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < 0) throw new Error("README.md lacks the rules:start/rules:end markers");
  return `${readme.slice(0, a + START.length)}\n${ruleReference()}\n${readme.slice(b)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const file = new URL("README.md", root);
  writeFileSync(file, readmeWithRules(readFileSync(file, "utf8")));
}
