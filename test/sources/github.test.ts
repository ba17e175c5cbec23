import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { GitHubSource, PR_FILE_CAP_NOTE, type GitHubClient, type GitHubSourceOptions } from "../../src/sources/github.js";
import { gitBlobSha } from "../helpers/github-nock.js";

const API = "https://api.github.com";
const REPO = { owner: "acme", repo: "models" };
const BASE = "b".repeat(40);
const HEAD = "h".repeat(40);

function client(): GitHubClient {
  const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
  return new Octokit({ auth: { token: "test" } });
}

function prSource(opts?: GitHubSourceOptions): GitHubSource {
  return GitHubSource.forPullRequest(client(), REPO, { number: 7, baseSha: BASE, headSha: HEAD }, opts);
}

function link(path: string, page: number): Record<string, string> {
  return { link: `<${API}${path}?per_page=100&page=${page}>; rel="next"` };
}

const OTHER = "c".repeat(40);

const fileRow = (filename: string, status = "modified", extra: Record<string, unknown> = {}) => ({ sha: "0".repeat(40), filename, status, ...extra });

/** A tree entry for `content` at `path`, with its real blob sha. */
const treeBlob = (path: string, content: string | Buffer, mode = "100644") => ({
  path,
  mode,
  type: "blob",
  sha: gitBlobSha(content),
  size: Buffer.byteLength(content),
});

/** The head tree the source reads to mark symbolic links among the changed files. */
const headTree = (scope: nock.Scope, entries: ReturnType<typeof treeBlob>[] = []) =>
  scope.get(`/repos/acme/models/git/trees/${HEAD}`).query({ recursive: "1" }).reply(200, { sha: HEAD, truncated: false, tree: entries });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("GitHubSource.changedFiles (pull request)", () => {
  it("reads every page and maps GitHub's statuses", async () => {
    const path = "/repos/acme/models/pulls/7/files";
    const scope = nock(API)
      .get(path)
      .query({ per_page: "100" })
      .reply(200, [fileRow("train.jsonl", "added"), fileRow("config.yml", "modified")], link(path, 2))
      .get(path)
      .query({ per_page: "100", page: "2" })
      .reply(200, [fileRow("data/new.jsonl", "renamed", { previous_filename: "data/old.jsonl" }), fileRow("gone.csv", "removed")], link(path, 3))
      .get(path)
      .query({ per_page: "100", page: "3" })
      .reply(200, [fileRow("copy.yml", "copied"), fileRow("mode.sh", "changed"), fileRow("same.txt", "unchanged")]);
    headTree(scope, [treeBlob("train.jsonl", "/etc/passwd", "120000"), treeBlob("config.yml", "a: 1\n")]);
    const source = prSource();
    const files = await source.changedFiles();
    expect(files).toEqual([
      { path: "train.jsonl", status: "added", symlink: true },
      { path: "config.yml", status: "modified" },
      { path: "data/new.jsonl", status: "renamed", previousPath: "data/old.jsonl" },
      { path: "gone.csv", status: "removed" },
      { path: "copy.yml", status: "added" },
      { path: "mode.sh", status: "modified" },
    ]);
    expect(await source.changedFiles()).toBe(files);
    expect(source.notes).toEqual([]);
    expect(source.requestCount).toBe(4);
    scope.done();
  });

  it("notes GitHub's 3,000-file cap instead of passing silently", async () => {
    const path = "/repos/acme/models/pulls/7/files";
    const scope = nock(API);
    for (let page = 1; page <= 30; page++) {
      const rows = Array.from({ length: 100 }, (_, i) => fileRow(`data/f${page}-${i}.jsonl`));
      scope
        .get(path)
        .query(page === 1 ? { per_page: "100" } : { per_page: "100", page: String(page) })
        .reply(200, rows, page < 30 ? link(path, page + 1) : {});
    }
    headTree(scope);
    const source = prSource();
    const notes = source.notes;
    expect(await source.changedFiles()).toHaveLength(3000);
    expect(notes).toEqual([PR_FILE_CAP_NOTE]);
    expect(source.requestCount).toBe(31);
    scope.done();
  });
});

