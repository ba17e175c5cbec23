/**
 * GitHub Action mode: the App's event handlers run once on the workflow's event, authenticated with
 * the workflow's token, and the step fails when the review's check run concludes `failure`.
 *
 * The engine is called directly (not through @probot/adapter-github-actions) because the App's
 * `botLogin` asks `GET /app`, which a workflow token cannot, and because the step's exit code must
 * follow the review's conclusion, which the adapter does not report.
 */
import { appendFile, readFile } from "node:fs/promises";
import { pino, type DestinationStream } from "pino";
import { Context, ProbotOctokit, type Logger } from "probot";
import { serialiseWrites, throttleFor } from "./github/octokit.js";
import { readSettings, type Settings } from "./settings.js";
import { PULL_REQUEST_ACTIONS, onIssueComment, onMergeGroup, onPullRequest, type HandlerDeps } from "./github/events.js";

/** Where Action mode reads its inputs from: `process.env` of the runner, or a test's record. */
export type ActionEnv = Readonly<Record<string, string | undefined>>;

/** Options of {@link runAction}. */
export interface ActionOptions {
  /** Default `process.env`. */
  env?: ActionEnv;
  /** Default `ProbotOctokit`; tests turn retries and throttling off through it. */
  Octokit?: typeof ProbotOctokit;
  /** Where log lines (workflow commands) go; default stdout. */
  out?: NodeJS.WritableStream;
}

/** What one run of the action did. */
export interface ActionResult {
  /** The step's exit code: 1 when the review failed or could not be reported. */
  exitCode: 0 | 1;
  /** The check run's conclusion, when a review ran and completed it. */
  conclusion?: string;
}

/** The login a workflow's `GITHUB_TOKEN` writes comments as. */
export const WORKFLOW_BOT_LOGIN = "github-actions[bot]";

/** Events the action handles; `pull_request_target` carries the same payload as `pull_request`. */
export const ACTION_EVENTS = ["pull_request", "pull_request_target", "issue_comment", "merge_group"] as const;

const LEVEL_NAMES: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "error" };
const OMIT = new Set(["level", "time", "msg", "pid", "hostname", "name"]);

/** Workflow-command data must not carry raw `%`, CR or LF. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A pino logger whose lines are workflow commands: errors and warnings become annotations on the run. */
export function actionLogger(out: NodeJS.WritableStream, level: string): Logger {
  const destination: DestinationStream = {
    write(line: string) {
      const record = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.fromEntries(Object.entries(record).filter(([k]) => !OMIT.has(k)));
      const text = `${String(record.msg ?? "")}${Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : ""}`;
      const name = LEVEL_NAMES[Number(record.level)] ?? "info";
      if (name === "error" || name === "warning") out.write(`::${name}::${escapeData(text)}\n`);
      else if (name === "debug" || name === "trace") out.write(`::debug::${escapeData(text)}\n`);
      else out.write(`${text}\n`);
    },
  };
  return pino({ level, base: undefined, timestamp: false }, destination);
}

/** An action input as the runner passes it: `INPUT_<NAME>` with the name upper-cased, dashes kept. */
function input(env: ActionEnv, name: string): string | undefined {
  const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
  return value ? value : undefined;
}

