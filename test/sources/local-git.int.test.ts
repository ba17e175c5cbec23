import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalGitSource } from "../../src/sources/local-git.js";
import { UsageError } from "../../src/sources/usage-error.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

let repo: TempRepo;
let shas: string[];
const binary = Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80, 0x0a, 0x00, 0x0d, 0x0a]);
const weird = 'notes/tab\there "quoted" ü.md';

beforeAll(async () => {
  repo = await createTempRepo();
  shas = [
    await repo.commit(
      {
        "labels.yaml": "- a\n",
        "old name.jsonl": '{"text":"x","label":"a"}\n',
        "gone.csv": "text,label\n",
        "keep.md": "k\n",
        "data/a*.jsonl": "glob\n",
        "data/ab.jsonl": "plain\n",
      },
      { date: "2026-01-01T00:00:00Z" },
    ),
  ];
  await repo.branch("feature");
  shas.push(await repo.commit({ "labels.yaml": "- a\n- b\n", "data/ab.jsonl": "plain 2\n" }, { date: "2026-02-01T00:00:00Z" }));
  shas.push(
    await repo.commit(
      {
        "gone.csv": null,
        "blob.bin": binary,
        "keep.md": "k2\n",
        "old name.jsonl": null,
        "données/nouveau nom.jsonl": '{"text":"x","label":"a"}\n',
        [weird]: "w\n",
      },
      { date: "2026-03-01T00:00:00Z" },
    ),
  );
  shas.push(await repo.commit({ "labels.yaml": null }, { date: "2026-03-05T00:00:00Z" }));
  shas.push(await repo.commit({ "labels.yaml": "- c\n" }, { date: "2026-03-10T00:00:00Z" }));
  // main moves on after the branch point: a PR diff must not show main's own changes.
  await repo.checkout("main");
  shas.push(await repo.commit({ "main-only.md": "m\n" }, { date: "2026-03-11T00:00:00Z" }));
  await repo.checkout("feature");
});
afterAll(() => repo.cleanup());

describe("LocalGitSource.changedFiles", () => {
  it("lists adds, edits, renames and deletions from the merge base, odd paths exact", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    expect(source.base).toBe(shas[5]);
    expect(source.head).toBe(shas[4]);
    const files = await source.changedFiles();
    expect([...files].sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [
        { path: "blob.bin", status: "added" },
        { path: "data/ab.jsonl", status: "modified" },
        { path: "données/nouveau nom.jsonl", status: "renamed", previousPath: "old name.jsonl" },
        { path: "gone.csv", status: "removed" },
        { path: "keep.md", status: "modified" },
        { path: "labels.yaml", status: "modified" },
        { path: weird, status: "added" },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
    expect(await source.changedFiles()).toBe(files);
  });

  it("defaults head to HEAD and compares unrelated histories directly", async () => {
    const other = await createTempRepo();
    try {
      await other.commit({ "a.txt": "a\n" });
      await other.git("checkout", "-q", "--orphan", "island");
      await other.git("rm", "-q", "-rf", ".");
      const island = await other.commit({ "b.txt": "b\n" });
      const source = await LocalGitSource.open(other.dir, "main");
      expect(source.head).toBe(island);
      // The harness dates undated commits one day apart from 2026-01-01.
      expect((await source.headDate()).toISOString()).toBe("2026-01-02T00:00:00.000Z");
      expect(await source.changedFiles()).toEqual(
        expect.arrayContaining([
          { path: "a.txt", status: "removed" },
          { path: "b.txt", status: "added" },
        ]),
      );
    } finally {
      await other.cleanup();
    }
  });
});

describe("LocalGitSource reads", () => {
  it("reads bytes at a ref exactly, once, and null for missing, folder or escaping paths", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    const bytes = await source.readFile(source.head, "blob.bin");
    expect(bytes).toEqual(binary);
    expect(await source.readFile(source.head, "blob.bin")).toBe(bytes);
    expect((await source.readFile(source.head, weird))?.toString()).toBe("w\n");
    expect((await source.readFile(source.head, "données/nouveau nom.jsonl"))?.toString()).toContain('"label":"a"');
    expect((await source.readFile(source.base, "gone.csv"))?.toString()).toBe("text,label\n");
    expect(await source.readFile(source.head, "gone.csv")).toBeNull();
    expect(await source.readFile(source.head, "data")).toBeNull();
    expect((await source.readFile(source.head, "./keep.md"))?.toString()).toBe("k2\n");
    expect((await source.readFile(source.head, "data/../keep.md"))?.toString()).toBe("k2\n");
    for (const escape of ["../etc/passwd", "a/../../x", "..", "/etc/passwd", ""]) {
      expect(await source.readFile(source.head, escape)).toBeNull();
    }
    expect(await source.readFile("--output=x", "keep.md")).toBeNull();
    expect(await source.readFile("no-such-ref", "keep.md")).toBeNull();
  });

  it("streams a file in chunks that join to its bytes, and nothing for a missing one", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    const chunks: Buffer[] = [];
    for await (const chunk of source.readStream(source.head, "blob.bin")) chunks.push(chunk);
    expect(Buffer.concat(chunks)).toEqual(binary);
    const none: Buffer[] = [];
    for await (const chunk of source.readStream(source.head, "gone.csv")) none.push(chunk);
    expect(none).toEqual([]);
  });

  it("gives sizes of files only, and lists every file at a ref from the root", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    expect(await source.fileSize(source.head, "blob.bin")).toBe(binary.length);
    expect(await source.fileSize(source.head, "nope")).toBeNull();
    expect(await source.fileSize(source.head, "data")).toBeNull();
    expect(await source.fileSize(source.head, "../blob.bin")).toBeNull();
    const files = await source.listFiles(source.head);
    expect([...files].sort()).toEqual(["blob.bin", "data/a*.jsonl", "data/ab.jsonl", "données/nouveau nom.jsonl", "keep.md", "labels.yaml", weird].sort());
    expect(await source.listFiles(source.head)).toBe(files);
  });

  it("answers many reads at once without losing any", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    const reads = await Promise.all(
      shas.slice(0, 5).flatMap((sha) => Array.from({ length: 40 }, (_, i) => source.readFile(sha, i % 2 ? "keep.md" : "data/ab.jsonl"))),
    );
    expect(reads.every((r) => r !== null)).toBe(true);
  });

  it("works from a folder inside the work tree, with paths from the root", async () => {
    const source = await LocalGitSource.open(join(repo.dir, "data"), "main", "feature");
    expect(await source.listFiles(source.head)).toContain("keep.md");
    expect((await source.readFile(source.head, "keep.md"))?.toString()).toBe("k2\n");
    expect((await source.history("labels.yaml", new Date(0))).length).toBe(4);
  });

  it("ignores a GIT_DIR left in the environment by a hook", async () => {
    const other = await createTempRepo();
    const saved = process.env.GIT_DIR;
    try {
      await other.commit({ "x.txt": "x\n" });
      process.env.GIT_DIR = join(other.dir, ".git");
      const source = await LocalGitSource.open(repo.dir, "main", "feature");
      expect(source.head).toBe(shas[4]);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
      await other.cleanup();
    }
  });

  it("leaves submodules out of the file list", async () => {
    const other = await createTempRepo();
    try {
      const inner = await other.commit({ "x.txt": "x\n" });
      await other.git("update-index", "--add", "--cacheinfo", `160000,${inner},vendor/lib`);
      await other.commit({ "y.txt": "y\n" });
      const source = await LocalGitSource.open(other.dir, "HEAD");
      expect(await source.listFiles(source.head)).toEqual(["x.txt", "y.txt"]);
      expect(await source.readFile(source.head, "vendor/lib")).toBeNull();
      expect(await source.fileSize(source.head, "vendor/lib")).toBeNull();
    } finally {
      await other.cleanup();
    }
  });
});

