import { posix } from "node:path";
import type { GitHubClient, RepoRef } from "../github/client.js";
import type { ChangedFile, HistoryEntry, Source } from "../types.js";

export type { GitHubClient, RepoRef } from "../github/client.js";

/** Options for a GitHubSource. */
export interface GitHubSourceOptions {
  /**
   * Files larger than this are still read on request but never kept in the cache, and history skips
   * versions larger than this (their content is null, as for a deletion). Default 50 MB.
   */
  maxFileBytes?: number;
  /** Read long histories' file versions over GraphQL, 50 per request. Default true. */
  graphql?: boolean;
}

/** Histories with at most this many versions read each one over REST (GraphQL requests are throttled as writes). */
const REST_VERSIONS = 3;
/** File versions fetched per GraphQL request (aliases of `object(expression: "sha:path")`). */
const VERSIONS_PER_QUERY = 100;

type VersionTexts = {
  repository: Record<string, { byteSize: number; text: string | null; isBinary: boolean | null; isTruncated: boolean } | null> | null;
};

const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
/** GitHub's documented cap on the pull request files list. */
const PR_FILES_CAP = 3000;
/** GitHub's documented cap on the files of a compare response. */
const COMPARE_FILES_CAP = 300;

/** The note a review carries when GitHub's 3,000-file cap cut the pull request's file list. */
export const PR_FILE_CAP_NOTE = "GitHub lists at most 3,000 changed files; files beyond that were not reviewed";

interface TreeEntry {
  sha: string;
  size: number;
}

interface Tree {
  files: Map<string, TreeEntry>;
  truncated: boolean;
}

/** Contents API metadata of one path: a file's size and blob sha, or null for a directory. */
type Metadata = { size: number; sha: string } | null;

interface RawFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

/** Repository-relative path with no `..` escape, or null. */
function safePath(path: string): string | null {
  const normal = posix.normalize(path.replace(/\\/g, "/")).replace(/^\.\//, "");
  if (normal.startsWith("../") || normal === ".." || normal.startsWith("/") || normal === ".") return null;
  return normal;
}

/** Each segment encoded, `/` kept: Octokit's `{path}` turns `/` into `%2F`, which some tokens get 404 for. */
function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function status(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : undefined;
}

/** GitHub refuses raw contents over its size limit with a 403 that says `too_large` / "too large". */
function isTooLarge(error: unknown): boolean {
  if (status(error) !== 403) return false;
  const text = `${error instanceof Error ? error.message : ""} ${JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? "")}`;
  return /too[_ ]large/i.test(text);
}

async function toBuffer(data: unknown): Promise<Buffer> {
  if (data === null || data === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ReadableStream) return Buffer.from(await new Response(data).arrayBuffer());
  if (typeof data === "string") return Buffer.from(data, "utf8");
  throw new Error(`unexpected raw content body: ${typeof data}`);
}

/** The chunks of a raw response body (a web stream from fetch, or bytes some transports buffer). */
async function* chunksOf(body: unknown): AsyncIterable<Buffer> {
  if (body instanceof ReadableStream) {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value.byteLength > 0) yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    } finally {
      // Stops the download when the reader stops early.
      await reader.cancel().catch(() => undefined);
    }
  }
  const bytes = await toBuffer(body);
  if (bytes.length > 0) yield bytes;
}

function mapFile(file: RawFile): ChangedFile | null {
  switch (file.status) {
    case "added":
    case "copied":
      return { path: file.filename, status: "added" };
    case "removed":
      return { path: file.filename, status: "removed" };
    case "renamed":
      return file.previous_filename
        ? { path: file.filename, status: "renamed", previousPath: file.previous_filename }
        : { path: file.filename, status: "added" };
    case "unchanged":
      return null;
    default:
      return { path: file.filename, status: "modified" };
  }
}

/**
 * A Source over the GitHub REST API for one pull request or one pair of commits. Every response is
 * cached for the source's lifetime (one review), so nothing is fetched twice; content is read
 * through the API only, never executed.
 */
export class GitHubSource implements Source {
  /** Messages for the review about what GitHub could not give in full (file caps, truncated trees). */
  readonly notes: string[] = [];
  private requests = 0;
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly maxFileBytes: number;
  /** Off after the first GraphQL failure (an old GHES, a proxy): REST from then on. */
  private graphqlUsable: boolean;

