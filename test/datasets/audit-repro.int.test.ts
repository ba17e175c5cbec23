/** The audit's repros that need a whole review of a git repository: what every output is built from. */
import { describe, expect, it } from "@jest/globals";
import { OUTPUT_FORMATS, renderReview } from "../../src/render/index.js";
import { ruleMetas } from "../../src/rules/registry.js";
import { review } from "../../src/review.js";
import { LocalGitSource } from "../../src/sources/local-git.js";
import { createTempRepo } from "../helpers/git-repo.js";

const EMAIL = "priya.patel@woodgrove-bank.com";

describe("a label that is an email address", () => {
  it("is masked in the dataset diff as in the findings", async () => {
    const repo = await createTempRepo();
    try {
      const rows = (extra: string[]) => ["text,label", "card lost,cards-team", "card stolen,cards-team", "loan rate?,loans-team", ...extra].join("\n") + "\n";
      await repo.commit({ "data/routing.csv": rows([]) });
      await repo.branch("proposal");
      await repo.commit({ "data/routing.csv": rows([`refund please,${EMAIL}`, "refund now,cards-team"]) });
      const result = await review({ source: await LocalGitSource.open(repo.dir, "main", "proposal"), estimate: false });
      const diff = result.datasets?.find((d) => d.path === "data/routing.csv");
      expect(diff?.head.labels).toEqual({ "cards-team": 3, "loans-team": 1, "p***@… (email)": 1 });
      for (const format of OUTPUT_FORMATS) expect(renderReview(format, result, ruleMetas)).not.toContain(EMAIL);
    } finally {
      await repo.cleanup();
    }
  });
});

describe("a broken CSV row or JSON element that the change adds", () => {
  it("is introduced, though the base had another broken one with the same message", async () => {
    const key = "sk-proj-" + "Fk41QzAb3dEf6hIj9kLm2nOp";
    const repo = await createTempRepo();
    try {
      await repo.commit({
        "data/tickets.csv": "text,label\nhello,billing\nold, bad row,billing\nbye,shipping\n",
        "data/alpaca.json": '[\n  {"instruction": "Say hi", "input": "", "output": "Hi"},\n  {"instruction": "Old", "input": "", "output": "x" "y"}\n]\n',
      });
      await repo.branch("proposal");
      await repo.commit({
        "data/tickets.csv": `text,label\nmy key ${key}, see,billing\nhello,billing\nbye,shipping\n`,
        "data/alpaca.json": `[\n  {"instruction": "Store ${key}", "input": "", "output": "x" "y"},\n  {"instruction": "Say hi", "input": "", "output": "Hi"}\n]\n`,
      });
      const result = await review({ source: await LocalGitSource.open(repo.dir, "main", "proposal"), estimate: false });
      const shown = result.findings
        .filter((f) => f.ruleId === "dataset-sensitive" || f.ruleId === "dataset-format")
        .map((f) => [f.ruleId, f.path, f.line, f.introduced])
        .sort();
      expect(shown).toEqual([
        ["dataset-format", "data/alpaca.json", 2, true],
        ["dataset-format", "data/tickets.csv", 2, true],
        ["dataset-sensitive", "data/alpaca.json", 2, true],
        ["dataset-sensitive", "data/tickets.csv", 2, true],
      ]);
    } finally {
      await repo.cleanup();
    }
  });
});

describe("a JSONL line that is not UTF-8 which the change adds", () => {
  it("is introduced, though the base had another with the same bad byte at the same column", async () => {
    const key = "sk-proj-" + "Fk51QzAb3dEf6hIj9kLm2nOp";
    const ok = '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}\n';
    // Both bad lines put their Latin-1 "é" at column 36; only the new one holds a key.
    const bad = (text: string) =>
      Buffer.from(`{"messages": [{"role": "user", "content": "caf\u00e9 ${text}"}, {"role": "assistant", "content": "ok"}]}\n`, "latin1");
    const old = bad("visit, table for two");
    const added = bad(`key ${key}`);
    const repo = await createTempRepo();
    try {
      await repo.commit({ "data/train.jsonl": Buffer.concat([Buffer.from(ok + ok), old]) });
      await repo.branch("proposal");
      await repo.commit({ "data/train.jsonl": Buffer.concat([added, Buffer.from(ok + ok)]) });
      const result = await review({ source: await LocalGitSource.open(repo.dir, "main", "proposal"), estimate: false });
      const shown = result.findings
        .filter((f) => f.ruleId === "dataset-sensitive" || f.ruleId === "dataset-format")
        .map((f) => [f.ruleId, f.line, f.introduced, f.message.replace(/^.*: /, "")])
        .sort();
      expect(shown).toEqual([
        ["dataset-format", 1, true, expect.stringMatching(/^not valid UTF-8 \(byte 0xE9 at column \d+\)\.$/)],
        ["dataset-sensitive", 1, true, "sk-p… (openai-api-key)."],
      ]);
    } finally {
      await repo.cleanup();
    }
  });
});
