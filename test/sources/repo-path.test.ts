import { describe, expect, it } from "@jest/globals";
import { encodePath, safePath } from "../../src/sources/repo-path.js";

describe("safePath", () => {
  it.each([
    ["data/train.jsonl", "data/train.jsonl"],
    ["./data//train.jsonl", "data/train.jsonl"],
    ["data/../configs/a.yml", "configs/a.yml"],
    // A backslash inside a name is a character to git, not a separator.
    ["data/odd\\name.jsonl", "data/odd\\name.jsonl"],
  ])("keeps %j as %j", (input, expected) => {
    expect(safePath(input)).toBe(expected);
  });

  it.each(["", ".", "..", "../secrets", "data/../../x", "/etc/passwd", "..\\secrets", "data\\..\\..\\x", "a\0b"])("refuses %j", (input) => {
    expect(safePath(input)).toBeNull();
  });
});

describe("encodePath", () => {
  it("encodes each segment and keeps the slashes (octokit.js#2422)", () => {
    expect(encodePath(".github/finetune-review.yml")).toBe(".github/finetune-review.yml");
    expect(encodePath("data/my file#1?.jsonl")).toBe("data/my%20file%231%3F.jsonl");
  });
});
