import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTempRepo, runCli } from "./git-repo.js";
import { seeded, sentence } from "./seeded.js";

export { seeded, sentence };

/** Files to write in a commit: text, bytes, or null to delete. */
export type Files = Record<string, string | Buffer | null>;

/** Classification JSONL with `perLabel[label]` records each. */
export function classificationJsonl(perLabel: Record<string, number>, seed: number): string[] {
  const rand = seeded(seed);
  return Object.entries(perLabel).flatMap(([label, n]) => Array.from({ length: n }, () => JSON.stringify({ text: `${sentence(rand)}?`, label })));
}

/** OpenAI chat JSONL records answering with `answer(i)`. */
export function chatJsonl(n: number, seed: number, answer: (i: number) => string): string[] {
  const rand = seeded(seed);
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      messages: [
        { role: "system", content: "You route support tickets." },
        { role: "user", content: `${sentence(rand)}?` },
        { role: "assistant", content: answer(i) },
      ],
    }),
  );
}

export const LABELS = ["billing", "returns", "shipping"];

/** The well-governed proposal: owner in CODEOWNERS, LoRA config, disjoint eval set and suite, a full description. */
export const GOOD = {
  base: {
    "README.md": "# support-router\n",
    ".github/CODEOWNERS": "* @acme/ml-platform\n",
    "labels.yaml": `labels:\n${LABELS.map((l) => `  - ${l}`).join("\n")}\n`,
    "evals/suite.yaml": "description: routing regression suite\ntests:\n  - vars: { ticket: refund please }\n    assert: [{ type: equals, value: returns }]\n",
  } as Files,
  head: {
    "configs/router-lora.yml": [
      "base_model: meta-llama/Llama-3.2-1B-Instruct",
      "adapter: lora",
      "lora_r: 16",
      "lora_alpha: 32",
      "sequence_len: 2048",
      "datasets:",
      "  - path: data/train.jsonl",
      "    type: chat_template",
      "test_datasets:",
      "  - path: data/eval.jsonl",
      "    type: chat_template",
      "output_dir: ./outputs/router",
      "revision_of_model: 9213176726f574b556790deb65791e0c5aa438b6",
      "",
    ].join("\n"),
    "data/train.jsonl": `${classificationJsonl({ billing: 40, returns: 40, shipping: 40 }, 1).join("\n")}\n`,
    "data/eval.jsonl": `${classificationJsonl({ billing: 10, returns: 10, shipping: 10 }, 2).join("\n")}\n`,
  } as Files,
  body: [
    "## Proposal: fine-tune a LoRA adapter for ticket routing",
    "The label set (billing, returns, shipping) has been stable for a year.",
    "Alternatives tried: few-shot prompting and retrieval over past tickets; both plateaued at 81% accuracy.",
    "Eval plan: held-out data/eval.jsonl and the regression suite in evals/suite.yaml gate every release.",
    "Latency budget: p95 under 300 ms at $0.20 per 1k requests.",
    "Retraining cadence: monthly, owned by @acme/ml-platform.",
    "",
  ].join("\n"),
};

/** A pull request to review: files on main, dated history commits on main, files on the PR branch, a description. */
export interface Scenario {
  base?: Files;
  /** Commits on main after the base commit, each with its date (the label churn cases). */
  history?: { files: Files; date: string }[];
  head?: Files;
  body?: string;
  /** Start from an empty repo instead of the well-governed proposal. */
  bare?: boolean;
  args?: string[];
}

/** What the CLI printed, with the JSON parsed. */
export interface ScenarioResult {
  code: number;
  stdout: string;
  stderr: string;
  json: {
    conclusion: string;
    artifacts: { path: string; kind: string; format: string }[];
    findings: { ruleId: string; pattern: number; severity: string; message: string; remediation?: string; path?: string; line?: number }[];
  };
  dir: string;
}

/** Builds the scenario as a real git repository with dated commits and reviews it through the CLI as a process. */
export async function reviewScenario(s: Scenario): Promise<ScenarioResult> {
  const repo = await createTempRepo();
  const bodyDir = await mkdtemp(join(tmpdir(), "ftr-body-"));
  try {
    await repo.commit({ ...(s.bare ? {} : GOOD.base), ...s.base }, { date: "2026-01-10T10:00:00Z", message: "base" });
    for (const h of s.history ?? []) await repo.commit(h.files, { date: h.date, message: `history ${h.date}` });
    await repo.branch("proposal");
    await repo.commit({ ...(s.bare ? {} : GOOD.head), ...s.head }, { date: "2026-03-01T10:00:00Z", message: "proposal" });
    const bodyFile = join(bodyDir, "body.md");
    await writeFile(bodyFile, s.body ?? (s.bare ? "" : GOOD.body));
    const args = s.args ?? ["--format", "json"];
    const res = await runCli(["review", "--repo", repo.dir, "--base", "main", "--head", "proposal", "--body-file", bodyFile, ...args]);
    let json: ScenarioResult["json"];
    try {
      json = JSON.parse(res.stdout) as ScenarioResult["json"];
    } catch {
      json = { conclusion: "", artifacts: [], findings: [] };
    }
    return { ...res, json, dir: repo.dir };
  } finally {
    await repo.cleanup();
    await rm(bodyDir, { recursive: true, force: true });
  }
}
