import { describe, it, expect } from "@jest/globals";
import { escapeMarkdown, renderMarkdown, truncateMarkdown } from "../../src/render/render-markdown.js";
import { MASKED_KEY, bigReview, cleanReview, emptyReview, review } from "../fixtures/review-fixture.js";

const MARKER = "<!-- finetune-review -->";
const opts = {
  marker: MARKER,
  fileUrl: (path: string, line?: number) => `https://github.com/acme/bot/blob/def5678/${path}${line !== undefined ? `#L${line}` : ""}`,
  ruleDocUrl: (id: string) => `https://example.com/rules/${id}`,
};

describe("renderMarkdown", () => {
  it("matches the snapshot with links", () => {
    expect(renderMarkdown(review, opts)).toMatchSnapshot();
  });

  it("matches the snapshot without links", () => {
    expect(renderMarkdown(review)).toMatchSnapshot();
  });

  it("starts with the marker and names the short head sha and what was reviewed", () => {
    const md = renderMarkdown(review, opts);
    expect(md.startsWith(`${MARKER}\n`)).toBe(true);
    expect(md).toContain("head `def5678`");
    expect(md).not.toContain(review.head);
    expect(md).toContain("5 artifacts (1 training config, 1 dataset, 1 eval dataset, 1 label schema, 1 proposal)");
    expect(md).toContain("❌ **Fine-tuning review failed**");
  });

  it("has a table of all seven patterns and headings for those with findings", () => {
    const md = renderMarkdown(review, opts);
    expect(md).toContain("| Pattern | Errors | Warnings | Notices |");
    expect(md).toContain("| ❌ 2. Data quality, not reasoning, is the bottleneck | 2 | – | – |");
    expect(md).toContain("| ℹ️ 3. Latency budget is priced in | – | – | 1 |");
    expect(md).toContain("### 2. Data quality, not reasoning, is the bottleneck");
    expect(md).not.toContain("Review setup");
  });

  it("states a rule's fix once after a run of its findings, and again for another rule", () => {
    const [f, g] = [review.findings[0]!, review.findings.find((x) => x.ruleId !== review.findings[0]!.ruleId && x.remediation)!];
    const run = {
      ...review,
      findings: [
        { ...f, line: 1 },
        { ...f, line: 2 },
        { ...g, pattern: f.pattern },
      ],
    };
    const md = renderMarkdown(run);
    expect(md.match(/\*\*Fix:\*\*/g)).toHaveLength(2);
    expect(md.indexOf("**Fix:**")).toBeGreaterThan(md.indexOf(`${f.path}:2`));
  });

  it("renders each finding with severity, rule id, linked location and fix", () => {
    const md = renderMarkdown(review, opts);
    expect(md).toContain(
      "- ❌ **Error** · [`dataset-format`](https://example.com/rules/dataset-format) · " +
        "[`data/train.jsonl:5`](https://github.com/acme/bot/blob/def5678/data/train.jsonl#L5) — Line 5",
    );
    expect(md).toContain("  **Fix:** Fix or remove the record");
    expect(md).toContain(MASKED_KEY);
    const plain = renderMarkdown(review);
    expect(plain).toContain("- ⚠️ **Warning** · `alternatives-considered` — The proposal names no alternative");
    expect(plain).toContain("`data/eval.jsonl:14-19`");
  });

  it("collapses evidence in <details> blocks", () => {
    const md = renderMarkdown(review, opts);
    expect(md).toContain("<details><summary>Evidence (3)</summary>");
    expect(md).toContain("<details><summary>Evidence (4)</summary>");
    expect(md.split("<details>").length).toBe(md.split("</details>").length);
  });

  it("escapes HTML, pipes, backticks and mentions in messages and evidence", () => {
    const md = renderMarkdown(review, opts);
    expect(md).not.toContain("<b>");
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("refunds &lt;b&gt;over&lt;/b&gt; $500 \\| need \\`manager\\` approval");
    expect(md).toContain("  - \\- line 90: \\*premium\\* tier");
    expect(md).toContain("@\u200bacme/platform");
    expect(escapeMarkdown("1. a\nb")).toBe("1\\. a b");
  });

  it("says when no artifacts changed and when there are no findings", () => {
    const empty = renderMarkdown(emptyReview, { marker: MARKER });
    expect(empty).toContain("No fine-tuning artifacts changed in this pull request.");
    expect(empty).not.toContain("| Pattern");
    expect(empty).toMatchSnapshot();
    const clean = renderMarkdown(cleanReview);
    expect(clean).toContain("✅ **Fine-tuning review passed**");
    expect(clean).toContain("No findings: this proposal follows the seven patterns.");
  });

  it("puts the header note under the summary", () => {
    const md = renderMarkdown(review, { ...opts, headerNote: "_Re-run with `/finetune-review`._" });
    const lines = md.split("\n");
    expect(lines[3]).toBe("_Re-run with `/finetune-review`._");
  });
});

describe("truncateMarkdown", () => {
  it("returns markdown that fits unchanged", () => {
    const md = renderMarkdown(review, opts);
    expect(truncateMarkdown(md)).toBe(md);
  });

  it("cuts to the limit at a line boundary outside <details> with a note counting hidden findings", () => {
    const big = bigReview(400);
    const md = renderMarkdown(big, opts);
    expect(md.length).toBeGreaterThan(65535);
    const cut = truncateMarkdown(md);
    expect(cut.length).toBeLessThanOrEqual(65535);
    expect(cut.startsWith(MARKER)).toBe(true);
    const match = /… output truncated: (\d+) findings not shown; run the CLI for the full review\n$/.exec(cut);
    expect(match).not.toBeNull();
    const shown = cut.split("\n").filter((l) => l.startsWith("- ⚠️ **Warning**")).length;
    expect(shown + Number(match?.[1])).toBe(400);
    expect(cut.split("<details>").length).toBe(cut.split("</details>").length);
    expect(md.startsWith(cut.slice(0, cut.indexOf("\n---\n\n… output truncated")))).toBe(true);
  });

  it("honours a small custom limit", () => {
    const md = renderMarkdown(review, opts);
    const cut = truncateMarkdown(md, 1200);
    expect(cut.length).toBeLessThanOrEqual(1200);
    expect(cut).toMatch(/output truncated: \d+ findings? not shown/);
  });

  it("never exceeds a limit smaller than one line", () => {
    expect(truncateMarkdown("x".repeat(500), 100).length).toBeLessThanOrEqual(100);
  });
});
