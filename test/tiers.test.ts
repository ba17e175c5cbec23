/**
 * Keeps the unit tier in process: a suite the unit tier runs (see jest.unit.config.js) may not reach
 * for git repositories, servers or child processes. Such a suite belongs under test/e2e/ (or another
 * out-of-process folder) or is named `*.int.test.ts`; CONTRIBUTING.md says so too.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "@jest/globals";

const testDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(testDir);

/** Imports and calls that take a suite out of process. */
const OUT_OF_PROCESS: RegExp[] = [
  /from "node:child_process"/,
  /from "\.\.?\/(?:\.\.\/)*helpers\/(?:git-repo|app-server|fake-github|fake-graphql)\.js"/,
  /\breviewScenario\(/,
  /\bcreateServer\(/,
];

function suites(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return suites(full);
    return e.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** The unit tier's suites, chosen by the unit config's own ignore patterns. */
async function unitSuites(): Promise<string[]> {
  const url = pathToFileURL(path.join(repoRoot, "jest.unit.config.js")).href;
  const config = (await import(url)) as { default: { testPathIgnorePatterns: string[] } };
  const root = repoRoot.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const ignored = config.default.testPathIgnorePatterns.map((p) => new RegExp(p.replace("<rootDir>", root)));
  return suites(testDir).filter((file) => !ignored.some((re) => re.test(file)));
}

describe("test tiers", () => {
  let unit: string[] = [];
  beforeAll(async () => {
    unit = await unitSuites();
  });

  it("selects the in-process suites, and not the out-of-process ones, for the unit tier", () => {
    const rel = unit.map((f) => path.relative(repoRoot, f));
    expect(rel).toContain("test/tiers.test.ts");
    expect(rel).toContain("test/detect/fixture-detection.test.ts");
    expect(rel.filter((f) => /^test\/(e2e|reliability|deploy|package|corpus)\//.test(f) || f.endsWith(".int.test.ts"))).toEqual([]);
  });

  it("no unit-tier suite starts a process, makes a git repository or listens on a socket", () => {
    const self = fileURLToPath(import.meta.url);
    const offenders = unit
      .filter((file) => file !== self)
      .flatMap((file) => {
        const text = readFileSync(file, "utf8");
        return OUT_OF_PROCESS.filter((re) => re.test(text)).map(
          (re) => `${path.relative(repoRoot, file)} matches ${re} (rename it *.int.test.ts or move it to test/e2e/)`,
        );
      });
    expect(offenders).toEqual([]);
  });
});
