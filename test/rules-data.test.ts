import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { rulesDataDir } from "../src/paths.js";
import { compileRulesData, readRulesYaml } from "../src/rules-data.js";

describe("compileRulesData", () => {
  it("holds every rules/*.yml as what parsing its YAML gives, through JSON unchanged", () => {
    const compiled = compileRulesData(rulesDataDir);
    const names = readdirSync(rulesDataDir).filter((f) => f.endsWith(".yml"));
    expect(Object.keys(compiled).sort()).toEqual(names.sort());
    // The build writes it as JSON: what the review reads back must equal the YAML's value.
    const read = JSON.parse(JSON.stringify(compiled)) as typeof compiled;
    for (const name of names) expect(read[name]!.data).toEqual(parse(readFileSync(join(rulesDataDir, name), "utf8")));
  });

  it("leaves out a file whose value JSON cannot carry, so it is parsed at start-up", () => {
    const dir = mkdtempSync(join(tmpdir(), "rules-data-"));
    writeFileSync(join(dir, "plain.yml"), "id: plain\nlimit: 3\n");
    writeFileSync(join(dir, "infinite.yml"), "id: infinite\nlimit: .inf\n");
    expect(Object.keys(compileRulesData(dir))).toEqual(["plain.yml"]);
  });
});

describe("readRulesYaml", () => {
  it("parses a file that has no precompiled copy", () => {
    const dir = mkdtempSync(join(tmpdir(), "rules-data-"));
    writeFileSync(join(dir, "x.yml"), "id: x\noptions:\n  max_ratio: 0.05\n");
    expect(readRulesYaml(join(dir, "x.yml"))).toEqual({ id: "x", options: { max_ratio: 0.05 } });
  });
});
