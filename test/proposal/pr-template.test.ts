import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadEnglishModel } from "../../src/proposal/english-model.js";
import { parseRepoConfig } from "../../src/config/load-config.js";
import { prTemplate, starterConfig, TEMPLATE_SECTIONS } from "../../src/init.js";
import { readProposal } from "../../src/proposal/read-proposal.js";
import { ruleRegistry } from "../../src/rules/registry.js";
import type { ReviewInput } from "../../src/types.js";

beforeAll(() => loadEnglishModel());

const PROPOSAL_RULES = ["reasoning-fix", "latency-budget", "alternatives-considered"];
const input = (text: string): ReviewInput => ({ proposal: [{ text }], proposes: true }) as unknown as ReviewInput;
const firing = (text: string) => PROPOSAL_RULES.filter((id) => ruleRegistry.get(id)!.check(input(text), {}).length > 0);

/** Puts `answers` (by heading) under the template's headings, keeping its hint comments as a writer would leave them. */
function fill(answers: Record<string, string>): string {
  let text = prTemplate();
  for (const [heading, answer] of Object.entries(answers)) {
    text = text.replace(new RegExp(`(## ${heading}\\n\\n<!--[^>]*-->\\n)`), `$1${answer}\n`);
  }
  return text;
}

const FILLED = fill({
  "Why fine-tune": "Replies to billing tickets must follow the new house tone and the three-part reply format; the base model drifts from both.",
  "Alternatives considered":
    "A system prompt with the style guide and eight few-shot examples reached 71% format adherence on data/eval.jsonl; retrieval of past replies reached 76%. Both fall short of the 90% bar.",
  "Latency and cost budget": "p95 under 400 ms on the support widget, at most £0.15 per 1k requests.",
  Evaluation: "data/eval.jsonl (600 held-out tickets) and evals/tone-suite.yaml gate every release.",
  "Retraining cadence": "Retrain the adapter monthly from the newly labelled tickets, or sooner when format adherence drops below 88%.",
  Owner: "@acme/support-ml",
});

describe("the PR template", () => {
  it("has exactly the sections in TEMPLATE_SECTIONS, as ## headings the reader reads as sections", () => {
    const titles = readProposal(prTemplate()).sections.map((s) => s.title);
    expect(titles).toEqual(TEMPLATE_SECTIONS.map((s) => s.heading.toLowerCase()));
  });

  it("names its sections with headings the proposal rules' lexicons recognise", () => {
    const lexicon = (id: string) => ruleRegistry.get(id)!.meta.lexicon as Record<string, string[]>;
    const recognised = (title: string, names: string[]) => names.some((n) => title.toLowerCase().includes(n));
    expect(recognised("Why fine-tune", lexicon("reasoning-fix").motive_sections!)).toBe(true);
    expect(recognised("Alternatives considered", lexicon("alternatives-considered").sections!)).toBe(true);
    expect(recognised("Latency and cost budget", lexicon("latency-budget").budget_sections!)).toBe(true);
    expect(recognised("Retraining cadence", lexicon("latency-budget").cadence_sections!)).toBe(true);
  });

  it("is the one the README shows", () => {
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toContain(`\`\`\`\`markdown\n${prTemplate()}\`\`\`\``);
  });

  it("hides its hints from the reader: the untouched template has no sentences", () => {
    expect(readProposal(prTemplate()).sentences).toEqual([]);
  });

  it("filled in (every section with content), keeps the three proposal rules quiet", () => {
    expect(firing(FILLED)).toEqual([]);
  });

  it("untouched, or with TBD and N/A answers, is not a statement: latency-budget and alternatives-considered fire", () => {
    expect(firing(prTemplate())).toEqual(["latency-budget", "alternatives-considered"]);
    const tbd = fill({ "Why fine-tune": "Tone.", "Alternatives considered": "TBD", "Latency and cost budget": "N/A", "Retraining cadence": "TBD" });
    expect(firing(tbd)).toEqual(["latency-budget", "alternatives-considered"]);
  });

  it("filled in with a reasoning motive, gets reasoning-fix", () => {
    const text = FILLED.replace(
      "Replies to billing tickets must follow",
      "Fine-tuning should fix the model's multi-step reasoning on refunds. Replies must follow",
    );
    expect(firing(text)).toEqual(["reasoning-fix"]);
  });
});

describe("the starter config", () => {
  it("validates against the config schema and sets what it shows", () => {
    const result = parseRepoConfig(starterConfig());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({ fail_on: "error", on_error: "failure", comment: "sticky", existing: "show" });
    expect(result.config.rules["alternatives-considered"]).toMatchObject({ enabled: true });
  });
});
