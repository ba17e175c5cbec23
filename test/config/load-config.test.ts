import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { configJsonSchema, defaultConfig, parseRepoConfig } from "../../src/config/load-config.js";
import { ruleMetas } from "../../src/rules/registry.js";

describe("parseRepoConfig", () => {
  it("gives every default when the file is missing or empty", () => {
    const empty = parseRepoConfig(null);
    expect(empty).toEqual({ ok: true, config: defaultConfig() });
    expect(parseRepoConfig("# nothing here\n")).toEqual(empty);
    const config = defaultConfig();
    expect(config.fail_on).toBe("error");
    expect(config.on_error).toBe("failure");
    expect(config.comment).toBe("sticky");
    expect(config.paths.ignore).toEqual([]);
    expect(config.rules["label-schema-churn"]).toEqual({ enabled: true, window_days: 90, max_changes: 2 });
    expect(config.rules["dataset-size"]).toEqual({ enabled: true, min_examples: 100 });
  });

  it("merges the design's example over the defaults", () => {
    const text = readFileSync(new URL("../fixtures/design-config.yml", import.meta.url), "utf8");
    const result = parseRepoConfig(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.owners).toEqual({ "data/**": ["@acme/ml-platform"] });
    expect(result.config.rules.ownership).toEqual({ enabled: true, severity: "error" });
    expect(result.config.rules["label-schema-churn"]).toEqual({ enabled: true, window_days: 90, max_changes: 2 });
  });

  it.each([
    ["fail_on: sometimes\n", "fail_on", 1, /one of: "error", "warning", "never"/],
    ["paths:\n  datasets: []\n  extra: []\n", "paths.extra", 3, /unknown key; remove it or use one of: configs, datasets, eval, labels, proposals, ignore/],
    ["rules:\n  label-schema-churn:\n    max_changes: two\n", "rules.label-schema-churn.max_changes", 3, /expected number/],
    ["rules:\n  no-such-rule: {}\n", "rules.no-such-rule", 2, /use one of: alternatives-considered/],
    ["rules:\n  ownership:\n    severity: fatal\n", "rules.ownership.severity", 3, /"error", "warning", "notice"/],
    ["owners:\n  data/**: team-without-at-or-slash too\n", "owners.data/**", 2, /list/],
  ])("names the key path and line of %j", (text, keyPath, line, message) => {
    const result = parseRepoConfig(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ keyPath, line });
    expect(result.problems[0]!.message).toMatch(message);
  });

  it("rejects YAML errors, custom tags and alias bombs without crashing", () => {
    const bad = parseRepoConfig("fail_on: [unclosed\n");
    expect(bad.ok).toBe(false);
    const tag = parseRepoConfig("fail_on: !!js/function 'return 1'\n");
    expect(tag.ok).toBe(false);
    if (!tag.ok) expect(tag.problems[0]!.message).toMatch(/custom tags are not allowed/);
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ..."bcdefgh".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
    ].join("\n");
    const result = parseRepoConfig(`${bomb}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/alias/i);
  });
});

describe("the JSON Schema", () => {
  it("is generated from the zod schema and committed in sync (npm run schema regenerates it)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/finetune-review.schema.json", import.meta.url), "utf8")) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });

  it("lists every rule with its options and defaults", () => {
    const schema = configJsonSchema() as { properties: { rules: { properties: Record<string, { properties: Record<string, { default?: unknown }> }> } } };
    for (const meta of ruleMetas) {
      const props = schema.properties.rules.properties[meta.id]!.properties;
      expect(props.enabled).toBeDefined();
      for (const [key, value] of Object.entries(meta.options)) expect(props[key]!.default).toEqual(value);
    }
  });
});
