import { execFile } from "node:child_process";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { CONFIG_PATH } from "./config/load-config.js";
import { UsageError } from "./sources/usage-error.js";

/** Where `init` writes the PR template; GitHub offers it as `?template=fine-tuning.md` on a new pull request. */
export const TEMPLATE_PATH = ".github/PULL_REQUEST_TEMPLATE/fine-tuning.md";

/**
 * The template's sections, in order, each with the hint shown (as an HTML comment, invisible once the PR is
 * open) under it. The headings are ones the proposal reader recognises: `reasoning-fix` reads "Why fine-tune"
 * as the motive, `alternatives-considered` the "Alternatives considered" section, `latency-budget` the budget
 * and cadence sections; "Evaluation" and "Owner" are for the human reviewer.
 */
export const TEMPLATE_SECTIONS: readonly { heading: string; hint: string }[] = [
  {
    heading: "Why fine-tune",
    hint: "What should change in the model's behaviour: tone, output format, domain vocabulary, a task's labels? Fine-tuning teaches those; it does not repair reasoning or hallucination.",
  },
  {
    heading: "Alternatives considered",
    hint: "What was tried first and how it scored: prompting or few-shot examples, retrieval, tool use, an adapter (LoRA), rules. E.g. Few-shot prompting reached 74% accuracy on data/eval.jsonl.",
  },
  {
    heading: "Latency and cost budget",
    hint: "The budget the fine-tuned model must meet, with numbers and units. E.g. p95 under 300 ms; at most $0.20 per 1k requests.",
  },
  {
    heading: "Evaluation",
    hint: "The held-out eval set and suite that gate a release, and the bar to pass. E.g. data/eval.jsonl, macro-F1 at least 0.85.",
  },
  {
    heading: "Retraining cadence",
    hint: "How often the model is retrained or refreshed, and what triggers it. E.g. Retrain monthly, or whenever eval accuracy drops below 0.85.",
  },
  {
    heading: "Owner",
    hint: "Who owns the model, its data and its retraining. E.g. @acme/ml-platform.",
  },
];

/** The PR template's text: one `##` heading per section, each with its hint as an HTML comment. */
export function prTemplate(): string {
  const intro =
    "<!-- Fine-tuning proposal, read by finetune-review. Fill in every section: one left empty, TBD or N/A counts as not stated. These comments do not show in the pull request. -->";
  return `${intro}\n\n${TEMPLATE_SECTIONS.map((s) => `## ${s.heading}\n\n<!-- ${s.hint} -->\n\n`).join("")}`.replace(/\n+$/, "\n");
}

/** A starter repo config: the defaults written out, so a team sees what it can change; it validates against the config schema. */
export function starterConfig(): string {
  return `# yaml-language-server: $schema=https://raw.githubusercontent.com/finetune-review/finetune-review/main/schema/finetune-review.schema.json
# finetune-review reads this file from the base branch of each pull request. Every key is optional;
# the README's "Repo config" section lists them all.
fail_on: error          # error | warning | never — which severity makes the check fail
on_error: failure       # failure | neutral — conclusion when the review itself cannot run
comment: sticky         # sticky | off
existing: show          # show | hide | fail — findings already on the base branch
paths:                  # globs added to the built-in detection; ignore removes
  configs: []
  datasets: []
  eval: []
  labels: []
  proposals: []         # e.g. ["docs/proposals/**/*.md"]; the PR description is always read
  ignore: []
owners: {}              # owners in addition to CODEOWNERS, e.g. "data/**": ["@acme/ml-platform"]
rules:
  reasoning-fix: { enabled: true }
  latency-budget: { enabled: true }
  alternatives-considered: { enabled: true }
`;
}

/** What `init` did with one file. */
export interface InitOutcome {
  path: string;
  action: "wrote" | "overwrote" | "kept";
}

const run = promisify(execFile);

async function workTreeTop(repoDir: string): Promise<string> {
  const dir = resolve(repoDir);
  if (
    !(await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw new UsageError(`not a git repository: ${repoDir} (no such directory)`);
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir });
    if (stdout.trim()) return stdout.trim();
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") throw new UsageError("git not found: install git or put it on PATH");
  }
  throw new UsageError(`not a git repository: ${repoDir} (init writes into a work tree)`);
}

/**
 * Writes the PR template and the starter config at the top of the work tree holding `repoDir`. An
 * existing file is kept unless `force`; each file's outcome is returned so the caller can say so.
 */
export async function runInit(repoDir: string, opts: { force?: boolean } = {}): Promise<InitOutcome[]> {
  const top = await workTreeTop(repoDir);
  const outcomes: InitOutcome[] = [];
  for (const [path, text] of [
    [TEMPLATE_PATH, prTemplate()],
    [CONFIG_PATH, starterConfig()],
  ] as const) {
    const file = join(top, path);
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (exists && !opts.force) {
      outcomes.push({ path, action: "kept" });
      continue;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text, { flag: opts.force ? "w" : "wx" });
    outcomes.push({ path, action: exists ? "overwrote" : "wrote" });
  }
  return outcomes;
}
