/**
 * What `npm pack` ships: what a user of the CLI or the server needs and nothing else, and the packed
 * package really runs — extracted on its own, with only its dependencies beside it, it reviews a repo.
 * Also: the version is semantic and the changelog has its release.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { GOOD } from "../helpers/proposal-scenario.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string; main: string; bin: Record<string, string> };

let files: string[];
let tmp: string;
beforeAll(async () => {
  // --ignore-scripts: `prepare` would rebuild dist/, which `npm test` has just done.
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, maxBuffer: 1 << 26 });
  files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  tmp = await mkdtemp(join(tmpdir(), "ftr-pack-"));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe("npm pack", () => {
  it("ships the CLI, the compiled server, rule data, the schema, the manifest and the docs", async () => {
    const rules = (await readdir(join(root, "rules"))).map((f) => `rules/${f}`);
    const required = [
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "app.yml",
      "schema/finetune-review.schema.json",
      "bin/finetune-review.js",
      "dist/cli.js",
      "dist/index.js",
      "dist/app.js",
      "rules/detection.yml",
      ...rules,
    ];
    for (const path of required) expect(files).toContain(path);
    expect(files).toContain(pkg.main);
    for (const bin of Object.values(pkg.bin)) expect(files).toContain(bin.replace(/^\.\//, ""));
  });

  it("leaves out sources, tests, CI, tooling, the action bundle, deploy examples and source maps", () => {
    const unwanted =
      /^(src|test|\.ci|\.github|node_modules|coverage|bench|scripts|deploy|dist-action)\/|^(action\.yml|Dockerfile|tsconfig.*\.json|jest\.config\.js|package-lock\.json)$|\.map$/;
    expect(files.filter((f) => unwanted.test(f))).toEqual([]);
    expect(files.every((f) => /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|app\.yml|bin\/|dist\/|rules\/|schema\/)/.test(f))).toBe(true);
  });

  it("the packed package, extracted alone, reviews a repository", async () => {
    const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], { cwd: root, maxBuffer: 1 << 26 });
    const tarball = join(tmp, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    await run("tar", ["-xzf", tarball, "-C", tmp]);
    const installed = join(tmp, "package");
    // Stands in for `npm install`: the dependencies resolve, but nothing else of the repository is there.
    await symlink(join(root, "node_modules"), join(installed, "node_modules"), "dir");
    let repo: TempRepo | undefined;
    try {
      repo = await createTempRepo();
      await repo.commit(GOOD.base);
      await repo.branch("proposal");
      await repo.commit(GOOD.head);
      const res = await run(process.execPath, [join(installed, "bin/finetune-review.js"), "review", "--repo", repo.dir, "--base", "main", "--format", "json"], {
        cwd: tmp,
      });
      const review = JSON.parse(res.stdout) as { conclusion: string; artifacts: { path: string }[] };
      expect(review.artifacts.map((a) => a.path)).toEqual(expect.arrayContaining(["configs/router-lora.yml", "data/train.jsonl"]));
      expect(["success", "neutral"]).toContain(review.conclusion);
    } finally {
      await repo?.cleanup();
    }
  });
});

describe("versioning", () => {
  it("the version is semantic and CHANGELOG.md has its release, dated, with a link", async () => {
    expect(pkg.version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/);
    const changelog = await readFile(join(root, "CHANGELOG.md"), "utf8");
    const releases = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => ({ version: m[1]!, date: m[2] }));
    expect(releases[0]).toEqual({ version: "Unreleased", date: undefined });
    expect(releases[1]).toEqual({ version: pkg.version, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    for (const { version } of releases) expect(changelog).toMatch(new RegExp(`^\\[${version.replace(/\./g, "\\.")}\\]: https://`, "m"));
  });
});