describe("GitHubSource.changedFiles (compare)", () => {
  it("maps the compare endpoint's files", async () => {
    const scope = nock(API)
      .get(`/repos/acme/models/compare/${BASE}...${HEAD}`)
      .query({ per_page: "100" })
      .reply(200, { merge_base_commit: { sha: BASE }, files: [fileRow("a.jsonl", "added"), fileRow("b.yml", "renamed", { previous_filename: "c.yml" })] });
    headTree(scope, [treeBlob("a.jsonl", "{}\n")]);
    const source = GitHubSource.forCompare(client(), REPO, { baseSha: BASE, headSha: HEAD });
    expect(await source.changedFiles()).toEqual([
      { path: "a.jsonl", status: "added" },
      { path: "b.yml", status: "renamed", previousPath: "c.yml" },
    ]);
    expect(source.notes).toEqual([]);
    expect(source.requestCount).toBe(2);
    scope.done();
  });

  it("diffs the merge base's and head's trees when the compare list hits 300 files", async () => {
    const mergeBase = "m".repeat(40);
    const blob = (path: string, sha: string) => ({ path, type: "blob", sha: sha.repeat(40), size: 1, mode: "100644" });
    const scope = nock(API)
      .get(`/repos/acme/models/compare/${BASE}...${HEAD}`)
      .query({ per_page: "100" })
      .reply(200, { merge_base_commit: { sha: mergeBase }, files: Array.from({ length: 300 }, (_, i) => fileRow(`f${i}`)) })
      .get(`/repos/acme/models/git/trees/${mergeBase}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t1", truncated: false, tree: [blob("same.txt", "1"), blob("changed.yml", "2"), blob("gone.csv", "3")] })
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, {
        sha: "t2",
        truncated: false,
        tree: [blob("same.txt", "1"), blob("changed.yml", "4"), blob("new.jsonl", "5"), { path: "dir", type: "tree", sha: "6".repeat(40), mode: "040000" }],
      });
    const source = GitHubSource.forCompare(client(), REPO, { baseSha: BASE, headSha: HEAD });
    expect(await source.changedFiles()).toEqual([
      { path: "changed.yml", status: "modified" },
      { path: "new.jsonl", status: "added" },
      { path: "gone.csv", status: "removed" },
    ]);
    expect(source.notes).toHaveLength(1);
    expect(source.notes[0]).toMatch(/at most 300 changed files/);
    // The head tree is cached: listing head files costs nothing more.
    expect(await source.listFiles(HEAD)).toEqual(["same.txt", "changed.yml", "new.jsonl"]);
    expect(source.requestCount).toBe(3);
    scope.done();
  });
});

describe("GitHubSource.readFile", () => {
  it("returns raw bytes exactly, encodes path segments, and fetches once", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"text":"héllo"}\n'), Buffer.from([0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x0a])]);
    // A commit other than base and head (a history version): no tree is fetched for it.
    const scope = nock(API, { reqheaders: { accept: /application\/vnd\.github(\.v3)?\.raw/ } })
      .get("/repos/acme/models/contents/data/my%20set%20%C3%BC%231.jsonl")
      .query({ ref: OTHER })
      .reply(200, bytes, { "content-type": "text/plain; charset=utf-8" });
    const source = prSource();
    const first = await source.readFile(OTHER, "data/my set ü#1.jsonl");
    const second = await source.readFile(OTHER, "data/my set ü#1.jsonl");
    expect(first).not.toBeNull();
    expect(first!.equals(bytes)).toBe(true);
    expect(second).toBe(first);
    expect(source.requestCount).toBe(1);
    scope.done();
  });

  it("reads an empty file as zero bytes", async () => {
    const scope = nock(API).get("/repos/acme/models/contents/empty.txt").query({ ref: OTHER }).reply(200, "", { "content-type": "text/plain; charset=utf-8" });
    const source = prSource();
    expect(await source.readFile(OTHER, "./empty.txt")).toEqual(Buffer.alloc(0));
    scope.done();
  });

  it("returns null for a missing file (a 404, or absent from the base's tree) and for paths that leave the repository, the latter without a request", async () => {
    const scope = nock(API)
      .get("/repos/acme/models/contents/missing.yml")
      .query({ ref: OTHER })
      .reply(404, { message: "Not Found" })
      .get(`/repos/acme/models/git/trees/${BASE}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t", truncated: false, tree: [treeBlob("README.md", "# hi\n")] });
    const source = prSource();
    expect(await source.readFile(OTHER, "missing.yml")).toBeNull();
    expect(await source.readFile(OTHER, "missing.yml")).toBeNull();
    expect(await source.readFile(BASE, "missing.yml")).toBeNull();
    expect(await source.readFile(BASE, ".github/CODEOWNERS")).toBeNull();
    expect(await source.readFile(BASE, "../secrets.txt")).toBeNull();
    expect(await source.readFile(BASE, "a/../../etc/passwd")).toBeNull();
    expect(await source.fileSize(BASE, "../x")).toBeNull();
    expect(await source.history("../x", new Date(0))).toEqual([]);
    expect(source.requestCount).toBe(2);
    scope.done();
  });

  it("reads a blob once: a file unchanged between base and head is one request", async () => {
    const text = "labels:\n  - a\n";
    const scope = nock(API)
      .get(`/repos/acme/models/git/trees/${BASE}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t1", truncated: false, tree: [treeBlob("labels.yaml", text)] })
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t2", truncated: false, tree: [treeBlob("labels.yaml", text), treeBlob("data/new.jsonl", "{}\n")] })
      .get("/repos/acme/models/contents/labels.yaml")
      .query({ ref: HEAD })
      .reply(200, text, { "content-type": "text/plain; charset=utf-8" });
    const source = prSource();
    const head = await source.readFile(HEAD, "labels.yaml");
    expect(head!.toString()).toBe(text);
    expect(await source.readFile(BASE, "labels.yaml")).toBe(head);
    expect(await source.readFile(BASE, "data/new.jsonl")).toBeNull();
    expect(source.requestCount).toBe(3);
    scope.done();
  });

  it("reads a symbolic link's own bytes (its target path) from the blobs API; the contents API would follow it", async () => {
    const link = treeBlob("data/train.jsonl", "/etc/passwd", "120000");
    const scope = nock(API)
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t2", truncated: false, tree: [link] })
      .get(`/repos/acme/models/git/blobs/${link.sha}`)
      .reply(200, { sha: link.sha, size: link.size, content: Buffer.from("/etc/passwd").toString("base64"), encoding: "base64" });
    const source = prSource();
    expect((await source.readFile(HEAD, "data/train.jsonl"))!.toString()).toBe("/etc/passwd");
    expect(source.requestCount).toBe(2);
    scope.done();
  });

  it("falls back to the git blobs API when the contents API refuses a large file", async () => {
    const big = Buffer.alloc(1024 * 1024 + 17, 0x61);
    big[5] = 0xff;
    const blobSha = "c".repeat(40);
    const scope = nock(API)
      .get("/repos/acme/models/contents/data/big.jsonl")
      .query({ ref: HEAD })
      .reply(403, {
        message:
          "This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.",
        errors: [{ resource: "Blob", field: "data", code: "too_large" }],
      })
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t", truncated: false, tree: [{ path: "data/big.jsonl", type: "blob", sha: blobSha, size: big.length, mode: "100644" }] })
      .get(`/repos/acme/models/git/blobs/${blobSha}`)
      .reply(200, { sha: blobSha, size: big.length, encoding: "base64", content: big.toString("base64").replace(/(.{60})/g, "$1\n") });
    const source = prSource();
    const read = await source.readFile(HEAD, "data/big.jsonl");
    expect(read!.equals(big)).toBe(true);
    // The tree fetched for the fallback also answers fileSize.
    expect(await source.fileSize(HEAD, "data/big.jsonl")).toBe(big.length);
    expect(source.requestCount).toBe(3);
    scope.done();
  });

  it("propagates errors other than 404", async () => {
    const scope = nock(API).get("/repos/acme/models/contents/a.yml").query({ ref: OTHER }).reply(500, { message: "boom" });
    const source = prSource();
    await expect(source.readFile(OTHER, "a.yml")).rejects.toMatchObject({ status: 500 });
    scope.done();
  });

  it("reads a file over maxFileBytes when asked, without keeping it cached", async () => {
    const bytes = Buffer.from("0123456789");
    const scope = nock(API)
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t", truncated: false, tree: [treeBlob("w.bin", bytes)] })
      .get("/repos/acme/models/contents/w.bin")
      .query({ ref: HEAD })
      .times(2)
      .reply(200, bytes, { "content-type": "application/octet-stream" });
    const source = prSource({ maxFileBytes: 4 });
    expect((await source.readFile(HEAD, "w.bin"))!.toString()).toBe("0123456789");
    expect((await source.readFile(HEAD, "w.bin"))!.toString()).toBe("0123456789");
    expect(source.requestCount).toBe(3);
    scope.done();
  });
});

describe("GitHubSource.fileSize and listFiles", () => {
  it("answer both from one recursive tree request per ref", async () => {
    const scope = nock(API)
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, {
        sha: "t",
        truncated: false,
        tree: [
          { path: "data", type: "tree", sha: "1".repeat(40), mode: "040000" },
          { path: "data/train.jsonl", type: "blob", sha: "2".repeat(40), size: 12345, mode: "100644" },
          { path: "README.md", type: "blob", sha: "3".repeat(40), size: 10, mode: "100644" },
          { path: "vendor/lib", type: "commit", sha: "4".repeat(40), mode: "160000" },
        ],
      });
    const source = prSource();
    expect(await source.fileSize(HEAD, "data/train.jsonl")).toBe(12345);
    expect(await source.fileSize(HEAD, "missing.txt")).toBeNull();
    expect(await source.fileSize(HEAD, "data")).toBeNull();
    expect(await source.listFiles(HEAD)).toEqual(["data/train.jsonl", "README.md"]);
    expect(source.requestCount).toBe(1);
    expect(source.notes).toEqual([]);
    scope.done();
  });

  it("notes a truncated tree and asks the contents API for sizes it lacks", async () => {
    const scope = nock(API)
      .get(`/repos/acme/models/git/trees/${BASE}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t", truncated: true, tree: [{ path: "a.txt", type: "blob", sha: "1".repeat(40), size: 3, mode: "100644" }] })
      .get("/repos/acme/models/contents/deep/x.jsonl")
      .query({ ref: BASE })
      .reply(200, { type: "file", path: "deep/x.jsonl", size: 2048, sha: "5".repeat(40) })
      .get("/repos/acme/models/contents/deep/none.jsonl")
      .query({ ref: BASE })
      .reply(404, { message: "Not Found" });
    const source = prSource();
    expect(await source.fileSize(BASE, "a.txt")).toBe(3);
    expect(await source.fileSize(BASE, "deep/x.jsonl")).toBe(2048);
    expect(await source.fileSize(BASE, "deep/x.jsonl")).toBe(2048);
    expect(await source.fileSize(BASE, "deep/none.jsonl")).toBeNull();
    expect(source.notes).toEqual([expect.stringMatching(/truncated the file tree of bbbbbbb/)]);
    expect(source.requestCount).toBe(3);
    scope.done();
  });
});

describe("GitHubSource.history and headDate", () => {
  it("lists commits newest first with the file at each, filtered by committer date", async () => {
    const since = new Date("2024-01-01T00:00:00Z");
    const path = "/repos/acme/models/commits";
    const commit = (sha: string, committed: string, authored = committed) => ({ sha, commit: { committer: { date: committed }, author: { date: authored } } });
    const scope = nock(API)
      .get(path)
      .query({ sha: HEAD, path: "labels/intents v2.yml", since: since.toISOString(), per_page: "100" })
      .reply(200, [commit("c3", "2024-03-01T00:00:00Z"), commit("c2", "2024-02-01T00:00:00Z")], {
        link: `<${API}${path}?sha=${HEAD}&path=labels%2Fintents%20v2.yml&since=2024-01-01T00%3A00%3A00.000Z&per_page=100&page=2>; rel="next"`,
      })
      .get(path)
      .query({ sha: HEAD, path: "labels/intents v2.yml", since: since.toISOString(), per_page: "100", page: "2" })
      // Authored after `since` but committed before it: GitHub may list it, the review must not.
      .reply(200, [commit("c1", "2024-01-15T00:00:00Z"), commit("c0", "2023-12-01T00:00:00Z", "2024-01-02T00:00:00Z")])
      .get("/repos/acme/models/contents/labels/intents%20v2.yml")
      .query({ ref: "c3" })
      .reply(404, { message: "Not Found" })
      .get("/repos/acme/models/contents/labels/intents%20v2.yml")
      .query({ ref: "c2" })
      .reply(200, "- a\n- b\n", { "content-type": "text/plain; charset=utf-8" })
      .get("/repos/acme/models/contents/labels/intents%20v2.yml")
      .query({ ref: "c1" })
      .reply(200, "- a\n", { "content-type": "text/plain; charset=utf-8" });
    // REST history (GraphQL off): the fallback path, one request per version.
    const source = prSource({ graphql: false });
    const entries = await source.history("labels/intents v2.yml", since);
    expect(entries.map((e) => ({ sha: e.sha, date: e.date.toISOString(), content: e.content?.toString() ?? null }))).toEqual([
      { sha: "c3", date: "2024-03-01T00:00:00.000Z", content: null },
      { sha: "c2", date: "2024-02-01T00:00:00.000Z", content: "- a\n- b\n" },
      { sha: "c1", date: "2024-01-15T00:00:00.000Z", content: "- a\n" },
    ]);
    const again = await source.history("labels/intents v2.yml", since);
    expect(again.map((e) => e.sha)).toEqual(["c3", "c2", "c1"]);
    expect(source.requestCount).toBe(5);
    scope.done();
  });

  it("reads the head commit's committer date once", async () => {
    const scope = nock(API)
      .get(`/repos/acme/models/commits/${HEAD}`)
      .reply(200, { sha: HEAD, commit: { committer: { date: "2024-05-06T07:08:09Z" }, author: { date: "2020-01-01T00:00:00Z" } } });
    const source = prSource();
    expect((await source.headDate()).toISOString()).toBe("2024-05-06T07:08:09.000Z");
    expect((await source.headDate()).toISOString()).toBe("2024-05-06T07:08:09.000Z");
    expect(source.requestCount).toBe(1);
    scope.done();
  });
});

describe("GitHubSource over GraphQL (request bodies)", () => {
  type Query = { query: string; variables: Record<string, unknown> };
  const gql = (queries: Query[], reply: (q: Query) => unknown) =>
    nock(API)
      .post("/graphql", (body: Query) => (queries.push(body), true))
      .reply(200, (_uri, body) => reply(body as Query));

  it("reads the files detection will read ahead, in one request; bytes GraphQL cannot give exactly are read over REST", async () => {
    const files = {
      "a.yml": "adapter: lora\n",
      "b.jsonl": '{"text":"x"}\n',
      "c.bin": Buffer.from([0, 1, 2]),
      "big.jsonl": Buffer.alloc(2 * 1024 * 1024, 0x61),
    };
    const queries: Query[] = [];
    const scope = nock(API)
      .get("/repos/acme/models/pulls/7/files")
      .query({ per_page: "100" })
      .reply(200, [...Object.keys(files).map((f) => fileRow(f, "added")), fileRow("icon.png", "added"), fileRow("gone.csv", "removed")])
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t", truncated: false, tree: [...Object.entries(files).map(([p, c]) => treeBlob(p, c)), treeBlob("icon.png", "PNG")] })
      .get("/repos/acme/models/contents/c.bin")
      .query({ ref: HEAD })
      .reply(200, files["c.bin"], { "content-type": "application/octet-stream" });
    const reads = gql(queries, () => ({
      data: {
        repository: {
          b0: { byteSize: 14, isBinary: false, isTruncated: false, text: files["a.yml"] },
          b1: { byteSize: 13, isBinary: false, isTruncated: false, text: files["b.jsonl"] },
          b2: { byteSize: 3, isBinary: true, isTruncated: false, text: null },
        },
      },
    }));
    const source = prSource();
    await source.changedFiles();
    // icon.png changed too, but detection did not ask for it: it is not read ahead (the query names 3 blobs).
    source.prefetch(Object.keys(files));
    expect((await source.readFile(HEAD, "a.yml"))!.toString()).toBe(files["a.yml"]);
    expect((await source.readFile(HEAD, "b.jsonl"))!.toString()).toBe(files["b.jsonl"]);
    expect((await source.readFile(HEAD, "c.bin"))!.equals(files["c.bin"])).toBe(true);
    expect(queries).toHaveLength(1);
    expect(queries[0]!.query).toMatch(/^query FileVersions/);
    // The 2 MB file is left to the stream that reads it; the removed one is not at head.
    expect([...queries[0]!.query.matchAll(/object\(oid: "([0-9a-f]{40})"\)/g)].map((m) => m[1])).toEqual([
      gitBlobSha(files["a.yml"]),
      gitBlobSha(files["b.jsonl"]),
      gitBlobSha(files["c.bin"]),
    ]);
    expect(queries[0]!.variables).toEqual({ owner: "acme", name: "models" });
    expect(source.requestCount).toBe(4);
    scope.done();
    reads.done();
  });

  it("asks for several paths' histories in one query, then reads each distinct blob once, skipping those over the size limit", async () => {
    const since = new Date("2024-01-01T00:00:00Z");
    const v1 = "labels:\n  - a\n";
    const v2 = "labels:\n  - a\n  - b\n";
    const huge = "x".repeat(64);
    const node = (oid: string, date: string, content: string | null) => ({
      oid,
      committedDate: date,
      file: content === null ? null : { oid: gitBlobSha(content), object: { byteSize: Buffer.byteLength(content) } },
    });
    const queries: Query[] = [];
    const histories = gql(queries, () => ({
      data: {
        repository: {
          h0: {
            history: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: [node("c3", "2024-03-01T00:00:00Z", null), node("c2", "2024-02-01T00:00:00Z", v2), node("c1", "2024-01-15T00:00:00Z", v1)],
            },
          },
          h1: {
            history: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: [node("d2", "2024-02-10T00:00:00Z", huge), node("d1", "2024-01-20T00:00:00Z", v1), node("d0", "2023-12-01T00:00:00Z", v2)],
            },
          },
        },
      },
    }));
    const versions = gql(queries, () => ({
      data: {
        repository: {
          b0: { byteSize: Buffer.byteLength(v2), isBinary: false, isTruncated: false, text: v2 },
          b1: { byteSize: Buffer.byteLength(v1), isBinary: false, isTruncated: false, text: v1 },
        },
      },
    }));
    const source = prSource({ maxFileBytes: 32 });
    const [a, b] = await Promise.all([source.history("labels/a.yml", since), source.history("labels/b.yml", since)]);
    const view = (es: typeof a) => es.map((e) => [e.sha, e.date.toISOString().slice(0, 10), e.content?.toString() ?? null]);
    expect(view(a)).toEqual([
      ["c3", "2024-03-01", null],
      ["c2", "2024-02-01", v2],
      ["c1", "2024-01-15", v1],
    ]);
    // Over the size limit: skipped, never read. Committed before `since`: left out.
    expect(view(b)).toEqual([
      ["d2", "2024-02-10", null],
      ["d1", "2024-01-20", v1],
    ]);
    expect(b[1]!.content).toBe(a[2]!.content);
    expect(queries.map((q) => q.query.split(/[\s(]/)[1])).toEqual(["FileHistories", "FileVersions"]);
    expect(queries[0]!.query).toContain('h0: object(oid: $head) { ... on Commit { history(path: "labels/a.yml", since: $since, first: 100)');
    expect(queries[0]!.query).toContain('h1: object(oid: $head) { ... on Commit { history(path: "labels/b.yml", since: $since, first: 100)');
    expect(queries[0]!.variables).toEqual({ owner: "acme", name: "models", head: HEAD, since: since.toISOString() });
    expect([...queries[1]!.query.matchAll(/object\(oid: "([0-9a-f]{40})"\)/g)].map((m) => m[1])).toEqual([gitBlobSha(v2), gitBlobSha(v1)]);
    expect(source.requestCount).toBe(2);
    histories.done();
    versions.done();
  });

  it("a history of a small file comes with each version's text: one request in all", async () => {
    const since = new Date("2024-01-01T00:00:00Z");
    const v1 = "- a\n";
    const v2 = "- a\n- b\n";
    const queries: Query[] = [];
    const tree = nock(API)
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t", truncated: false, tree: [treeBlob("labels.yml", v2)] });
    const text = (t: string) => ({ oid: gitBlobSha(t), object: { byteSize: t.length, isBinary: false, isTruncated: false, text: t } });
    const histories = gql(queries, () => ({
      data: {
        repository: {
          h0: {
            history: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: [
                { oid: "f3", committedDate: "2024-03-01T00:00:00Z", file: text(v2) },
                { oid: "f2", committedDate: "2024-02-01T00:00:00Z", file: text(v1) },
                { oid: "f1", committedDate: "2024-01-15T00:00:00Z", file: text(v2) },
              ],
            },
          },
        },
      },
    }));
    const source = prSource();
    await source.listFiles(HEAD);
    const entries = await source.history("labels.yml", since);
    expect(entries.map((e) => [e.sha, e.content?.toString()])).toEqual([
      ["f3", v2],
      ["f2", v1],
      ["f1", v2],
    ]);
    expect(entries[2]!.content).toBe(entries[0]!.content);
    expect(queries).toHaveLength(1);
    expect(queries[0]!.query).toContain('file(path: "labels.yml") { oid object { ... on Blob { byteSize isBinary isTruncated text } } }');
    expect(source.requestCount).toBe(2);
    tree.done();
    histories.done();
  });

  it("follows a history's pages, and reads a version GitHub will not resolve over GraphQL (over 10 MB) over REST", async () => {
    const since = new Date("2024-01-01T00:00:00Z");
    const text = "- a\n";
    const page = (nodes: unknown[], endCursor: string | null) => ({ history: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, nodes } });
    const queries: Query[] = [];
    const first = gql(queries, () => ({
      data: {
        repository: { h0: page([{ oid: "e2", committedDate: "2024-02-01T00:00:00Z", file: { oid: gitBlobSha(text), object: { byteSize: 4 } } }], "cursor-1") },
      },
    }));
    const second = gql(queries, () => ({
      data: { repository: { h0: page([{ oid: "e1", committedDate: "2024-01-15T00:00:00Z", file: null }], null) } },
      errors: [{ type: "UNPROCESSABLE", path: ["repository", "h0", "history", "nodes", 0, "file"], message: "Could not resolve file over 10mb." }],
    }));
    const blobs = gql(queries, () => ({ data: { repository: { b0: { byteSize: 4, isBinary: false, isTruncated: false, text } } } }));
    const rest = nock(API)
      .get("/repos/acme/models/contents/labels.yml")
      .query({ ref: "e1" })
      .reply(200, "- big\n", { "content-type": "text/plain; charset=utf-8" });
    const source = prSource();
    const entries = await source.history("labels.yml", since);
    expect(entries.map((e) => [e.sha, e.content?.toString()])).toEqual([
      ["e2", text],
      ["e1", "- big\n"],
    ]);
    expect(queries[1]!.query).toContain('after: "cursor-1"');
    expect(queries.map((q) => q.query.split(/[\s(]/)[1])).toEqual(["FileHistories", "FileHistories", "FileVersions"]);
    for (const s of [first, second, blobs, rest]) s.done();
  });

  it("warm() asks for the head date, the changed files and the head tree at once; the review's calls reuse them", async () => {
    // Each answer takes 200 ms: all three arriving well within that proves none waited for another.
    const arrived: number[] = [];
    const at =
      <T>(body: T) =>
      () => (arrived.push(performance.now()), body);
    const scope = nock(API)
      .get(`/repos/acme/models/commits/${HEAD}`)
      .delay(200)
      .reply(200, at({ sha: HEAD, commit: { committer: { date: "2024-05-06T07:08:09Z" } } }))
      .get("/repos/acme/models/pulls/7/files")
      .query({ per_page: "100" })
      .delay(200)
      .reply(200, at([fileRow("a.yml")]))
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .delay(200)
      .reply(200, at({ sha: "t", truncated: false, tree: [treeBlob("a.yml", "x: 1\n")] }));
    const source = prSource();
    source.warm();
    expect((await source.headDate()).toISOString()).toBe("2024-05-06T07:08:09.000Z");
    expect(await source.changedFiles()).toEqual([{ path: "a.yml", status: "modified" }]);
    expect(await source.listFiles(HEAD)).toEqual(["a.yml"]);
    expect(arrived).toHaveLength(3);
    expect(Math.max(...arrived) - Math.min(...arrived)).toBeLessThan(150);
    expect(source.requestCount).toBe(3);
    scope.done();
  });

  it("a warmed request that failed is the review's answer, not retried behind its back; a later call may retry", async () => {
    const scope = nock(API)
      .get(`/repos/acme/models/commits/${HEAD}`)
      .reply(200, { sha: HEAD, commit: { committer: { date: "2024-05-06T07:08:09Z" } } })
      .get(`/repos/acme/models/git/trees/${HEAD}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "t", truncated: false, tree: [] })
      .get("/repos/acme/models/pulls/7/files")
      .query({ per_page: "100" })
      .reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "120" })
      .get("/repos/acme/models/pulls/7/files")
      .query({ per_page: "100" })
      .reply(200, []);
    const source = prSource();
    source.warm();
    await source.headDate();
    await new Promise((r) => setTimeout(r, 20));
    await expect(source.changedFiles()).rejects.toMatchObject({ status: 403 });
    expect(source.requestCount).toBe(3);
    expect(await source.changedFiles()).toEqual([]);
    scope.done();
  });
});