  private constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    readonly base: string,
    readonly head: string,
    private readonly listChanged: (source: GitHubSource) => Promise<ChangedFile[]>,
    opts: GitHubSourceOptions = {},
  ) {
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.graphqlUsable = opts.graphql ?? true;
  }

  /** A pull request: files from `GET /repos/{o}/{r}/pulls/{n}/files` (all pages, 100 a page, 3,000 at most). */
  static forPullRequest(
    octokit: GitHubClient,
    repo: RepoRef,
    pr: { number: number; baseSha: string; headSha: string },
    opts?: GitHubSourceOptions,
  ): GitHubSource {
    return new GitHubSource(octokit, repo, pr.baseSha, pr.headSha, (s) => s.pullRequestFiles(pr.number), opts);
  }

  /**
   * Any two commits (a merge queue's base and head): files from `GET /repos/{o}/{r}/compare/{base}...{head}`.
   * That list stops at 300 files; past it the change is computed from the merge base's and head's trees.
   */
  static forCompare(octokit: GitHubClient, repo: RepoRef, refs: { baseSha: string; headSha: string }, opts?: GitHubSourceOptions): GitHubSource {
    return new GitHubSource(octokit, repo, refs.baseSha, refs.headSha, (s) => s.compareFiles(), opts);
  }

  /** Number of HTTP requests this source made (each page counts). */
  get requestCount(): number {
    return this.requests;
  }

  changedFiles(): Promise<ChangedFile[]> {
    return this.once("changed", () => this.listChanged(this));
  }

  readFile(ref: string, path: string): Promise<Buffer | null> {
    const safe = safePath(path);
    if (safe === null) return Promise.resolve(null);
    const key = `raw:${ref}:${safe}`;
    const hit = this.cache.get(key) as Promise<Buffer | null> | undefined;
    if (hit) return hit;
    const read = this.fetchRaw(ref, safe);
    this.cache.set(key, read);
    read.then(
      (bytes) => {
        // Keep big files out of memory for the rest of the review: callers check fileSize first and read them once.
        if (bytes && bytes.length > this.maxFileBytes) this.cache.delete(key);
      },
      () => this.cache.delete(key),
    );
    return read;
  }

  /**
   * Streams a file's bytes from the raw contents response body (the git blobs API, also raw, past
   * the contents API's size limit). A file already read whole is served from the cache.
   */
  async *readStream(ref: string, path: string): AsyncIterable<Buffer> {
    const safe = safePath(path);
    if (safe === null) return;
    const hit = this.cache.get(`raw:${ref}:${safe}`) as Promise<Buffer | null> | undefined;
    if (hit) {
      const bytes = await hit;
      if (bytes) yield bytes;
      return;
    }
    const rawOptions = { ...this.repo, mediaType: { format: "raw" }, request: { parseSuccessResponseBody: false } };
    let body: unknown;
    try {
      body = (await this.call(() => this.octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(safe)}`, { ...rawOptions, ref }))).data;
    } catch (error) {
      if (status(error) === 404) return;
      if (!isTooLarge(error)) throw error;
      const sha = await this.blobSha(ref, safe);
      if (sha === null) return;
      body = (await this.call(() => this.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...rawOptions, file_sha: sha }))).data;
    }
    yield* chunksOf(body);
  }

  async fileSize(ref: string, path: string): Promise<number | null> {
    const safe = safePath(path);
    if (safe === null) return null;
    const tree = await this.tree(ref);
    const entry = tree.files.get(safe);
    if (entry) return entry.size;
    if (!tree.truncated) return null;
    return (await this.metadata(ref, safe))?.size ?? null;
  }

  async listFiles(ref: string): Promise<string[]> {
    return [...(await this.tree(ref)).files.keys()];
  }

  /**
   * Commits that touched `path` with the file at each: the commit list over REST (one request per
   * 100 commits), then, past a few versions, the versions over GraphQL, 100 per request, whatever the
   * number of versions; versions over the size limit are skipped (null). REST reads each version
   * when GraphQL fails or for the rare binary version.
   */
  async history(path: string, since: Date): Promise<HistoryEntry[]> {
    const safe = safePath(path);
    if (safe === null) return [];
    const commits = (await this.historyCommits(safe, since)).filter((c) => c.date >= since);
    let contents = new Map<string, Buffer | null>();
    if (this.graphqlUsable && commits.length > REST_VERSIONS) {
      try {
        contents = await this.once(`gql-versions:${safe}:${since.toISOString()}`, () => this.versionsByGraphql(safe, commits.map((c) => c.sha)));
      } catch {
        this.graphqlUsable = false;
      }
    }
    const entries: HistoryEntry[] = [];
    for (const { sha, date } of commits) {
      entries.push({ sha, date, content: contents.has(sha) ? contents.get(sha)! : await this.readFile(sha, safe) });
    }
    return entries;
  }

  /** The file at each commit, by commit sha; a commit is absent when REST must read it (binary, truncated). */
  private async versionsByGraphql(path: string, shas: string[]): Promise<Map<string, Buffer | null>> {
    const out = new Map<string, Buffer | null>();
    for (let start = 0; start < shas.length; start += VERSIONS_PER_QUERY) {
      const batch = shas.slice(start, start + VERSIONS_PER_QUERY);
      const fields = batch.map((sha, i) => `v${i}: object(expression: ${JSON.stringify(`${sha}:${path}`)}) { ... on Blob { byteSize text isBinary isTruncated } }`).join("\n");
      const data: VersionTexts = await this.call(() =>
        this.octokit.graphql<VersionTexts>(`query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {\n${fields}\n} }`, {
          owner: this.repo.owner,
          name: this.repo.repo,
        }),
      );
      if (!data.repository) throw new Error("GraphQL returned no repository");
      batch.forEach((sha, i) => {
        const blob = data.repository![`v${i}`];
        if (!blob) out.set(sha, null);
        else if (blob.byteSize > this.maxFileBytes) out.set(sha, null);
        // Binary, truncated or not valid UTF-8 (GraphQL's text would not give the bytes back): REST reads it.
        else if (typeof blob.text === "string" && !blob.isBinary && !blob.isTruncated && !blob.text.includes("\uFFFD")) {
          const bytes = Buffer.from(blob.text, "utf8");
          if (bytes.length === blob.byteSize) out.set(sha, bytes);
        }
      });
    }
    return out;
  }

  private historyCommits(safe: string, since: Date): Promise<Array<{ sha: string; date: Date }>> {
    return this.once(`history:${safe}:${since.toISOString()}`, async () => {
      const found: { sha: string; date: Date }[] = [];
      const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listCommits, {
        ...this.repo,
        sha: this.head,
        path: safe,
        since: since.toISOString(),
        per_page: 100,
      });
      for await (const page of this.counted(pages)) {
        for (const c of page.data) {
          const iso = c.commit.committer?.date ?? c.commit.author?.date;
          if (!iso) continue;
          found.push({ sha: c.sha, date: new Date(iso) });
        }
      }
      return found;
    });
  }

  headDate(): Promise<Date> {
    return this.once("head-date", async () => {
      const { data } = await this.call(() => this.octokit.rest.repos.getCommit({ ...this.repo, ref: this.head }));
      const iso = data.commit.committer?.date ?? data.commit.author?.date;
      if (!iso) throw new Error(`commit ${this.head} has no committer date`);
      return new Date(iso);
    });
  }

  private async pullRequestFiles(pullNumber: number): Promise<ChangedFile[]> {
    const files: ChangedFile[] = [];
    let listed = 0;
    const pages = this.octokit.paginate.iterator(this.octokit.rest.pulls.listFiles, { ...this.repo, pull_number: pullNumber, per_page: 100 });
    for await (const page of this.counted(pages)) {
      for (const f of page.data) {
        listed++;
        const mapped = mapFile(f);
        if (mapped) files.push(mapped);
      }
    }
    if (listed >= PR_FILES_CAP) this.note(PR_FILE_CAP_NOTE);
    return files;
  }

  private async compareFiles(): Promise<ChangedFile[]> {
    const { data } = await this.call(() =>
      this.octokit.rest.repos.compareCommitsWithBasehead({ ...this.repo, basehead: `${this.base}...${this.head}`, per_page: 100 }),
    );
    const raw = data.files ?? [];
    const listed = raw.map(mapFile).filter((f): f is ChangedFile => f !== null);
    if (raw.length < COMPARE_FILES_CAP) return listed;
    // Paging the compare endpoint pages its commits, not its files: the trees are the only complete list.
    const from = data.merge_base_commit?.sha ?? this.base;
    const [before, after] = await Promise.all([this.tree(from), this.tree(this.head)]);
    if (before.truncated || after.truncated) {
      this.note(`GitHub lists at most ${COMPARE_FILES_CAP} changed files between two commits; files beyond that were not reviewed`);
      return listed;
    }
    this.note(`GitHub lists at most ${COMPARE_FILES_CAP} changed files between two commits; the changes were computed from the two trees instead, so renames show as a removal and an addition`);
    const files: ChangedFile[] = [];
    for (const [path, entry] of after.files) {
      const old = before.files.get(path);
      if (!old) files.push({ path, status: "added" });
      else if (old.sha !== entry.sha) files.push({ path, status: "modified" });
    }
    for (const path of before.files.keys()) if (!after.files.has(path)) files.push({ path, status: "removed" });
    return files;
  }

  private async fetchRaw(ref: string, path: string): Promise<Buffer | null> {
    try {
      const res = await this.call(() =>
        this.octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, {
          ...this.repo,
          ref,
          mediaType: { format: "raw" },
          // GitHub serves raw files as text/plain; Octokit would decode that as UTF-8 and mangle binary bytes.
          request: { parseSuccessResponseBody: false },
        }),
      );
      return await toBuffer(res.data);
    } catch (error) {
      if (status(error) === 404) return null;
      if (!isTooLarge(error)) throw error;
    }
    const sha = await this.blobSha(ref, path);
    if (sha === null) return null;
    const { data } = await this.call(() => this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha }));
    return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
  }

  private async blobSha(ref: string, path: string): Promise<string | null> {
    const tree = await this.tree(ref);
    const entry = tree.files.get(path);
    if (entry) return entry.sha;
    return tree.truncated ? ((await this.metadata(ref, path))?.sha ?? null) : null;
  }

  /** One recursive tree per ref: blob paths with their sizes and shas. */
  private tree(ref: string): Promise<Tree> {
    return this.once(`tree:${ref}`, async () => {
      const { data } = await this.call(() => this.octokit.rest.git.getTree({ ...this.repo, tree_sha: ref, recursive: "1" }));
      const files = new Map<string, TreeEntry>();
      for (const e of data.tree) {
        if (e.type === "blob" && e.path && e.sha) files.set(e.path, { sha: e.sha, size: e.size ?? 0 });
      }
      if (data.truncated) {
        this.note(`GitHub truncated the file tree of ${ref.slice(0, 7)}; the file list at that commit is incomplete`);
      }
      return { files, truncated: data.truncated };
    });
  }

  /** Contents API metadata of a path, for when the tree is truncated. */
  private metadata(ref: string, path: string): Promise<Metadata> {
    return this.once(`meta:${ref}:${path}`, async () => {
      try {
        const { data } = await this.call(() =>
          this.octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, { ...this.repo, ref, mediaType: { format: "object" } }),
        );
        const meta = data as { type?: unknown; size?: unknown; sha?: unknown };
        return meta.type === "file" && typeof meta.size === "number" && typeof meta.sha === "string" ? { size: meta.size, sha: meta.sha } : null;
      } catch (error) {
        if (status(error) === 404) return null;
        throw error;
      }
    });
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
      // A failed request may be retried by a later call; a successful one is never repeated.
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  private call<T>(request: () => Promise<T>): Promise<T> {
    this.requests++;
    return request();
  }

  private async *counted<T>(pages: AsyncIterable<T>): AsyncIterable<T> {
    const iterator = pages[Symbol.asyncIterator]();
    for (;;) {
      this.requests++;
      const next = await iterator.next();
      if (next.done) {
        // The iterator ends without a request once the last page had no `next` link.
        this.requests--;
        return;
      }
      yield next.value;
    }
  }

  private note(message: string): void {
    if (!this.notes.includes(message)) this.notes.push(message);
  }
}
