import { execFile, spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { ChangedFile, ChangeStatus, HistoryEntry, Source } from "../types.js";
import { safePath } from "./repo-path.js";
import { UsageError } from "./usage-error.js";

const run = promisify(execFile);
const MAX_BUFFER = 1024 * 1024 * 1024;
/** At most this many `git` processes at once: a large PR must not exhaust file descriptors. */
const MAX_PROCESSES = 8;

/** GIT_* variables of the caller that say how git is installed or traced, not which repository to read. */
const KEPT_GIT_VARS = /^GIT_(EXEC_PATH|CONFIG_GLOBAL|CEILING_DIRECTORIES|TRACE\w*)$/;

/**
 * Other GIT_* variables are dropped (a git hook sets GIT_DIR and GIT_INDEX_FILE, which would point
 * every command at another repository); paths are literal, never globs; a partial clone never
 * fetches; nothing prompts.
 */
const gitEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_") || KEPT_GIT_VARS.test(key))),
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_TERMINAL_PROMPT: "0",
  GIT_LITERAL_PATHSPECS: "1",
  GIT_NO_LAZY_FETCH: "1",
  GIT_PAGER: "cat",
  LC_ALL: "C",
});

/**
 * Overrides for settings in the repository's or user's config that would run a program or change
 * the output this file parses.
 */
const GIT_CONFIG = [
  "-c",
  "core.quotepath=false",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "log.follow=false",
  "-c",
  "log.showSignature=false",
  "-c",
  "color.ui=false",
];

/** A ref a caller passed in: never one git could take for an option. */
function safeRef(ref: string): boolean {
  return ref.length > 0 && !ref.startsWith("-") && !ref.includes("\0");
}

/**
 * A Source over a local git repository, through the `git` binary with argument arrays (never a
 * shell). Compares head with its merge base with base, like a pull request's `base...head`.
 */
export class LocalGitSource implements Source {
  private readonly blobs = new Map<string, Promise<Buffer | null>>();
  private readonly sizes = new Map<string, Promise<number | null>>();
  private readonly lists = new Map<string, Promise<string[]>>();
  private changes?: Promise<ChangedFile[]>;
  private date?: Promise<Date>;

  private constructor(
    private readonly git: Git,
    /** Resolved base commit sha. */
    readonly base: string,
    /** Resolved head commit sha. */
    readonly head: string,
    private readonly mergeBase: string,
  ) {}

  /**
   * Opens `repoDir` (any folder inside a work tree, or a bare repository) and resolves both refs
   * to commits; throws a one-line UsageError when the folder or either ref is wrong.
   */
  static async open(repoDir: string, baseRef: string, headRef = "HEAD"): Promise<LocalGitSource> {
    const dir = resolve(repoDir);
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new UsageError(`not a git repository: ${repoDir} (no such directory)`);
    const probe = new Git(dir);
    let bare: string;
    try {
      bare = (await probe.text(["rev-parse", "--is-bare-repository"])).trim();
    } catch (error) {
      if ((error as { code?: unknown }).code === "ENOENT") throw new UsageError("git not found: install git or put it on PATH");
      const stderr = String((error as { stderr?: unknown }).stderr ?? "");
      if (stderr.includes("dubious ownership")) {
        throw new UsageError(`not a git repository: ${repoDir} (git refuses it: owned by another user; see git config safe.directory)`);
      }
      throw new UsageError(`not a git repository: ${repoDir}`);
    }
    // Paths in pathspecs and `ls-tree` are relative to the working folder: run from the top level.
    const top = bare === "true" ? dir : (await probe.text(["rev-parse", "--show-toplevel"]).catch(() => dir)).trim() || dir;
    const git = new Git(top);
    const resolveRef = async (ref: string) => {
      const sha = safeRef(ref) ? await git.text(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => "") : "";
      if (!sha.trim()) throw new UsageError(`unknown ref '${ref}' in ${repoDir}: check the branch, tag or sha`);
      return sha.trim();
    };
    const base = await resolveRef(baseRef);
    const head = await resolveRef(headRef);
    // Unrelated histories have no merge base: compare the two commits directly.
    const mergeBase = (await git.text(["merge-base", base, head]).catch(() => "")).trim() || base;
    return new LocalGitSource(git, base, head, mergeBase);
  }

  /** Files changed from the merge base to head, with renames detected; copies count as added; symlinks marked. */
  changedFiles(): Promise<ChangedFile[]> {
    this.changes ??= this.git
      .text(["diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", "--no-textconv", "--no-color", this.mergeBase, this.head])
      .then(parseRaw);
    return this.changes;
  }

  /** The bytes of `path` at `ref`, or null when it is not a file there (missing, a folder, a submodule). */
  readFile(ref: string, path: string): Promise<Buffer | null> {
    const safe = safePath(path);
    if (safe === null || !safeRef(ref)) return Promise.resolve(null);
    const key = `${ref}:${safe}`;
    return cached(this.blobs, key, () => missingAsNull(this.git.buffer(["cat-file", "blob", key])));
  }

