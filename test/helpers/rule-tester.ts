/**
 * An in-process rule tester in the manner of ESLint's RuleTester: a rule id and two tables, `valid`
 * (cases that must give no finding) and `invalid` (cases with the findings they must give). Each
 * case runs through the real registry, the real repo-config schema (its `options` are written as a
 * `.github/finetune-review.yml` and parsed) and the real engine (`runRules`: options, severity,
 * scope, caps); datasets are given as text and scanned by the real scanner, base versions included.
 */
import { describe, expect, it } from "@jest/globals";
import { stringify } from "yaml";
import { parseRepoConfig } from "../../src/config/load-config.js";
import { loadEnglishModel } from "../../src/proposal/english-model.js";
import { readBaseline } from "../../src/datasets/baseline.js";
import { scanDataset } from "../../src/datasets/index.js";
import { ruleRegistry } from "../../src/rules/registry.js";
import { scanLexicon } from "../../src/scan-lexicon.js";
import { runRules } from "../../src/run-rules.js";
import type { Artifact, DatasetScan, Finding, ReviewInput, Severity } from "../../src/types.js";

/** A dataset of a case, as its text; `base` makes it a modified file with that base version. */
export interface DatasetSpec {
  path: string;
  format: string;
  role?: "train" | "eval";
  text: string;
  base?: string;
  /** An unchanged dataset read as context (nothing in it is introduced). */
  context?: boolean;
}

/** One case: what the review sees. Fields of `input` replace the defaults built from `datasets`. */
export interface RuleCase {
  name: string;
  datasets?: DatasetSpec[];
  input?: Partial<ReviewInput>;
  /** The rule's settings in the repo config (`rules.<id>`), e.g. `{ min_ratio: 0.3 }` or `{ severity: "error" }`. */
  options?: Record<string, unknown>;
}

/** What one expected finding must have; fields left out are not compared. */
export interface ExpectedFinding {
  path?: string;
  line?: number;
  severity?: Severity;
  introduced?: boolean;
  message?: string | RegExp;
}

/** A case that must give exactly these findings of the rule, in the engine's order. */
export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

async function scan(spec: DatasetSpec): Promise<DatasetScan> {
  const role = spec.role ?? "train";
  const lexicon = scanLexicon();
  const head = await scanDataset({ path: spec.path, format: spec.format, role, chunks: Buffer.from(spec.text), lexicon, workers: 0 });
  if (spec.context) head.change = "context";
  else if (spec.base === undefined) head.change = "added";
  else {
    head.change = "modified";
    head.base = await readBaseline({ path: spec.path, head, chunks: Buffer.from(spec.base) });
  }
  return head;
}

function artifactOf(spec: DatasetSpec): Artifact {
  return {
    path: spec.path,
    kind: spec.role === "eval" ? "eval-dataset" : "dataset",
    format: spec.format,
    status: spec.base === undefined ? "added" : "modified",
  };
}

/** The review input of a case: its datasets scanned, the config parsed, everything else empty. */
export async function caseInput(ruleId: string, c: RuleCase): Promise<ReviewInput> {
  const yaml = c.options ? stringify({ rules: { [ruleId]: c.options } }) : null;
  const parsed = parseRepoConfig(yaml);
  if (!parsed.ok) throw new Error(`the case's options are not a valid config: ${parsed.problems.map((p) => `${p.keyPath}: ${p.message}`).join("; ")}`);
  const specs = c.datasets ?? [];
  const datasets = await Promise.all(specs.map(scan));
  const artifacts = specs.filter((s) => !s.context).map(artifactOf);
  const paths = specs.map((s) => s.path);
  return {
    base: "a".repeat(40),
    head: "b".repeat(40),
    headDate: new Date("2026-03-01T00:00:00Z"),
    config: parsed.config,
    changed: artifacts.map((a) => ({ path: a.path, status: a.status })),
    artifacts,
    proposal: [],
    datasets,
    labelSchemas: [],
    owners: [],
    headFiles: paths,
    evalFiles: specs.filter((s) => s.role === "eval").map((s) => s.path),
    contextConfigs: [],
    waivers: { entries: [], problems: [] },
    notes: [],
    proposes: artifacts.length > 0,
    ...c.input,
  };
}

/** Runs one rule, by id from the registry, on a case: its findings only. */
export async function runRuleCase(ruleId: string, c: RuleCase): Promise<Finding[]> {
  const rule = ruleRegistry.get(ruleId);
  if (!rule) throw new Error(`no rule "${ruleId}" in the registry`);
  const input = await caseInput(ruleId, c);
  // As the engine does before a rule that reads the proposal's language.
  if (rule.needs?.englishModel) await loadEnglishModel();
  return runRules([rule], input).filter((f) => f.ruleId === ruleId);
}

function pick(f: Finding, want: ExpectedFinding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(want) as (keyof ExpectedFinding)[]) {
    if (key === "message") continue;
    // The engine leaves `introduced` out only for findings it never decided: those count as new.
    out[key] = key === "introduced" ? (f.introduced ?? true) : f[key];
  }
  return out;
}

/** Declares one jest `describe` for the rule with an `it` per case. */
export function ruleTester(ruleId: string, tables: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    it("is in the registry", () => {
      expect(ruleRegistry.has(ruleId)).toBe(true);
    });
    for (const c of tables.valid) {
      it(`valid: ${c.name}`, async () => {
        const findings = await runRuleCase(ruleId, c);
        expect(findings.map((f) => f.message)).toEqual([]);
      });
    }
    for (const c of tables.invalid) {
      it(`invalid: ${c.name}`, async () => {
        if (!c.findings.length) throw new Error("an invalid case needs at least one expected finding");
        const findings = await runRuleCase(ruleId, c);
        expect(findings.map((f, i) => pick(f, c.findings[i] ?? {}))).toEqual(c.findings.map(({ message: _m, ...rest }) => rest));
        c.findings.forEach((want, i) => {
          if (typeof want.message === "string") expect(findings[i]!.message).toBe(want.message);
          else if (want.message) expect(findings[i]!.message).toMatch(want.message);
        });
      });
    }
  });
}