describe("LocalGitSource.history", () => {
  it("gives a path's history newest first, with the file at each commit, cut by date", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    expect((await source.headDate()).toISOString()).toBe("2026-03-10T00:00:00.000Z");
    const all = await source.history("labels.yaml", new Date("2025-01-01"));
    expect(all.map((h) => [h.sha, h.date.toISOString().slice(0, 10), h.content?.toString() ?? null])).toEqual([
      [shas[4], "2026-03-10", "- c\n"],
      [shas[3], "2026-03-05", null],
      [shas[1], "2026-02-01", "- a\n- b\n"],
      [shas[0], "2026-01-01", "- a\n"],
    ]);
    expect((await source.history("labels.yaml", new Date("2026-02-15"))).map((h) => h.sha)).toEqual([shas[4], shas[3]]);
    expect((await source.history("labels.yaml", new Date("2026-03-05T00:00:00Z"))).map((h) => h.sha)).toEqual([shas[4], shas[3]]);
  });

  it("does not follow renames, reads commits only up to head, and takes paths literally", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    expect((await source.history("données/nouveau nom.jsonl", new Date(0))).map((h) => h.sha)).toEqual([shas[2]]);
    expect(await source.history("main-only.md", new Date(0))).toEqual([]);
    const glob = await source.history("data/a*.jsonl", new Date(0));
    expect(glob.map((h) => [h.sha, h.content?.toString()])).toEqual([[shas[0], "glob\n"]]);
    expect(await source.history("../labels.yaml", new Date(0))).toEqual([]);
  });
});

describe("LocalGitSource.open errors", () => {
  it("throws a one-line UsageError for an unknown base or head ref", async () => {
    await expect(LocalGitSource.open(repo.dir, "nope")).rejects.toThrow(new UsageError(`unknown ref 'nope' in ${repo.dir}: check the branch, tag or sha`));
    await expect(LocalGitSource.open(repo.dir, "main", "deadbeef")).rejects.toThrow(
      new UsageError(`unknown ref 'deadbeef' in ${repo.dir}: check the branch, tag or sha`),
    );
    await expect(LocalGitSource.open(repo.dir, "--all")).rejects.toBeInstanceOf(UsageError);
  });

  it("throws a one-line UsageError for a folder that is not a repository or does not exist", async () => {
    const plain = await mkdtemp(join(tmpdir(), "ftr-plain-"));
    try {
      await expect(LocalGitSource.open(plain, "main")).rejects.toThrow(new UsageError(`not a git repository: ${plain}`));
      const missing = join(plain, "nope");
      const error = await LocalGitSource.open(missing, "main").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(`not a git repository: ${missing} (no such directory)`);
      expect((error as Error).message).not.toContain("\n");
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });
});
