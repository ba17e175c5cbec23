/** Reviews one local repository in its own process and prints its peak RSS (the bench's memory figure). */
import { LocalGitSource } from "../dist/sources/local-git.js";
import { review } from "../dist/review.js";

const [dir, base, head, flag] = process.argv.slice(2);
const started = performance.now();
const source = await LocalGitSource.open(dir, base, head);
const result = await review({ source, body: "", estimate: flag !== "no-estimate" });
const ms = performance.now() - started;
const dataset = result.artifacts.find((a) => a.path === "data/train.jsonl");
const diff = result.datasets?.find((d) => d.path === "data/train.jsonl");
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, conclusion: result.conclusion, dataset, diff, estimate: result.estimate, findings: result.findings.map((f) => f.ruleId) })}\n`,
);
