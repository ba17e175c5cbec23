import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { executeQuery, type GqlObject } from "./fake-graphql.js";

/** Repository permission levels as GitHub's collaborator API knows them. */
export type PermissionLevel = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** Options of {@link startFakeGitHub}. */
export interface FakeGitHubOptions {
  /** A git repository whose branches and history back every read endpoint. */
  repoDir: string;
  owner: string;
  repo: string;
  appId?: number;
  /** Default "finetune-review"; the bot user is `<slug>[bot]`. */
  appSlug?: string;
  installationId?: number;
  pulls?: FakePull[];
  /** Collaborator permission per login; anyone else has "read". */
  permissions?: Record<string, PermissionLevel>;
  /** Branch used when a request names no ref (GitHub's default branch). Default "main". */
  defaultBranch?: string;
  /** GitHub's caps, lowered by tests that exercise truncation without huge fixtures. */
  limits?: Partial<FakeGitHubLimits>;
}

/** GitHub's size and count caps that change what an endpoint returns. */
export interface FakeGitHubLimits {
  /** Files listed by the pull request files endpoint across all pages (GitHub: 3,000). */
  pullFiles: number;
  /** Files in a compare response (GitHub: 300). */
  compareFiles: number;
  /** Entries of a recursive tree before `truncated: true` (GitHub: 100,000). */
  treeEntries: number;
  /** Largest file the contents API returns raw; larger ones get 403 `too_large` (GitHub: 100 MB). */
  contentsRawBytes: number;
  /** Largest file whose base64 content the contents API inlines; larger ones get `encoding: "none"` (GitHub: 1 MB). */
  contentsJsonBytes: number;
  /** Largest blob whose whole `text` GraphQL returns; larger ones come back with `isTruncated: true`. */
  graphqlBlobTextBytes: number;
}

/** A pull request served by the fake; its head and base shas are resolved from git on every request. */
export interface FakePull {
  number: number;
  /** Branch names in repoDir. */
  baseRef: string;
  headRef: string;
  title?: string;
  body?: string;
  user?: string;
  draft?: boolean;
  state?: "open" | "closed";
  /**
   * Set for a pull request from a fork: `headRef` is then the fork's branch, unknown to the base
   * repository's API (404), which serves the head by its sha or as `refs/pull/N/head`.
   */
  headRepoFullName?: string;
}

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  /** Without the `/api/v3` prefix, with the query string. */
  path: string;
  /** Templated, e.g. "GET /repos/{owner}/{repo}/pulls/{pull_number}"; the literal path for unknown routes. */
  route: string;
  body: unknown;
  /** 0 while in flight, -1 for an injected connection reset, else the status sent. */
  status: number;
  /** When the request arrived and when its answer was sent (ms since the epoch; no answer: undefined). */
  arrivedAt: number;
  answeredAt?: number;
}

/** A check run as written by the app. */
export interface FakeCheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
  details_url?: string;
  /** Every create/update body, in order. */
  history: unknown[];
}

/** An issue comment. */
export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

/** A failure to inject with {@link FakeGitHub.fail}. */
export interface FailSpec {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** Destroy the connection instead of answering. */
  reset?: boolean;
  /** Wait before answering (or before the failure); with nothing else set, the request then succeeds. */
  delayMs?: number;
}

/** A running fake GitHub REST API. */
export interface FakeGitHub {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, for GHE_HOST. */
  host: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  checkRuns: FakeCheckRun[];
  comments: FakeComment[];
  reactions: Array<{ comment_id: number; content: string }>;
  /** The served pull requests; tests may edit or push to this list. */
  pulls: FakePull[];
  /** The next `times` requests whose route matches get this response, a connection reset, or a delay. */
  fail(route: string | RegExp, spec: FailSpec): void;
  /** Seeds a comment as another user (default a human "octocat"). */
  addComment(issueNumber: number, body: string, user?: string | { login: string; type: string }): FakeComment;
  close(): Promise<void>;
}

/** Every route the fake serves, as `METHOD /template` (Octokit's parameter names). */
export const FAKE_GITHUB_ROUTES = [
  "GET /app",
  "GET /app/installations",
  "GET /app/installations/{installation_id}",
  "POST /app/installations/{installation_id}/access_tokens",
  "GET /repos/{owner}/{repo}",
  "GET /repos/{owner}/{repo}/installation",
  "GET /repos/{owner}/{repo}/pulls",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/contents/{path}",
  "GET /repos/{owner}/{repo}/contents",
  "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
  "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
  "GET /repos/{owner}/{repo}/commits",
  "GET /repos/{owner}/{repo}/commits/{ref}",
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "POST /repos/{owner}/{repo}/check-runs",
  "GET /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "GET /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
  "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
  "POST /graphql",
] as const;

/** Parameters whose value may span several path segments. */
const REST_PARAMS = new Set(["path", "basehead"]);

interface Matched {
  route: string;
  params: Record<string, string>;
}

function stripPrefix(pathname: string): string {
  if (pathname === "/api/graphql") return "/graphql";
  if (pathname.startsWith("/api/v3/") || pathname === "/api/v3") return pathname.slice("/api/v3".length) || "/";
  return pathname;
}

function matchRoute(method: string, rawPath: string): Matched | null {
  const pathname = stripPrefix(rawPath.split("?")[0] ?? "/");
  let segments: string[];
  try {
    segments = pathname.split("/").slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop();
  for (const route of FAKE_GITHUB_ROUTES) {
    const [routeMethod, template] = route.split(" ") as [string, string];
    if (routeMethod !== method) continue;
    const parts = template.split("/").slice(1);
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i]!;
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      const seg = segments[i];
      if (seg === undefined) ok = false;
      else if (!name) ok = part === seg;
      else if (REST_PARAMS.has(name) && i === parts.length - 1) return { route, params: { ...params, [name]: segments.slice(i).join("/") } };
      else if (seg === "") ok = false;
      else params[name] = seg;
    }
    if (ok && parts.length === segments.length) return { route, params };
  }
  return null;
}

