import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { GitHubSource, type GitHubClient } from "../../src/sources/github.js";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

const REPO = { owner: "acme", repo: "models" };
const VERSIONS = 130;

let tmp: TempRepo;
let fake: FakeGitHub;
let head: string;
let base: string;
const big = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `{"text":"row ${i}","label":"a"}\n`).join(""));

function client(): GitHubClient {
  const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));
  return new Octokit({ auth: { token: "test" }, baseUrl: `${fake.url}/api/v3` });
}

function source(opts?: { maxFileBytes?: number }): GitHubSource {
  return GitHubSource.forCompare(client(), REPO, { baseSha: base, headSha: head }, opts);
}

function since(): Date {
  return new Date("2025-01-01T00:00:00Z");
}

function graphqlCount(): number {
  return fake.requests.filter((r) => r.route === "POST /graphql").length;
}

beforeAll(async () => {
  tmp = await createTempRepo();
  base = await tmp.commit({ "README.md": "x\n" }, { date: "2025-06-01T00:00:00Z" });
  for (let v = 0; v < VERSIONS; v++) {
    const labels = Array.from({ length: 3 + (v % 5) }, (_, i) => `  - l${i}`).join("\n");
    await tmp.commit(
      { "labels.yaml": `labels:\n${labels}\n`, ...(v === 5 && { "data/big.jsonl": big }), ...(v === 7 && { "bin.dat": Buffer.from([0, 1, 2]) }) },
      { date: new Date(Date.UTC(2025, 6, 1) + v * 3600_000) },
    );
  }
  head = await tmp.commit({ "labels.yaml": null }, { date: "2025-08-01T00:00:00Z" });
  fake = await startFakeGitHub({ repoDir: tmp.dir, ...REPO });
});

afterAll(async () => {
  await fake?.close();
  await tmp?.cleanup();
});

describe("GitHubSource over GraphQL", () => {
  it("reads a path's history and every version in a bounded number of requests", async () => {
    const s = source();
    const before = fake.requests.length;
    const entries = await s.history("labels.yaml", since());
    expect(entries).toHaveLength(VERSIONS + 1);
    expect(entries[0]!.content).toBeNull(); // deleted at head
    expect(entries[1]!.content!.toString()).toContain(`l${3 + ((VERSIONS - 1) % 5) - 1}`);
    expect(entries.map((e) => e.date.getTime())).toEqual([...entries.map((e) => e.date.getTime())].sort((a, b) => b - a));
    // Two pages of history (100 versions each, with the blob at each), then one read of the 5 distinct
    // blobs: not one request per version, and no version read twice.
    const made = fake.requests.slice(before);
    expect(made.map((r) => r.route)).toEqual(["POST /graphql", "POST /graphql", "POST /graphql"]);
    expect(s.requestCount).toBe(3);
    const versions = (made[2]!.body as { query: string }).query;
    expect(versions).toMatch(/^query FileVersions/);
    expect(versions.match(/object\(oid:/g)).toHaveLength(5);
  });

  it("reads several paths' histories asked for together in one request, then their versions in one", async () => {
    const s = source();
    const before = fake.requests.length;
    const [labels, data, bin, none] = await Promise.all([
      s.history("labels.yaml", since()),
      s.history("data/big.jsonl", since()),
      s.history("bin.dat", since()),
      s.history("missing.txt", since()),
    ]);
    expect(labels).toHaveLength(VERSIONS + 1);
    expect(data.map((e) => e.content?.equals(big))).toEqual([true]);
    expect(none).toEqual([]);
    // Binary bytes do not survive GraphQL's text: that one version is read over REST, by blob sha (a
    // path at an old commit might be a symbolic link, which the contents API would follow).
    expect(bin.map((e) => e.content)).toEqual([Buffer.from([0, 1, 2])]);
    const made = fake.requests.slice(before);
    expect(made.map((r) => r.route)).toEqual(["POST /graphql", "POST /graphql", "POST /graphql", "GET /repos/{owner}/{repo}/git/blobs/{file_sha}"]);
    const first = (made[0]!.body as { query: string }).query;
    for (const path of ["labels.yaml", "data/big.jsonl", "bin.dat", "missing.txt"]) expect(first).toContain(`path: "${path}"`);
    // The second page asks for the one path that has more.
    expect((made[1]!.body as { query: string }).query.match(/history\(/g)).toHaveLength(1);
  });

  it("agrees with the REST path", async () => {
    const viaGraphql = await source().history("labels.yaml", since());
    const viaRest = await GitHubSource.forCompare(client(), REPO, { baseSha: base, headSha: head }, { graphql: false }).history("labels.yaml", since());
    const view = (es: typeof viaRest) => es.map((e) => [e.sha, e.date.toISOString(), e.content?.toString("base64") ?? null]);
    expect(view(viaGraphql)).toEqual(view(viaRest));
  });

  it("skips versions over the size limit without reading them", async () => {
    const s = source({ maxFileBytes: 100_000 });
    const labels = await s.history("labels.yaml", since());
    expect(labels.filter((e) => e.content !== null)).toHaveLength(VERSIONS);
    const small = source({ maxFileBytes: 10 });
    const before = fake.requests.length;
    const skipped = await small.history("labels.yaml", since());
    expect(skipped.every((e) => e.content === null)).toBe(true);
    expect(fake.requests.slice(before).map((r) => (r.body as { query: string }).query.split(/[\s(]/)[1])).toEqual(["FileHistories", "FileHistories"]);
  });

  it("falls back to REST when GraphQL fails, and stops trying GraphQL", async () => {
    fake.fail("POST /graphql", { status: 502 });
    const s = source();
    const before = graphqlCount();
    const entries = await s.history("labels.yaml", since());
    expect(entries).toHaveLength(VERSIONS + 1);
    await s.history("README.md", since());
    expect(graphqlCount() - before).toBe(1);
  });
});

describe("GitHubSource.readStream", () => {
  async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const c of chunks) parts.push(c);
    return Buffer.concat(parts);
  }

  it("streams raw contents, and the blobs API past the contents size limit", async () => {
    expect((await collect(source().readStream(head, "data/big.jsonl"))).equals(big)).toBe(true);
    const small = await startFakeGitHub({ repoDir: tmp.dir, ...REPO, limits: { contentsRawBytes: 1000 } });
    try {
      const s = GitHubSource.forCompare(
        new (ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })))({
          auth: { token: "t" },
          baseUrl: `${small.url}/api/v3`,
        }),
        REPO,
        { baseSha: base, headSha: head },
      );
      expect((await collect(s.readStream(head, "data/big.jsonl"))).equals(big)).toBe(true);
      expect(small.requests.map((r) => r.route)).toEqual([
        "GET /repos/{owner}/{repo}/contents/{path}",
        "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
        "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
      ]);
    } finally {
      await small.close();
    }
  });

  it("yields nothing for a missing file", async () => {
    expect(await collect(source().readStream(head, "nope.jsonl"))).toEqual(Buffer.alloc(0));
  });
});
