/**
 * Webhook security and secrets through the real server: slash commands that must run nothing, and a
 * review whose data holds API keys, with LOG_LEVEL=trace, whose logs must hold none of them.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { deliver, waitFor } from "../helpers/app-server.js";
import type { TempRepo } from "../helpers/git-repo.js";
import { GOOD } from "../helpers/proposal-scenario.js";
import { completedOn, prPayload, proposalRepo, slashComment, startStack, type Stack } from "./harness.js";

const OPENAI = `sk-proj-${"A1b2C3d4E5".repeat(4)}`;
const AWS = "AKIAIOSFODNN7EXAMPLE";
const GH = `ghp_${"x9Y8z7W6v5".repeat(3)}123456`;

let repo: TempRepo;
let baseSha: string;
let headSha: string;
let stack: Stack;

beforeAll(async () => {
  const secrets = [OPENAI, AWS, GH].map((k, i) => JSON.stringify({ text: `use key ${k} to call the api ${i}`, label: "billing" })).join("\n");
  ({ repo, baseSha, headSha } = await proposalRepo({ head: { "data/train.jsonl": `${GOOD.head["data/train.jsonl"]}${secrets}\n` } }));
  stack = await startStack(repo.dir, { env: { LOG_LEVEL: "trace" } });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await repo?.cleanup();
});

describe("webhook security", () => {
  it("a review of data holding API keys logs none of them, nor the App's token or key", async () => {
    await deliver(stack.server, "pull_request", prPayload("opened", 2, headSha, baseSha));
    await waitFor(() => completedOn(stack.fake, headSha).length === 1, 60_000);
    const run = completedOn(stack.fake, headSha)[0]!;
    expect(JSON.stringify(run.output)).toContain("dataset-sensitive");
    const logs = stack.server.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [OPENAI, AWS, GH, stack.server.secret, stack.server.privateKey.split("\n")[1]!]) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/ghs_fake\w+/);
    for (const secret of [OPENAI, AWS, GH]) expect(JSON.stringify(stack.fake.checkRuns) + JSON.stringify(stack.fake.comments)).not.toContain(secret);
  }, 90_000);

  it.each([
    ["a reader", "/finetune-review", { login: "reader", type: "User" }, "created"],
    ["a bot", "/finetune-review", { login: "other-app[bot]", type: "Bot" }, "created"],
    ["an edited comment", "/finetune-review", { login: "maintainer", type: "User" }, "edited"],
    ["a quote", "> /finetune-review", { login: "maintainer", type: "User" }, "created"],
    ["a code block", "```\n/finetune-review\n```", { login: "maintainer", type: "User" }, "created"],
  ])("a slash command from %s runs nothing", async (_name, body, user, action) => {
    const before = stack.fake.checkRuns.length;
    const writesBefore = stack.fake.requests.filter((r) => r.route.includes("check-runs") && r.method !== "GET").length;
    expect(await slashComment(stack, 2, body, user, action)).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 1500));
    expect(stack.fake.checkRuns.length).toBe(before);
    expect(stack.fake.requests.filter((r) => r.route.includes("check-runs") && r.method !== "GET").length).toBe(writesBefore);
    expect(stack.fake.reactions.filter((r) => r.content === "eyes")).toHaveLength(0);
  });
});
