import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { LocalGitSource } from "../../src/sources/local-git.js";
import { UsageError } from "../../src/sources/usage-error.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

let repo: TempRepo;
let shas: string[];
const binary = Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80, 0x0a, 0x00]);

beforeAll(async () => {
  repo = await createTempRepo();
  shas = [
    await repo.commit({ "labels.yaml": "- a\n", "old name.jsonl": '{"text":"x","label":"a"}\n', "gone.csv": "text,label\n", "keep.md": "k\n" }, { date: "2026-01-01T00:00:00Z" }),
  ];
  await repo.branch("feature");
  shas.push(await repo.commit({ "labels.yaml": "- a\n- b\n" }, { date: "2026-02-01T00:00:00Z" }));
  shas.push(
    await repo.commit(
      { "gone.csv": null, "blob.bin": binary, "keep.md": "k2\n", "old name.jsonl": null, "données/nouveau nom.jsonl": '{"text":"x","label":"a"}\n' },
      { date: "2026-03-01T00:00:00Z" },
    ),
  );
  shas.push(await repo.commit({ "labels.yaml": null }, { date: "2026-03-05T00:00:00Z" }));
  shas.push(await repo.commit({ "labels.yaml": "- c\n" }, { date: "2026-03-10T00:00:00Z" }));
});
afterAll(() => repo.cleanup());

describe("LocalGitSource", () => {
  it("resolves refs and lists adds, edits, renames and deletions from the merge base", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    expect(source.base).toBe(shas[0]);
    expect(source.head).toBe(shas[4]);
    const files = await source.changedFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        { path: "blob.bin", status: "added" },
        { path: "gone.csv", status: "removed" },
        { path: "keep.md", status: "modified" },
        { path: "labels.yaml", status: "modified" },
        { path: "données/nouveau nom.jsonl", status: "renamed", previousPath: "old name.jsonl" },
      ]),
    );
    expect(files).toHaveLength(5);
  });

  it("reads bytes at a ref exactly, and null for missing or escaping paths", async () => {
    const source = await LocalGitSource.open(repo.dir, "main", "feature");
    expect(await source.readFile(source.head, "blob.bin")).toEqual(binary);
    expect((await source.readFile(source.base, "gone.csv"))?.toString()).toBe("text,label\n");
    expect(await source.readFile(source.head, "gone.csv")).toBeNull();
    expect(await source.readFile(source.head, "../etc/passwd")).toBeNull();
    expect(await source.readFile(source.head, "a/../../x")).toBeNull();
    expect(await source.fileSize(source.head, "blob.bin")).toBe(binary.length);
    expect(await source.fileSize(source.head, "nope")).toBeNull();
    expect((await source.listFiles(source.head)).sort()).toEqual(["blob.bin", "données/nouveau nom.jsonl", "keep.md", "labels.yaml"]);
  });

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
  });

  it("throws a one-line UsageError for an unknown ref or a folder that is not a repository", async () => {
    await expect(LocalGitSource.open(repo.dir, "nope")).rejects.toThrow(new UsageError(`unknown ref 'nope' in ${repo.dir}: check the branch, tag or sha`));
    await expect(LocalGitSource.open("/", "main")).rejects.toThrow(/^not a git repository: \/$/);
  });
});
