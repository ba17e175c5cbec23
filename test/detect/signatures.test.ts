import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { parseSignatures, signatures } from "../../src/detect/index.js";
import { rulesDataDir } from "../../src/paths.js";

function shippedData(): Record<string, unknown> {
  return parse(readFileSync(path.join(rulesDataDir, "detection.yml"), "utf8")) as Record<string, unknown>;
}

describe("rules/detection.yml", () => {
  it("loads and validates, with every framework of the design", () => {
    const names = new Set(signatures.frameworks.map((f) => f.name));
    for (const name of [
      "axolotl",
      "llamafactory",
      "torchtune",
      "trl",
      "trl-alignment-handbook",
      "peft",
      "openai",
      "mlx-lm",
      "unsloth",
      "accelerate",
      "deepspeed",
    ]) {
      expect(names.has(name)).toBe(true);
    }
    expect(
      signatures.frameworks
        .filter((f) => f.infrastructure)
        .map((f) => f.name)
        .sort(),
    ).toEqual(["accelerate", "deepspeed"]);
  });

  it("names the key path of a wrong value", () => {
    const data = shippedData();
    const frameworks = data.frameworks as { match: { min_any?: number }[] }[];
    const first = frameworks[0];
    if (first?.match[0]) first.match[0].min_any = 0;
    expect(() => parseSignatures(data, "detection.yml")).toThrow(/detection\.yml: frameworks\.0\.match\.0\.min_any/);
  });

  it("rejects unknown keys and bad regular expressions", () => {
    const extra = { ...shippedData(), surprise: true };
    expect(() => parseSignatures(extra)).toThrow(/surprise|Unrecognized/);
    const data = shippedData();
    (data.rasa as Record<string, unknown>).nlu_md_header = "([";
    expect(() => parseSignatures(data)).toThrow(/rasa\.nlu_md_header/);
  });
});