/** The templated route of a request (`/api/v3` prefix and query ignored); `METHOD /literal/path` when the fake does not serve it. */
export function routeTemplate(method: string, path: string): string {
  const m = method.toUpperCase();
  return matchRoute(m, path)?.route ?? `${m} ${stripPrefix(path.split("?")[0] ?? "/")}`;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const notFound = () => new HttpError(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
const invalid = (message: string) => new HttpError(422, { message: `Invalid request.\n\n${message}`, documentation_url: "https://docs.github.com/rest" });

interface Reply {
  status: number;
  body?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
function isoSeconds(date: Date | string): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function base64Lines(buf: Buffer): string {
  return (buf.toString("base64").match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join("");
}

function gitRun(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" }, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(Object.assign(new Error(`git ${args.join(" ")} failed (${code}): ${Buffer.concat(err).toString()}`), { gitExit: code }));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ?? "");
  });
}

interface CommitInfo {
  sha: string;
  parents: string[];
  tree: string;
  authorName: string;
  authorEmail: string;
  authorDate: string;
  committerName: string;
  committerEmail: string;
  committerDate: string;
  message: string;
}

interface ChangedEntry {
  filename: string;
  status: "added" | "modified" | "removed" | "renamed" | "copied" | "changed";
  previous_filename?: string;
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
}

interface TreeItem {
  path: string;
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  size?: number;
}

const ZERO_SHA = "0".repeat(40);
const FULL_SHA = /^[0-9a-f]{40}$/;
const STATUS_BY_LETTER: Record<string, ChangedEntry["status"]> = { A: "added", D: "removed", R: "renamed", C: "copied", T: "changed" };
const COMMIT_FORMAT = ["%H", "%P", "%T", "%an", "%ae", "%aI", "%cn", "%ce", "%cI", "%B"].join("%x1f");

/** Reads the backing repository; results keyed by immutable object ids are cached. */
class GitReader {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly dir: string) {}

  run(args: string[], input?: string): Promise<Buffer> {
    return gitRun(this.dir, args, input);
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  /** The commit sha a ref names, or null. */
  async resolveCommit(ref: string): Promise<string | null> {
    if (!ref || ref.startsWith("-") || /[\s\0]/.test(ref)) return null;
    const resolve = async () => {
      try {
        return (await this.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).toString().trim() || null;
      } catch {
        return null;
      }
    };
    // A full object id always names the same commit; a branch moves, so its loose ref file is read each time.
    if (FULL_SHA.test(ref)) return this.once(`commit:${ref}`, resolve);
    return (await this.looseBranch(ref)) ?? resolve();
  }

  /** The commit a branch's loose ref file names (read without spawning git), or null to ask git. */
  private async looseBranch(ref: string): Promise<string | null> {
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(ref) || ref.split("/").includes("..")) return null;
    const name = ref.replace(/^refs\/heads\//, "");
    for (const gitDir of [join(this.dir, ".git"), this.dir]) {
      const sha = await readFile(join(gitDir, "refs", "heads", name), "utf8").then(
        (t) => t.trim(),
        () => "",
      );
      // Only a branch (no tag or other ref shadowing the name) is read this way.
      if (
        FULL_SHA.test(sha) &&
        !(await stat(join(gitDir, "refs", "tags", name)).then(
          () => true,
          () => false,
        ))
      )
        return sha;
    }
    return null;
  }

  /** `sha type size` of an object expression such as `<commit>:<path>`, or null when missing. */
  async objectInfo(expr: string): Promise<{ sha: string; type: string; size: number } | null> {
    if (/[\n\0]/.test(expr)) return null;
    const look = async () => {
      const line = (await this.run(["cat-file", "--batch-check"], `${expr}\n`)).toString().trim();
      const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(line);
      return m ? { sha: m[1]!, type: m[2]!, size: Number(m[3]) } : null;
    };
    // `<full sha>`, `<full sha>^{tree}` and `<full sha>:<path>` are immutable, as GitHub's own caches know.
    return FULL_SHA.test(expr.split(":")[0]!.replace(/\^\{tree\}$/, "")) ? this.once(`info:${expr}`, look) : look();
  }

  blob(sha: string): Promise<Buffer> {
    return this.once(`blob:${sha}`, () => this.run(["cat-file", "blob", sha]));
  }

  /** Entries of a tree-ish, recursive or not. */
  tree(treeSha: string, recursive: boolean): Promise<TreeItem[]> {
    return this.once(`tree:${treeSha}:${recursive}`, async () => {
      const args = ["ls-tree", "-l", "-z", "--full-tree", ...(recursive ? ["-r", "-t"] : []), treeSha];
      const out = (await this.run(args)).toString("utf8");
      return out
        .split("\0")
        .filter(Boolean)
        .map((rec) => {
          const tab = rec.indexOf("\t");
          const [mode, type, sha, size] = rec.slice(0, tab).trim().split(/\s+/) as [string, TreeItem["type"], string, string];
          return { path: rec.slice(tab + 1), mode, type, sha, ...(type === "blob" && { size: Number(size) }) };
        });
    });
  }

  commits(args: string[]): Promise<CommitInfo[]> {
    return this.once(`log:${JSON.stringify(args)}`, async () => {
      const out = (await this.run(["log", "-z", `--format=${COMMIT_FORMAT}`, ...args])).toString("utf8");
      return out
        .split("\0")
        .filter(Boolean)
        .map((rec) => {
          const f = rec.split("\x1f");
          return {
            sha: f[0]!,
            parents: f[1] ? f[1].split(" ") : [],
            tree: f[2]!,
            authorName: f[3]!,
            authorEmail: f[4]!,
            authorDate: isoSeconds(f[5]!),
            committerName: f[6]!,
            committerEmail: f[7]!,
            committerDate: isoSeconds(f[8]!),
            message: f.slice(9).join("\x1f").replace(/\n+$/, ""),
          };
        });
    });
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    return this.once(`mb:${a}:${b}`, async () => {
      try {
        return (await this.run(["merge-base", a, b])).toString().trim() || null;
      } catch {
        return null;
      }
    });
  }

  async count(range: string): Promise<number> {
    return Number((await this.run(["rev-list", "--count", range])).toString().trim());
  }

  /** Changed files between two commits, with rename detection, as GitHub lists them. */
  diff(from: string, to: string): Promise<ChangedEntry[]> {
    return this.once(`diff:${from}:${to}`, async () => {
      const tokens = (await this.run(["diff", "--raw", "--numstat", "-M", "-z", "--no-abbrev", "--no-ext-diff", "--no-color", from, to]))
        .toString("utf8")
        .split("\0");
      const byPath = new Map<string, ChangedEntry>();
      const order: ChangedEntry[] = [];
      let i = 0;
      while (i < tokens.length) {
        const tok = tokens[i++]!;
        if (!tok) continue;
        if (tok.startsWith(":")) {
          const [, , oldSha, newSha, code] = tok.slice(1).split(" ") as [string, string, string, string, string];
          const letter = code[0]!;
          const first = tokens[i++]!;
          const second = letter === "R" || letter === "C" ? tokens[i++]! : undefined;
          const status = STATUS_BY_LETTER[letter] ?? "modified";
          const entry: ChangedEntry = {
            filename: second ?? first,
            status,
            ...(second !== undefined && { previous_filename: first }),
            sha: status === "removed" ? oldSha : newSha === ZERO_SHA ? oldSha : newSha,
            additions: 0,
            deletions: 0,
            changes: 0,
          };
          byPath.set(entry.filename, entry);
          order.push(entry);
        } else {
          const [add, del, path] = tok.split("\t") as [string, string, string];
          let name = path;
          if (path === "") {
            i++;
            name = tokens[i++]!;
          }
          const entry = byPath.get(name);
          if (entry && add !== "-") {
            entry.additions = Number(add);
            entry.deletions = Number(del);
            entry.changes = entry.additions + entry.deletions;
          }
        }
      }
      return order;
    });
  }
}

function collaboratorPermission(level: PermissionLevel): "admin" | "write" | "read" | "none" {
  if (level === "admin") return "admin";
  if (level === "maintain" || level === "write") return "write";
  if (level === "none") return "none";
  return "read";
}

const REACTIONS = new Set(["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]);
const CHECK_STATUSES = new Set(["queued", "in_progress", "completed", "waiting", "requested", "pending"]);
const CONCLUSIONS = new Set(["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"]);

/** Starts a fake GitHub REST API on 127.0.0.1 (a free port) that reads `opts.repoDir` with git. */
export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const git = new GitReader(opts.repoDir);
  const appId = opts.appId ?? 1;
  const slug = opts.appSlug ?? "finetune-review";
  const installationId = opts.installationId ?? 1;
  const defaultBranch = opts.defaultBranch ?? "main";
  const fullName = `${opts.owner}/${opts.repo}`;
  const limits: FakeGitHubLimits = {
    pullFiles: 3000,
    compareFiles: 300,
    treeEntries: 100_000,
    contentsRawBytes: 100 * 1024 * 1024,
    contentsJsonBytes: 1024 * 1024,
    graphqlBlobTextBytes: 10 * 1024 * 1024,
    ...opts.limits,
  };
  const bot = { login: `${slug}[bot]`, id: 9_000_000 + appId, type: "Bot" };
  const requests: RecordedRequest[] = [];
  const checkRuns: FakeCheckRun[] = [];
  const comments: FakeComment[] = [];
  const reactions: Array<{ comment_id: number; content: string }> = [];
  const pulls: FakePull[] = [...(opts.pulls ?? [])];
  const failures: Array<{ route: string | RegExp; spec: FailSpec; left: number }> = [];
  let nextId = 1000;
  let url = "";

  const ownerObj = { login: opts.owner, id: 1, type: "Organization" };
  const repoObj = (name = fullName) => {
    const [o, r] = name.split("/") as [string, string];
    return {
      id: name === fullName ? 100 : 101,
      name: r,
      full_name: name,
      owner: name === fullName ? ownerObj : { login: o, id: 2, type: "User" },
      private: false,
      fork: name !== fullName,
      default_branch: defaultBranch,
      html_url: `https://github.example/${name}`,
      url: `${url}/api/v3/repos/${name}`,
    };
  };

  const commitJson = (c: CommitInfo) => ({
    sha: c.sha,
    node_id: `C_${c.sha}`,
    commit: {
      author: { name: c.authorName, email: c.authorEmail, date: c.authorDate },
      committer: { name: c.committerName, email: c.committerEmail, date: c.committerDate },
      message: c.message,
      tree: { sha: c.tree },
    },
    parents: c.parents.map((sha) => ({ sha })),
    html_url: `https://github.example/${fullName}/commit/${c.sha}`,
  });

  const mustCommit = async (ref: string): Promise<string> => {
    const sha = await git.resolveCommit(ref);
    if (!sha) throw new HttpError(404, { message: `No commit found for SHA: ${ref}`, documentation_url: "https://docs.github.com/rest" });
    return sha;
  };

  /**
   * A ref named in a request, as the base repository knows it: `refs/pull/N/head` is PR N's head, and
   * a fork PR's branch lives in the fork, so its name is unknown here (null), as on GitHub.
   */
  const requestRef = (ref: string): string | null => {
    const pr = /^(?:refs\/)?pull\/(\d+)\/head$/.exec(ref);
    if (pr) return pulls.find((x) => x.number === Number(pr[1]))?.headRef ?? null;
    const branch = ref.replace(/^refs\/heads\//, "");
    const forkBranch = pulls.some((x) => x.headRepoFullName && x.headRepoFullName.toLowerCase() !== fullName.toLowerCase() && x.headRef === branch);
    const baseBranch = branch === defaultBranch || pulls.some((x) => x.baseRef === branch || (x.headRef === branch && !x.headRepoFullName));
    return forkBranch && !baseBranch ? null : ref;
  };
  const mustRef = async (ref: string): Promise<string> => {
    const known = requestRef(ref);
    if (known === null) throw new HttpError(404, { message: `No commit found for SHA: ${ref}`, documentation_url: "https://docs.github.com/rest" });
    return mustCommit(known);
  };

  const findPull = (n: string): FakePull => {
    const pull = pulls.find((p) => p.number === Number(n));
    if (!pull) throw notFound();
    return pull;
  };

  const pullJson = async (p: FakePull) => {
    const [headSha, baseSha] = await Promise.all([mustCommit(p.headRef), mustCommit(p.baseRef)]);
    const headRepo = p.headRepoFullName ?? fullName;
    const user = { login: p.user ?? "octocat", id: 3, type: "User" };
    return {
      id: 50_000 + p.number,
      number: p.number,
      state: p.state ?? "open",
      draft: p.draft ?? false,
      locked: false,
      merged: false,
      title: p.title ?? `Pull request #${p.number}`,
      body: p.body ?? null,
      user,
      html_url: `https://github.example/${fullName}/pull/${p.number}`,
      url: `${url}/api/v3/repos/${fullName}/pulls/${p.number}`,
      head: { label: `${headRepo.split("/")[0]}:${p.headRef}`, ref: p.headRef, sha: headSha, user, repo: repoObj(headRepo) },
      base: { label: `${opts.owner}:${p.baseRef}`, ref: p.baseRef, sha: baseSha, user: ownerObj, repo: repoObj() },
    };
  };

  const fileJson = (f: ChangedEntry, ref: string) => ({
    ...f,
    blob_url: `https://github.example/${fullName}/blob/${ref}/${encodeURI(f.filename)}`,
    raw_url: `https://github.example/${fullName}/raw/${ref}/${encodeURI(f.filename)}`,
    contents_url: `${url}/api/v3/repos/${fullName}/contents/${encodeURI(f.filename)}?ref=${ref}`,
  });

  const checkRunJson = (c: FakeCheckRun) => ({
    id: c.id,
    node_id: `CR_${c.id}`,
    head_sha: c.head_sha,
    name: c.name,
    status: c.status,
    conclusion: c.conclusion ?? null,
    started_at: c.started_at ?? null,
    completed_at: c.completed_at ?? null,
    details_url: c.details_url ?? null,
    external_id: null,
    url: `${url}/api/v3/repos/${fullName}/check-runs/${c.id}`,
    html_url: `https://github.example/${fullName}/runs/${c.id}`,
    output: {
      title: c.output?.title ?? null,
      summary: c.output?.summary ?? null,
      text: c.output?.text ?? null,
      annotations_count: c.output?.annotations?.length ?? 0,
      annotations_url: `${url}/api/v3/repos/${fullName}/check-runs/${c.id}/annotations`,
    },
    app: { id: appId, slug, name: slug },
    check_suite: { id: 1 },
    pull_requests: [],
  });

  const commentJson = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/api/v3/repos/${fullName}/issues/comments/${c.id}`,
    html_url: `https://github.example/${fullName}/pull/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${url}/api/v3/repos/${fullName}/issues/${c.issue_number}`,
    body: c.body,
    user: { login: c.user.login, id: c.user.type === "Bot" ? bot.id : 3, type: c.user.type },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === "Bot" ? "NONE" : "CONTRIBUTOR",
    ...(c.user.login === bot.login && { performed_via_github_app: { id: appId, slug, name: slug } }),
  });

  const findComment = (id: string): FakeComment => {
    const c = comments.find((x) => x.id === Number(id));
    if (!c) throw notFound();
    return c;
  };

  const addComment = (issueNumber: number, body: string, user: string | { login: string; type: string } = "octocat"): FakeComment => {
    const now = isoSeconds(new Date());
    const c: FakeComment = {
      id: nextId++,
      issue_number: issueNumber,
      body,
      user: typeof user === "string" ? { login: user, type: user.endsWith("[bot]") ? "Bot" : "User" } : user,
      created_at: now,
      updated_at: now,
    };
    comments.push(c);
    return c;
  };

  /** One page of a list, with GitHub's Link header. */
  const paged = <T>(items: T[], query: URLSearchParams, reqPath: string, defaultPerPage = 30): Reply => {
    const perPage = Math.min(100, Math.max(1, Number(query.get("per_page")) || defaultPerPage));
    const page = Math.max(1, Number(query.get("page")) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(query);
      q.set("page", String(p));
      q.set("per_page", String(perPage));
      return `<${url}${reqPath.split("?")[0]}?${q.toString()}>; rel="${rel}"`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(link(page - 1, "prev"));
    if (page < last) rels.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) rels.push(link(1, "first"));
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: rels.length ? { link: rels.join(", ") } : {} };
  };

  const validateOutput = (output: unknown, creating: boolean) => {
    if (output === undefined) return;
    if (typeof output !== "object" || output === null) throw invalid("output is not an object");
    const o = output as Record<string, unknown>;
    if (typeof o.summary !== "string") throw invalid('"summary" wasn\'t supplied.');
    if (creating && typeof o.title !== "string") throw invalid('"title" wasn\'t supplied.');
    for (const key of ["summary", "text"]) {
      if (typeof o[key] === "string" && (o[key] as string).length > 65535)
        throw invalid(`Only 65535 characters are allowed; ${(o[key] as string).length} were supplied.`);
    }
    if (o.annotations !== undefined) {
      if (!Array.isArray(o.annotations)) throw invalid("annotations is not an array");
      if (o.annotations.length > 50) throw invalid(`Only 50 annotations are allowed per request; ${o.annotations.length} were supplied.`);
      for (const a of o.annotations as Array<Record<string, unknown>>) {
        if (typeof a.path !== "string" || typeof a.start_line !== "number" || typeof a.end_line !== "number" || typeof a.message !== "string") {
          throw invalid("annotations need path, start_line, end_line and message");
        }
        if (!["notice", "warning", "failure"].includes(String(a.annotation_level)))
          throw invalid(`annotation_level ${String(a.annotation_level)} is not included in the list`);
      }
    }
  };

  const applyCheckRun = (run: FakeCheckRun, body: Record<string, unknown>) => {
    if (typeof body.name === "string") run.name = body.name;
    if (typeof body.details_url === "string") run.details_url = body.details_url;
    if (typeof body.started_at === "string") run.started_at = body.started_at;
    if (typeof body.completed_at === "string") run.completed_at = body.completed_at;
    if (typeof body.status === "string") run.status = body.status;
    if (typeof body.conclusion === "string") {
      run.conclusion = body.conclusion;
      run.status = "completed";
      run.completed_at ??= isoSeconds(new Date());
    }
    if (body.output) {
      const o = body.output as Record<string, unknown>;
      const prev = run.output ?? {};
      run.output = {
        ...prev,
        ...(typeof o.title === "string" && { title: o.title }),
        ...(typeof o.summary === "string" && { summary: o.summary }),
        ...(typeof o.text === "string" && { text: o.text }),
        // GitHub appends annotations across updates rather than replacing them.
        annotations: [...(prev.annotations ?? []), ...((o.annotations as unknown[] | undefined) ?? [])],
      };
    }
    run.history.push(body);
  };

  const validateCheckRun = (body: Record<string, unknown>, creating: boolean) => {
    if (creating && (typeof body.name !== "string" || !body.name)) throw invalid('"name" wasn\'t supplied.');
    if (creating && (typeof body.head_sha !== "string" || !/^[0-9a-f]{40}$/.test(body.head_sha))) throw invalid('"head_sha" wasn\'t supplied.');
    if (body.status !== undefined && !CHECK_STATUSES.has(String(body.status))) throw invalid(`status ${String(body.status)} is not included in the list`);
    if (body.conclusion !== undefined && !CONCLUSIONS.has(String(body.conclusion)))
      throw invalid(`conclusion ${String(body.conclusion)} is not included in the list`);
    if (body.status === "completed" && body.conclusion === undefined) throw invalid("Conclusion can't be blank when status is completed");
    validateOutput(body.output, creating);
  };

  const contents = async (path: string, query: URLSearchParams, accept: string): Promise<Reply> => {
    const ref = query.get("ref") || defaultBranch;
    const commit = await git.resolveCommit(requestRef(ref) ?? "");
    if (!commit) throw new HttpError(404, { message: `No commit found for the ref ${ref}`, documentation_url: "https://docs.github.com/rest" });
    const clean = path.replace(/^\/+|\/+$/g, "");
    const info = await git.objectInfo(clean ? `${commit}:${clean}` : `${commit}^{tree}`);
    if (!info) throw notFound();
    const name = clean.split("/").pop() ?? "";
    const itemJson = (p: string, type: string, sha: string, size: number) => ({
      type,
      name: p.split("/").pop() ?? p,
      path: p,
      sha,
      size,
      url: `${url}/api/v3/repos/${fullName}/contents/${encodeURI(p)}?ref=${encodeURIComponent(ref)}`,
      html_url: `https://github.example/${fullName}/blob/${ref}/${encodeURI(p)}`,
      git_url: `${url}/api/v3/repos/${fullName}/git/${type === "dir" ? "trees" : "blobs"}/${sha}`,
      download_url: type === "file" ? `https://raw.github.example/${fullName}/${ref}/${encodeURI(p)}` : null,
    });
    if (info.type === "tree") {
      const entries = (await git.tree(info.sha, false)).map((e) =>
        itemJson(clean ? `${clean}/${e.path}` : e.path, e.type === "tree" ? "dir" : e.type === "commit" ? "submodule" : "file", e.sha, e.size ?? 0),
      );
      if (/\bobject\b/.test(accept)) return { status: 200, body: { ...itemJson(clean, "dir", info.sha, 0), entries } };
      return { status: 200, body: entries };
    }
    if (info.type !== "blob") throw notFound();
    if (/\braw\b/.test(accept)) {
      if (info.size > limits.contentsRawBytes) {
        throw new HttpError(403, {
          message:
            "This API returns blobs up to 100 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.",
          errors: [{ resource: "Blob", field: "data", code: "too_large" }],
          documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content",
        });
      }
      return {
        status: 200,
        raw: await git.blob(info.sha),
        headers: { "content-type": "text/plain; charset=utf-8", "x-github-media-type": "github.v3; param=raw" },
      };
    }
    const big = info.size > limits.contentsJsonBytes;
    return {
      status: 200,
      body: {
        ...itemJson(clean, "file", info.sha, info.size),
        name,
        encoding: big ? "none" : "base64",
        content: big ? "" : base64Lines(await git.blob(info.sha)),
      },
    };
  };

  const commitList = async (query: URLSearchParams): Promise<CommitInfo[]> => {
    const head = await mustRef(query.get("sha") || defaultBranch);
    const args = [head];
    const since = query.get("since");
    const until = query.get("until");
    if (since) args.push(`--since=${isoSeconds(since)}`);
    if (until) args.push(`--until=${isoSeconds(until)}`);
    const path = query.get("path");
    if (path) args.push("--", path.replace(/^\/+/, ""));
    return git.commits(args);
  };

  const gqlObj = (typename: string, fields: Record<string, (args: Record<string, unknown>) => unknown>): GqlObject => ({
    __typename: typename,
    resolve: (field, args) => fields[field]?.(args),
  });
  const gqlBlob = (sha: string, size: number): GqlObject => {
    const bytes = () => git.blob(sha);
    const binary = async () => (await bytes()).subarray(0, 8000).includes(0);
    const truncated = size > limits.graphqlBlobTextBytes;
    return gqlObj("Blob", {
      oid: () => sha,
      abbreviatedOid: () => sha.slice(0, 7),
      byteSize: () => size,
      isBinary: binary,
      isTruncated: () => truncated,
      text: async () => ((await binary()) ? null : (await bytes()).subarray(0, limits.graphqlBlobTextBytes).toString("utf8")),
    });
  };
  const gqlCommit = (c: CommitInfo): GqlObject =>
    gqlObj("Commit", {
      oid: () => c.sha,
      abbreviatedOid: () => c.sha.slice(0, 7),
      committedDate: () => c.committerDate,
      authoredDate: () => c.authorDate,
      message: () => c.message,
      file: async (args) => {
        const path = String(args.path ?? "").replace(/^\/+/, "");
        const info = path ? await git.objectInfo(`${c.sha}:${path}`) : null;
        if (!info) return null;
        const name = path.split("/").pop() ?? path;
        const object = info.type === "blob" ? gqlBlob(info.sha, info.size) : null;
        return gqlObj("TreeEntry", {
          name: () => name,
          path: () => path,
          oid: () => info.sha,
          size: () => (info.type === "blob" ? info.size : 0),
          type: () => info.type,
          object: () => object,
        });
      },
      history: async (args) => {
        const first = args.first === undefined || args.first === null ? 100 : Number(args.first);
        if (!(first >= 1 && first <= 100)) throw new Error("first must be between 1 and 100");
        const logArgs = [c.sha];
        if (typeof args.since === "string") logArgs.push(`--since=${isoSeconds(args.since)}`);
        if (typeof args.until === "string") logArgs.push(`--until=${isoSeconds(args.until)}`);
        if (typeof args.path === "string") logArgs.push("--", args.path.replace(/^\/+/, ""));
        const all = await git.commits(logArgs);
        const offset = typeof args.after === "string" ? Number(Buffer.from(args.after, "base64").toString().split(" ")[1]) + 1 : 0;
        const nodes = all.slice(offset, offset + first);
        const cursor = (i: number) => Buffer.from(`${c.sha} ${i}`).toString("base64");
        return gqlObj("CommitHistoryConnection", {
          totalCount: () => all.length,
          nodes: () => nodes.map(gqlCommit),
          pageInfo: () =>
            gqlObj("PageInfo", {
              hasNextPage: () => offset + first < all.length,
              endCursor: () => (nodes.length ? cursor(offset + nodes.length - 1) : null),
              hasPreviousPage: () => offset > 0,
              startCursor: () => (nodes.length ? cursor(offset) : null),
            }),
        });
      },
    });
  const graphqlRoot = gqlObj("Query", {
    rateLimit: () =>
      gqlObj("RateLimit", { cost: () => 1, limit: () => 5000, remaining: () => 4999, resetAt: () => isoSeconds(new Date(Date.now() + 3600_000)) }),
    repository: (args) => {
      if (String(args.owner).toLowerCase() !== opts.owner.toLowerCase() || String(args.name).toLowerCase() !== opts.repo.toLowerCase()) return null;
      return gqlObj("Repository", {
        nameWithOwner: () => fullName,
        object: async (a) => {
          const given = typeof a.oid === "string" ? a.oid : typeof a.expression === "string" ? a.expression : null;
          const rev = given === null ? null : requestRef(given.split(":")[0]!);
          const expr = given === null || rev === null ? null : rev + given.slice(given.split(":")[0]!.length);
          if (!expr || expr.startsWith("-")) return null;
          const info = await git.objectInfo(expr);
          if (!info) return null;
          if (info.type === "blob") return gqlBlob(info.sha, info.size);
          if (info.type === "commit") {
            const [c] = await git.commits(["-n", "1", info.sha]);
            return c ? gqlCommit(c) : null;
          }
          return gqlObj(info.type === "tree" ? "Tree" : "Tag", { oid: () => info.sha });
        },
      });
    },
  });

  const handle = async (method: string, m: Matched, query: URLSearchParams, body: unknown, req: IncomingMessage, reqPath: string): Promise<Reply> => {
    const p = m.params;
    if (p.owner !== undefined && (p.owner.toLowerCase() !== opts.owner.toLowerCase() || p.repo?.toLowerCase() !== opts.repo.toLowerCase())) throw notFound();
    if (p.installation_id !== undefined && Number(p.installation_id) !== installationId) throw notFound();
    const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const installation = {
      id: installationId,
      app_id: appId,
      app_slug: slug,
      account: ownerObj,
      target_type: "Organization",
      repository_selection: "selected",
      permissions: {},
      events: [],
    };
    switch (m.route) {
      case "GET /app":
        return {
          status: 200,
          body: { id: appId, slug, name: slug, owner: ownerObj, permissions: {}, events: [], html_url: `https://github.example/apps/${slug}` },
        };
      case "GET /app/installations":
        return { status: 200, body: [installation] };
      case "GET /app/installations/{installation_id}":
      case "GET /repos/{owner}/{repo}/installation":
        return { status: 200, body: installation };
      case "POST /app/installations/{installation_id}/access_tokens":
        return {
          status: 201,
          body: {
            token: `ghs_fake${installationId}${Date.now().toString(36)}`,
            expires_at: isoSeconds(new Date(Date.now() + 3600_000)),
            permissions: {},
            repository_selection: "selected",
          },
        };
      case "GET /repos/{owner}/{repo}":
        return { status: 200, body: repoObj() };
      case "GET /repos/{owner}/{repo}/pulls": {
        const state = query.get("state") ?? "open";
        const list = pulls.filter((x) => state === "all" || (x.state ?? "open") === state);
        return paged(await Promise.all(list.map(pullJson)), query, reqPath);
      }
      case "GET /repos/{owner}/{repo}/pulls/{pull_number}":
        return { status: 200, body: await pullJson(findPull(p.pull_number!)) };
      case "GET /repos/{owner}/{repo}/pulls/{pull_number}/files": {
        const pull = findPull(p.pull_number!);
        const [head, baseSha] = await Promise.all([mustCommit(pull.headRef), mustCommit(pull.baseRef)]);
        const from = (await git.mergeBase(baseSha, head)) ?? baseSha;
        const files = (await git.diff(from, head)).slice(0, limits.pullFiles).map((f) => fileJson(f, head));
        return paged(files, query, reqPath);
      }
      case "GET /repos/{owner}/{repo}/compare/{basehead}": {
        const split = p.basehead!.split("...");
        if (split.length !== 2) throw notFound();
        // "owner:branch" names a fork's branch; the fake has one repository.
        const [baseSha, head] = await Promise.all(
          split.map((r) => (/^[^:/]+:/.test(r) ? mustCommit(r.replace(/^[^:/]+:/, "")) : mustRef(r))) as [Promise<string>, Promise<string>],
        );
        const mb = await git.mergeBase(baseSha, head);
        if (!mb) throw notFound();
        const [ahead, behind, files, commits, [mbInfo], [baseInfo]] = await Promise.all([
          git.count(`${mb}..${head}`),
          git.count(`${mb}..${baseSha}`),
          git.diff(mb, head),
          git.commits(["--reverse", "-n", "250", `${mb}..${head}`]),
          git.commits(["-n", "1", mb]),
          git.commits(["-n", "1", baseSha]),
        ]);
        return {
          status: 200,
          body: {
            url: `${url}/api/v3/repos/${fullName}/compare/${p.basehead}`,
            status: ahead && behind ? "diverged" : ahead ? "ahead" : behind ? "behind" : "identical",
            ahead_by: ahead,
            behind_by: behind,
            total_commits: ahead,
            base_commit: commitJson(baseInfo!),
            merge_base_commit: commitJson(mbInfo!),
            commits: commits.map(commitJson),
            files: files.slice(0, limits.compareFiles).map((f) => fileJson(f, head)),
          },
        };
      }
      case "GET /repos/{owner}/{repo}/contents":
        return contents("", query, String(req.headers.accept ?? ""));
      case "GET /repos/{owner}/{repo}/contents/{path}":
        return contents(p.path!, query, String(req.headers.accept ?? ""));
      case "GET /repos/{owner}/{repo}/git/blobs/{file_sha}": {
        const info = /^[0-9a-f]{4,64}$/.test(p.file_sha!) ? await git.objectInfo(p.file_sha!) : null;
        if (!info || info.type !== "blob") throw notFound();
        if (/\braw\b/.test(String(req.headers.accept ?? ""))) {
          return {
            status: 200,
            raw: await git.blob(info.sha),
            headers: { "content-type": "application/vnd.github.raw", "x-github-media-type": "github.v3; param=raw" },
          };
        }
        return {
          status: 200,
          body: {
            sha: info.sha,
            node_id: `B_${info.sha}`,
            size: info.size,
            url: `${url}/api/v3/repos/${fullName}/git/blobs/${info.sha}`,
            content: base64Lines(await git.blob(info.sha)),
            encoding: "base64",
          },
        };
      }
      case "GET /repos/{owner}/{repo}/git/trees/{tree_sha}": {
        const ref = requestRef(p.tree_sha!);
        const info = ref === null || ref.startsWith("-") ? null : await git.objectInfo(`${ref}^{tree}`);
        if (!info) throw notFound();
        const recursive = Boolean(query.get("recursive")) && query.get("recursive") !== "false";
        const all = await git.tree(info.sha, recursive);
        const truncated = all.length > limits.treeEntries;
        return {
          status: 200,
          body: {
            sha: info.sha,
            url: `${url}/api/v3/repos/${fullName}/git/trees/${info.sha}`,
            truncated,
            tree: all.slice(0, limits.treeEntries).map((e) => ({
              path: e.path,
              mode: e.mode,
              type: e.type,
              sha: e.sha,
              ...(e.size !== undefined && { size: e.size }),
              url: `${url}/api/v3/repos/${fullName}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
            })),
          },
        };
      }
      case "GET /repos/{owner}/{repo}/commits":
        return paged((await commitList(query)).map(commitJson), query, reqPath);
      case "GET /repos/{owner}/{repo}/commits/{ref}": {
        const sha = await mustRef(p.ref!);
        const [info] = await git.commits(["-n", "1", sha]);
        const parent = info!.parents[0];
        const files = parent
          ? await git.diff(parent, sha)
          : await git.diff(await git.run(["hash-object", "-t", "tree", "/dev/null"]).then((x) => x.toString().trim()), sha);
        return { status: 200, body: { ...commitJson(info!), files: files.slice(0, 300).map((f) => fileJson(f, sha)) } };
      }
      case "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls": {
        const sha = await mustRef(p.commit_sha!);
        const list = await Promise.all(pulls.map(pullJson));
        return { status: 200, body: list.filter((x) => x.head.sha === sha) };
      }
      case "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": {
        const sha = await mustRef(p.ref!);
        const name = query.get("check_name");
        const runs = checkRuns.filter((c) => c.head_sha === sha && (!name || c.name === name)).reverse();
        const page = paged(runs.map(checkRunJson), query, reqPath);
        return { ...page, body: { total_count: runs.length, check_runs: page.body } };
      }
      case "POST /repos/{owner}/{repo}/check-runs": {
        validateCheckRun(b, true);
        const run: FakeCheckRun = { id: nextId++, head_sha: String(b.head_sha), name: String(b.name), status: "queued", history: [] };
        applyCheckRun(run, b);
        checkRuns.push(run);
        return { status: 201, body: checkRunJson(run) };
      }
      case "GET /repos/{owner}/{repo}/check-runs/{check_run_id}":
      case "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": {
        const run = checkRuns.find((c) => c.id === Number(p.check_run_id));
        if (!run) throw notFound();
        if (method === "PATCH") {
          validateCheckRun(b, false);
          applyCheckRun(run, b);
        }
        return { status: 200, body: checkRunJson(run) };
      }
      case "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations": {
        const run = checkRuns.find((c) => c.id === Number(p.check_run_id));
        if (!run) throw notFound();
        return paged(run.output?.annotations ?? [], query, reqPath);
      }
      case "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": {
        const since = query.get("since");
        const list = comments.filter((c) => c.issue_number === Number(p.issue_number) && (!since || c.updated_at >= isoSeconds(since)));
        return paged(list.map(commentJson), query, reqPath);
      }
      case "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": {
        if (typeof b.body !== "string") throw invalid('"body" wasn\'t supplied.');
        return { status: 201, body: commentJson(addComment(Number(p.issue_number), b.body, bot)) };
      }
      case "GET /repos/{owner}/{repo}/issues/comments/{comment_id}":
        return { status: 200, body: commentJson(findComment(p.comment_id!)) };
      case "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": {
        const c = findComment(p.comment_id!);
        if (typeof b.body !== "string") throw invalid('"body" wasn\'t supplied.');
        c.body = b.body;
        c.updated_at = isoSeconds(new Date());
        return { status: 200, body: commentJson(c) };
      }
      case "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}": {
        const c = findComment(p.comment_id!);
        comments.splice(comments.indexOf(c), 1);
        return { status: 204 };
      }
      case "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions": {
        const c = findComment(p.comment_id!);
        if (!REACTIONS.has(String(b.content))) throw invalid(`content ${String(b.content)} is not included in the list`);
        const existing = reactions.find((r) => r.comment_id === c.id && r.content === b.content);
        if (!existing) reactions.push({ comment_id: c.id, content: String(b.content) });
        return {
          status: existing ? 200 : 201,
          body: {
            id: 7000 + reactions.length,
            node_id: `R_${c.id}`,
            user: { login: bot.login, id: bot.id, type: "Bot" },
            content: b.content,
            created_at: isoSeconds(new Date()),
          },
        };
      }
      case "GET /repos/{owner}/{repo}/collaborators/{username}/permission": {
        const level = opts.permissions?.[p.username!] ?? "read";
        const permission = collaboratorPermission(level);
        return {
          status: 200,
          body: { permission, role_name: level === "none" ? "none" : level, user: { login: p.username, id: 3, type: "User", role_name: level } },
        };
      }
      case "POST /graphql":
        return executeQuery(graphqlRoot, b.query, b.variables);
      default:
        throw notFound();
    }
  };

  const matchesFailure = (route: string | RegExp, routeName: string, method: string, path: string) =>
    typeof route === "string" ? route === routeName : route.test(routeName) || route.test(`${method} ${path}`);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (d: Buffer) => chunks.push(d));
    req.on("end", () => {
      void (async () => {
        const method = (req.method ?? "GET").toUpperCase();
        const rawUrl = req.url ?? "/";
        const [rawPath = "/", rawQuery = ""] = rawUrl.split(/\?(.*)/s);
        const path = stripPrefix(rawPath) + (rawQuery ? `?${rawQuery}` : "");
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        const matched = matchRoute(method, rawPath);
        const route = matched?.route ?? `${method} ${stripPrefix(rawPath)}`;
        const record: RecordedRequest = { method, path, route, body, status: 0, arrivedAt: Date.now() };
        requests.push(record);

        const send = (reply: Reply) => {
          record.status = reply.status;
          record.answeredAt = Date.now();
          if (res.destroyed) return;
          const headers: Record<string, string> = {
            "x-github-media-type": "github.v3; format=json",
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "4999",
            "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
            "x-github-request-id": `FAKE:${requests.length}`,
            ...(reply.raw === undefined && reply.status !== 204 && { "content-type": "application/json; charset=utf-8" }),
            ...reply.headers,
          };
          res.writeHead(reply.status, headers);
          if (reply.status === 204 || method === "HEAD") res.end();
          else res.end(reply.raw ?? JSON.stringify(reply.body ?? null));
        };

        const slot = failures.find((f) => f.left > 0 && matchesFailure(f.route, route, method, path));
        if (slot) {
          slot.left--;
          const { spec } = slot;
          if (spec.delayMs) await new Promise((r) => setTimeout(r, spec.delayMs));
          if (spec.reset) {
            record.status = -1;
            req.socket.destroy();
            return;
          }
          if (spec.status !== undefined || spec.body !== undefined) {
            const status = spec.status ?? 500;
            send({
              status,
              headers: spec.headers,
              body: spec.body ?? { message: `Injected failure ${status}`, documentation_url: "https://docs.github.com/rest" },
            });
            return;
          }
        }

        try {
          if (!matched) throw notFound();
          const query = new URLSearchParams(rawQuery);
          send(await handle(method, matched, query, body, req, `/api/v3${stripPrefix(rawPath)}`));
        } catch (error) {
          if (error instanceof HttpError) send({ status: error.status, body: error.body });
          else send({ status: 500, body: { message: error instanceof Error ? error.message : String(error) } });
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  url = `http://${host}`;

  return {
    url,
    host,
    requests,
    checkRuns,
    comments,
    reactions,
    pulls,
    fail(route, spec) {
      failures.push({ route, spec, left: spec.times ?? 1 });
    },
    addComment,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