/** Runs the review for the workflow's event and reports it as the App would; resolves to the step's outcome. */
export async function runAction(options: ActionOptions = {}): Promise<ActionResult> {
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  let settings: Settings;
  try {
    settings = readSettings(env);
  } catch (error) {
    actionLogger(out, "info").error(`finetune-review: ${(error as Error).message}`);
    return { exitCode: 1 };
  }
  const log = actionLogger(out, env.RUNNER_DEBUG === "1" ? "debug" : (settings.LOG_LEVEL ?? "info"));
  const fail = (message: string): ActionResult => {
    log.error(message);
    return { exitCode: 1 };
  };

  const eventName = env.GITHUB_EVENT_NAME;
  const eventPath = env.GITHUB_EVENT_PATH;
  const token = input(env, "github-token") ?? env.GITHUB_TOKEN;
  if (!eventName || !eventPath)
    return fail("GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: run finetune-review's action inside a GitHub Actions workflow");
  if (!token) return fail("no token: pass `github-token: ${{ github.token }}` to the action (its default) or set GITHUB_TOKEN");
  if (!(ACTION_EVENTS as readonly string[]).includes(eventName)) {
    return fail(`finetune-review does not handle the '${eventName}' event; trigger the workflow on ${ACTION_EVENTS.join(", ")}`);
  }
  let payload: Record<string, unknown> & { action?: string };
  try {
    payload = JSON.parse(await readFile(eventPath, "utf8")) as typeof payload;
  } catch (error) {
    return fail(`cannot read the event file ${eventPath}: ${(error as Error).message}`);
  }

  const Octokit = options.Octokit ?? ProbotOctokit;
  // The App's pacing: no fixed 1 s between writes, one write at a time, GitHub's retry-after honoured (bounded).
  const octokit = new Octokit({ auth: { token }, baseUrl: env.GITHUB_API_URL ?? "https://api.github.com", log, throttle: throttleFor(0, log) });
  serialiseWrites(octokit, "action");
  // The handlers report through the check run; its completing request is where the conclusion is read.
  let started = false;
  let conclusion: string | undefined;
  let summary: string | undefined;
  octokit.hook.before("request", (req) => {
    if (req.method === "POST" && /\/check-runs$/.test(req.url)) started = true;
  });
  octokit.hook.after("request", (_res, req) => {
    const body = req as { url: string; conclusion?: unknown; output?: { summary?: unknown } };
    if (!body.url.includes("/check-runs") || typeof body.conclusion !== "string") return;
    conclusion = body.conclusion;
    if (typeof body.output?.summary === "string") summary = body.output.summary;
  });

  const deps: HandlerDeps = {
    botLogin: async () => input(env, "bot-login") ?? WORKFLOW_BOT_LOGIN,
    timeoutMs: settings.REVIEW_TIMEOUT_MS,
  };
  const id = env.GITHUB_RUN_ID ?? "action";
  // The event file holds the webhook payload of GITHUB_EVENT_NAME (checked above); its type is asserted here, once.
  const contextFor = <E extends "pull_request" | "issue_comment.created" | "merge_group.checks_requested">(name: string) =>
    new Context<E>({ id, name, payload } as unknown as ConstructorParameters<typeof Context<E>>[0], octokit, log);
  try {
    if (eventName === "pull_request" || eventName === "pull_request_target") {
      if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(payload.action ?? "")) {
        log.info(`nothing to review for pull_request.${payload.action ?? ""}`);
        return { exitCode: 0 };
      }
      await onPullRequest(deps, contextFor<"pull_request">("pull_request"));
    } else if (eventName === "issue_comment") {
      if (payload.action !== "created") {
        log.info(`nothing to do for issue_comment.${payload.action ?? ""}`);
        return { exitCode: 0 };
      }
      await onIssueComment(deps, contextFor<"issue_comment.created">("issue_comment"));
    } else {
      if (payload.action !== "checks_requested") return { exitCode: 0 };
      await onMergeGroup(deps, contextFor<"merge_group.checks_requested">("merge_group"));
    }
  } catch (error) {
    return fail(`finetune-review failed: ${(error as Error).message.split("\n")[0]}`);
  }

  if (env.GITHUB_OUTPUT && conclusion) await appendFile(env.GITHUB_OUTPUT, `conclusion=${conclusion}\n`);
  if (env.GITHUB_STEP_SUMMARY && summary) await appendFile(env.GITHUB_STEP_SUMMARY, `${summary}\n`);
  if (started && !conclusion) {
    return fail("the review's check run could not be completed: the workflow needs `permissions: checks: write, contents: read, pull-requests: write`");
  }
  if (conclusion && conclusion !== "success" && conclusion !== "neutral") {
    log.error(`the fine-tuning review concluded ${conclusion}; see the "Fine-tuning review" check for its findings`);
    return { exitCode: 1, conclusion };
  }
  return { exitCode: 0, conclusion };
}
