/**
 * Labelled proposal texts, written for this repository. Each text says whether a careful reviewer would
 * expect `reasoning-fix`, `latency-budget` and `alternatives-considered` to fire on it.
 */
export interface Labelled {
  text: string;
  reasoning: boolean;
  latency: boolean;
  alternatives: boolean;
}

type Part = { text: string; kind: "r+" | "r-" | "b+" | "b-" | "c+" | "c-" | "a+" | "a-" | "f" };

const P = (kind: Part["kind"], ...texts: string[]): Part[] => texts.map((text) => ({ text, kind }));

const parts: Part[] = [
  ...P(
    "r+",
    "We expect fine-tuning to fix the model's reasoning errors on multi-step refunds.",
    "Fine-tuning should make it more factual when it quotes our returns policy.",
    "The fine-tuned model should stop hallucinating facts all the time.",
    "With fine-tuning we hope to get the sums right on invoices.",
    "Training on our tickets will enhance its reasoning ability.",
    "The goal of this LoRA run is reducing hallucinations in policy answers.",
    "We believe training on 5k worked solutions will teach it multi-step arithmetic.",
    "After fine-tuning, the assistant should reason correctly about eligibility (e.g. partial refunds).",
    "Fine-tuning on gpt-4.1 outputs should improve its logical consistency and cut hallucinated steps.",
    "Our aim: a fine-tuned model that stops confabulating order numbers.",
  ),
  ...P(
    "r-",
    "Fine-tuning cannot fix reasoning errors, so we keep tool use for refunds.",
    "We don't expect fine-tuning to improve reasoning; the base model already handles the logic.",
    "## Non-goals\n- Improving the model's reasoning or reducing hallucinations.",
    "Out of scope: reducing hallucinations, which retrieval already handles.",
    "The vendor claims fine-tuning will eliminate hallucinations, which we doubt.",
    "Bob's plan to fine-tune away hallucinations is misguided.",
    "For this reason we fine-tune on tone and format only.",
    "Hallucination is handled by retrieval rather than fine-tuning.",
    "We fine-tune for tone; reasoning stays with the base model.",
    "Nobody here thinks training will make the model reason better.",
  ),
  ...P(
    "b+",
    "Latency budget: p95 under 300 ms.",
    "The model must answer within two seconds at the 95th percentile.",
    "Serving cost must stay below £0.30 per thousand calls.",
    "We target 1.5 seconds at the 95th percentile on the support widget.",
    "Inference cost budget is $40 a day at current traffic.",
    "| Metric | Budget |\n|---|---|\n| Latency (p99) | 450 ms |",
    "Median response time must stay under 800 ms for the chat panel.",
    "Each call may cost at most 0.2 cents, roughly half of today's prompt.",
  ),
  ...P(
    "b-",
    "Label latency from the annotation vendor is 3 days, which slows us down.",
    "Latency matters to us.",
    "Cost is a concern for the finance team.",
    "We care about latency and cost; details to follow.",
    "Latency budget: TBD",
    "The retraining cost is something we will look at later.",
  ),
  ...P(
    "c+",
    "Retraining cadence: monthly, owned by @acme/ml-platform.",
    "We will retrain fortnightly from the latest labelled tickets.",
    "The adapter is refreshed every other month by the search team.",
    "Retrain quarterly, or whenever eval accuracy drops below 0.85.",
    "We plan to re-train the model every 6 weeks.",
    "## Retraining cadence\nWeekly, on Sunday night, owned by the platform team.",
  ),
  ...P(
    "c-",
    "Retraining is expensive.",
    "We have not decided how often to retrain.",
    "Retraining cadence: TBD",
    "We won't retrain on a schedule.",
    "Monthly reports go to finance.",
  ),
  ...P(
    "a+",
    "Alternatives tried: few-shot prompting and retrieval; both plateaued at 81% accuracy.",
    "We tried prompt engineering with gpt-4.1 first; it reached 74% accuracy.",
    "A RAG prototype over the help centre scored 0.62 F1, well short of the 0.8 bar.",
    "Tool calling was ruled out because the CRM API has no search endpoint.",
    "## Alternatives considered\n- Few-shot prompting: 70% accuracy.\n- Retrieval: too slow for the widget.",
    "We compared a LoRA adapter against prompting on 500 tickets.",
    "Prompting with twelve examples got us to 78%, not enough for the routing SLA.",
  ),
  ...P(
    "a-",
    "We didn't try prompting.",
    "Nobody has tried retrieval yet.",
    "Each record has a prompt and a completion field.",
    "We'll use our annotation tools to relabel the data.",
    "RAG status: amber.",
    "The database adapter needs a migration first.",
    "Alternatives considered: none.",
    "We fine-tune rather than prompting because it is simpler to organise.",
  ),
  ...P(
    "f",
    "This PR adds the training config and the first 2,400 labelled examples.",
    "The label set (billing, returns, shipping) has been stable for a year.",
    "Eval plan: held-out data/eval.jsonl gates every release.",
    "Data was anonymised and reviewed by the privacy team.",
    "The colour of the dashboard tiles is unchanged.",
    "See the linked ticket for background, i.e. the Q3 routing backlog.",
  ),
];

