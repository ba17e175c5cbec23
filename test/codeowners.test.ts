import { describe, expect, it } from "@jest/globals";
import { codeownersGlob, configOwnerRules, isValidOwner, ownersOf, parseCodeowners } from "../src/codeowners.js";

/** The example CODEOWNERS file of GitHub's "About code owners" page: its patterns and owners, our comments. */
const GITHUB_EXAMPLE = `# the example of GitHub's documentation
*       @global-owner1 @global-owner2
*.js    @js-owner #an inline comment
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github @doctocat
/apps/ @octocat
/apps/github
`;

describe("CODEOWNERS, on GitHub's documented example", () => {
  const { rules, problems } = parseCodeowners(GITHUB_EXAMPLE, ".github/CODEOWNERS");
  const owners = (path: string) => ownersOf(path, rules).owners;

  it.each([
    ["README.md", ["@global-owner1", "@global-owner2"]],
    ["src/index.js", ["@js-owner"]],
    ["cmd/main.go", ["docs@example.com"]],
    ["notes/todo.txt", ["@octo-org/octocats"]],
    ["build/logs/today.log", ["@octocat"]],
    ["docs/getting-started.md", ["@doctocat"]],
    ["docs/build-app/troubleshooting.md", ["@doctocat"]],
    ["lib/docs/getting-started.md", ["@global-owner1", "@global-owner2"]],
    ["scripts/deploy.sh", ["@doctocat", "@octocat"]],
    ["deeply/nested/logs/x.txt", ["@octocat"]],
    ["nested/apps/main.py", ["@octocat"]],
    ["apps/main.py", ["@octocat"]],
    ["apps/github/main.py", []],
  ])("%s is owned by %j (the last matching line wins)", (path, expected) => {
    expect(owners(path)).toEqual(expected);
  });

  it("reads every line, with its origin, and skips none", () => {
    expect(problems).toEqual([]);
    expect(rules).toHaveLength(14);
    expect(ownersOf("src/index.js", rules).origin).toBe(".github/CODEOWNERS:3");
  });
});

describe("CODEOWNERS syntax GitHub does not support", () => {
  it("`!` is a literal character, not a negation that would match everything else", () => {
    const { rules } = parseCodeowners("* @all\n!keep.txt @nobody\n", "CODEOWNERS");
    expect(ownersOf("other.txt", rules).owners).toEqual(["@all"]);
    expect(ownersOf("!keep.txt", rules).owners).toEqual(["@nobody"]);
  });

  it("`[ ]` is literal, not a character range", () => {
    const { rules } = parseCodeowners("* @all\nfile[0-9].txt @ranges\n", "CODEOWNERS");
    expect(ownersOf("file1.txt", rules).owners).toEqual(["@all"]);
    expect(ownersOf("file[0-9].txt", rules).owners).toEqual(["@ranges"]);
  });

  it("braces, extglobs and commas are literal too", () => {
    expect(codeownersGlob("{a,b}.md")).toBe("**/{\\{a\\,b\\}.md,\\{a\\,b\\}.md/**}");
    const { rules } = parseCodeowners("+(x).md @x\n", "CODEOWNERS");
    expect(ownersOf("x.md", rules).owners).toEqual([]);
    expect(ownersOf("+(x).md", rules).owners).toEqual(["@x"]);
  });

  it("reads CR-only and CRLF line ends", () => {
    const { rules } = parseCodeowners("a.md @a\rb.md @b\r\nc.md @c", "CODEOWNERS");
    expect(rules.map((r) => [r.owners, r.origin])).toEqual([
      [["@a"], "CODEOWNERS:1"],
      [["@b"], "CODEOWNERS:2"],
      [["@c"], "CODEOWNERS:3"],
    ]);
  });
});

describe("CODEOWNERS owners", () => {
  it.each(["@octocat", "@octo-org/octocats", "@org/team.name_2", "docs@example.com"])("accepts %s", (o) => expect(isValidOwner(o)).toBe(true));
  it.each(["octocat", "@", "@-bad", "@org/", "@org/team/extra", "docs@example", "@@x"])("rejects %s", (o) => expect(isValidOwner(o)).toBe(false));

  it("skips a line with an invalid owner, as GitHub does, saying which line and owner", () => {
    const { rules, problems } = parseCodeowners("* @all\n/data/ ml-team @ok\n", ".github/CODEOWNERS");
    expect(rules.map((r) => r.origin)).toEqual([".github/CODEOWNERS:1"]);
    expect(problems).toEqual([
      { line: 2, message: '.github/CODEOWNERS:2 was skipped, as GitHub skips it: "ml-team" is not an @user, @org/team or email owner' },
    ]);
    expect(ownersOf("data/x.jsonl", rules).owners).toEqual(["@all"]);
  });
});

describe("config owners", () => {
  it("add to the CODEOWNERS owner", () => {
    const rules = [...parseCodeowners("/data/ @data\n", "CODEOWNERS").rules, ...configOwnerRules({ "data/**": ["@ml"] })];
    expect(ownersOf("data/x.jsonl", rules)).toEqual({ owners: ["@data", "@ml"], origin: "CODEOWNERS:1" });
  });

  it("answer for 2,000 rules over 2,000 paths (bench/ measures the speed)", () => {
    const text = Array.from({ length: 2000 }, (_, i) => `/team${i}/**/*.yml @org/team${i}`).join("\n");
    const { rules } = parseCodeowners(text, "CODEOWNERS");
    const paths = Array.from({ length: 2000 }, (_, i) => `team${i}/configs/train.yml`);
    expect(paths.map((p) => ownersOf(p, rules).owners[0])).toEqual(paths.map((_, i) => `@org/team${i}`));
  });
});
