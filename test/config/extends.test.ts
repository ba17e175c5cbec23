import { describe, expect, it } from "@jest/globals";
import { loadRepoConfigChain, mergeConfig } from "../../src/config/load-config.js";

const org =
  'fail_on: warning\nowners:\n  "data/**": ["@acme/data"]\nrules:\n  dataset-size: { min_examples: 500 }\n  label-schema-churn: { window_days: 30 }\n';

describe("_extends (org-wide config)", () => {
  it("merges the organisation's config under the repository's own", async () => {
    const asked: string[] = [];
    const result = await loadRepoConfigChain("_extends: .github\nrules:\n  dataset-size: { min_examples: 50 }\n", {
      resolveExtends: async (spec) => (asked.push(spec), { text: org, origin: "acme/.github:.github/finetune-review.yml" }),
    });
    expect(asked).toEqual([".github"]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.fail_on).toBe("warning");
    expect(result.config.owners).toEqual({ "data/**": ["@acme/data"] });
    expect(result.config.rules["dataset-size"]!.min_examples).toBe(50);
    expect(result.config.rules["label-schema-churn"]).toEqual({ enabled: true, window_days: 30, max_changes: 2 });
  });

  it("follows a chain, and reports cycles and missing targets by key path", async () => {
    const files: Record<string, string> = { "acme/.github": "_extends: acme/policies:ml.yml\ncomment: off\n", "acme/policies:ml.yml": "fail_on: never\n" };
    const chain = await loadRepoConfigChain("_extends: acme/.github\n", { resolveExtends: async (s) => (files[s] ? { text: files[s], origin: s } : null) });
    expect(chain.ok && [chain.config.comment, chain.config.fail_on]).toEqual(["off", "never"]);
    const cycle = await loadRepoConfigChain("_extends: a\n", { resolveExtends: async (s) => ({ text: `_extends: ${s === "a" ? "b" : "a"}\n`, origin: s }) });
    expect(!cycle.ok && cycle.problems[0]!.message).toMatch(/forms a cycle/);
    const missing = await loadRepoConfigChain("fail_on: error\n_extends: nowhere\n", { resolveExtends: async () => null });
    expect(!missing.ok && missing.problems[0]).toMatchObject({ keyPath: "_extends", line: 2 });
  });

  it("validates the merged result, naming the key from either file", async () => {
    const result = await loadRepoConfigChain("_extends: .github\n", { resolveExtends: async () => ({ text: "fail_on: sometimes\n", origin: "org" }) });
    expect(!result.ok && result.problems[0]!.keyPath).toBe("fail_on");
  });

  it("without a resolver (the CLI) keeps the repo's own settings and says _extends was not followed", async () => {
    const result = await loadRepoConfigChain("_extends: .github\nfail_on: warning\n");
    expect(result.ok && result.config.fail_on).toBe("warning");
    expect(result.notes?.[0]).toMatch(/_extends: .github.*was not followed/);
  });

  it("merges mappings key by key and replaces lists", () => {
    expect(mergeConfig({ a: { x: 1, y: [1, 2] }, b: 1 }, { a: { y: [3] }, c: 2 })).toEqual({ a: { x: 1, y: [3] }, b: 1, c: 2 });
  });
});