const byKind = (k: Part["kind"]) => parts.filter((p) => p.kind === k).map((p) => p.text);

/** A small deterministic generator, so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const titles = [
  "## Proposal: fine-tune the ticket router",
  "Fine-tune a LoRA adapter for claims triage.",
  "# Fine-tuning proposal",
  "Adds an SFT run for the summariser.",
  "",
];

function generated(count: number): Labelled[] {
  const rand = rng(42);
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: Labelled[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand() < 0.3 ? "r+" : rand() < 0.5 ? "r-" : "";
    const b = rand() < 0.55 ? "b+" : rand() < 0.5 ? "b-" : "";
    const c = rand() < 0.55 ? "c+" : rand() < 0.5 ? "c-" : "";
    const a = rand() < 0.55 ? "a+" : rand() < 0.5 ? "a-" : "";
    const chosen = [r, b, c, a].filter(Boolean).map((k) => pick(byKind(k as Part["kind"])));
    const fill = rand() < 0.6 ? [pick(byKind("f"))] : [];
    const body = [pick(titles), ...fill, ...chosen].filter(Boolean);
    // sections must come last so a heading does not swallow the prose after it
    body.sort((x, y) => Number(x.includes("\n") && /^#|^\|/.test(x)) - Number(y.includes("\n") && /^#|^\|/.test(y)));
    out.push({ text: body.join(rand() < 0.5 ? "\n" : " \n\n"), reasoning: r === "r+", latency: !(b === "b+" && c === "c+"), alternatives: a !== "a+" });
  }
  return out;
}

/** Whole texts written by hand (not combined from statements): the most real-shaped part of the corpus. */
export const handWritten: Labelled[] = [
  {
    text: "The model makes logical errors in multi-step reasoning and it hallucinates steps. Fine-tuning should teach it to reason correctly.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: [
      "## Proposal: fine-tune a LoRA adapter for ticket routing",
      "The label set (billing, returns, shipping) has been stable for a year.",
      "Alternatives tried: few-shot prompting and retrieval over past tickets; both plateaued at 81% accuracy.",
      "Eval plan: held-out data/eval.jsonl and the regression suite in evals/suite.yaml gate every release.",
      "Latency budget: p95 under 300 ms at $0.20 per 1k requests.",
      "Retraining cadence: monthly, owned by @acme/ml-platform.",
    ].join("\n"),
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "---\nlicense: apache-2.0\nbase_model: mistral-7b\n---\n# Model card\n## Intended use\nRouting customer emails.\n## Latency and cost budget\nUnder 250 ms at p90; about £12 per day.\n## Retraining cadence\nEvery quarter, after the label review.\n## Alternatives considered\nZero-shot prompting with the base model reached 66% macro-F1.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "# Fine-tuning proposal\n## Why fine-tune\nThe base model gets the sums wrong on multi-line invoices; a fine-tune will fix its arithmetic.\n## Alternatives considered\nTBD\n## Latency and cost budget\nN/A\n## Retraining cadence\n",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  { text: "fine-tune it", reasoning: false, latency: true, alternatives: true },
  { text: "Quick SFT on the new colour-naming data, nothing fancy.", reasoning: false, latency: true, alternatives: true },
  {
    text: "We evaluated prompting, RAG and a rules engine before this. Prompting peaked at 0.71; RAG at 0.74. We'll retrain every fortnight and the p95 must stay below 1.2 s.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Some reviewers argued that fine-tuning would cure the hallucinations. We disagree: it won't, and this PR only targets tone. Latency stays within 400 ms at p95; we refresh the adapter monthly. A few-shot baseline scored 69%.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "| Section | Answer |\n|---|---|\n| Alternatives tried | Prompting (72%), retrieval (75%) |\n| Latency budget | p95 < 350 ms |\n| Retraining cadence | Monthly |",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "## Summary\nFine-tune for the new tone of voice.\n## Non-goals\n- Fixing the model's reasoning.\n- Stopping hallucinations.\n## Alternatives\n- System prompt with style guide: inconsistent tone in 30% of replies.\n## Budget\nLatency under 600 ms p95; £0.10 per 1k calls. Retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We'd like to fine-tune so the bot stops making things up. Not sure yet about cost. We haven't tried RAG.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Retraining the classifier weekly keeps up with new product names. Cost per 1k predictions is $0.04. The old regex heuristics were measured at 58% recall, which is why we moved on.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
];

/** The labelled corpus: hand-written texts plus combinations of labelled statements. */
export const labelled: Labelled[] = [...handWritten, ...generated(160)];