  /** Streams `git cat-file blob` stdout: a large dataset never sits whole in memory (nor in the cache). */
  async *readStream(ref: string, path: string): AsyncIterable<Buffer> {
    const safe = safePath(path);
    if (safe === null || !safeRef(ref)) return;
    const hit = this.blobs.get(`${ref}:${safe}`);
    if (hit) {
      const bytes = await hit;
      if (bytes) yield bytes;
      return;
    }
    const child = spawn("git", [...GIT_CONFIG, "cat-file", "blob", `${ref}:${safe}`], {
      cwd: this.git.dir,
      env: this.git.env,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const exited = new Promise<number | null>((done) => {
      child.once("error", () => done(-1));
      child.once("close", (code) => done(code));
    });
    try {
      for await (const chunk of child.stdout) yield chunk as Buffer;
      // A missing path exits non-zero before writing anything: nothing to yield, as documented.
      await exited;
    } finally {
      if (child.exitCode === null) child.kill();
    }
  }

  /** Size in bytes of the file at `ref`, or null when it is not a file there. */
  fileSize(ref: string, path: string): Promise<number | null> {
    const safe = safePath(path);
    if (safe === null || !safeRef(ref)) return Promise.resolve(null);
    const key = `${ref}:${safe}`;
    return cached(this.sizes, key, async () => {
      // `cat-file -s` also answers for a folder (the tree's size): check the type first.
      const type = await missingAsNull(this.git.text(["cat-file", "-t", key]));
      if (type?.trim() !== "blob") return null;
      const size = await missingAsNull(this.git.text(["cat-file", "-s", key]));
      return size === null ? null : Number(size.trim());
    });
  }

  /** Every file (blob) path at `ref`, from the repository root; submodules are left out. */
  listFiles(ref: string): Promise<string[]> {
    if (!safeRef(ref)) return Promise.reject(new Error(`invalid ref '${ref}'`));
    return cached(this.lists, ref, async () => {
      const out = await this.git.text(["ls-tree", "-r", "-z", "--full-tree", ref]);
      const files: string[] = [];
      for (const row of out.split("\0")) {
        const tab = row.indexOf("\t");
        if (tab < 0) continue;
        const [, type] = row.slice(0, tab).split(" ");
        if (type === "blob") files.push(row.slice(tab + 1));
      }
      return files;
    });
  }

  /**
   * Commits reachable from head that touched `path` (renames not followed), newest first, with
   * committer dates not before `since`, each with the file at that commit (null where deleted).
   */
  async history(path: string, since: Date): Promise<HistoryEntry[]> {
    const safe = safePath(path);
    if (safe === null) return [];
    const out = await this.git.text(["log", "--no-renames", "--format=%H%x09%cI", this.head, "--", safe]);
    const rows = out
      .split("\n")
      .filter(Boolean)
      .map((row) => {
        const [sha, iso] = row.split("\t") as [string, string];
        return { sha, date: new Date(iso) };
      })
      // Filter, not stop at the first old commit: commit dates need not be monotonic (rebases, clock skew).
      .filter((row) => !(row.date < since));
    return Promise.all(rows.map(async (row) => ({ ...row, content: await this.readFile(row.sha, safe) })));
  }

  /** Committer date of head. */
  headDate(): Promise<Date> {
    this.date ??= this.git.text(["log", "-1", "--format=%cI", this.head]).then((out) => new Date(out.trim()));
    return this.date;
  }
}

/** Runs `git` in one folder with the fixed config and environment, a few processes at a time. */
class Git {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  readonly env = gitEnv();

  constructor(readonly dir: string) {}

  text(args: string[]): Promise<string> {
    return this.limit(async () => (await run("git", [...GIT_CONFIG, ...args], { ...this.options, encoding: "utf8" })).stdout);
  }

  buffer(args: string[]): Promise<Buffer> {
    return this.limit(async () => (await run("git", [...GIT_CONFIG, ...args], { ...this.options, encoding: "buffer" })).stdout);
  }

  private get options() {
    return { cwd: this.dir, env: this.env, maxBuffer: MAX_BUFFER };
  }

  private async limit<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_PROCESSES) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** Git's file mode for a symbolic link. */
const SYMLINK_MODE = "120000";

/** Parses `git diff --raw -z` output: `:oldmode newmode oldsha newsha status` then one path (two for renames and copies). */
function parseRaw(out: string): ChangedFile[] {
  const parts = out.split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < parts.length; ) {
    const [oldMode, newMode, , , code = ""] = parts[i++]!.slice(1).split(" ");
    const letter = code[0];
    const mode = letter === "D" ? oldMode : newMode;
    const link = mode === SYMLINK_MODE ? { symlink: true } : {};
    if (letter === "R" || letter === "C") {
      const from = parts[i++]!;
      const to = parts[i++]!;
      files.push(letter === "R" ? { path: to, status: "renamed", previousPath: from, ...link } : { path: to, status: "added", ...link });
      continue;
    }
    const path = parts[i++]!;
    const status: ChangeStatus = letter === "A" ? "added" : letter === "D" ? "removed" : "modified";
    files.push({ path, status, ...link });
  }
  return files;
}

/**
 * git exiting non-zero (no such path or object) is an answer: null. Anything else (git missing,
 * output over the buffer, no processes left) is a failure, not a missing file.
 */
async function missingAsNull<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (typeof (error as { code?: unknown }).code === "number") return null;
    throw error;
  }
}

/** Memoises one promise per key; a failure is not kept, so a later call may retry. */
function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = map.get(key);
  if (!hit) {
    hit = load();
    map.set(key, hit);
    hit.catch(() => map.delete(key));
  }
  return hit;
}
