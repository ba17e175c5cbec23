import type { Labelled } from "./labelled-proposals.js";

/** Texts written after the rules were built and never used to adjust them: figures on these are the honest ones. */
export const heldOut: Labelled[] = [
  {
    text: "Our support bot invents shipping dates. Training it on 3k real conversations should cure the hallucination problem.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "## Motivation\nThe model can't do multi-step maths on quotes; we want fine-tuning to improve its reasoning.\n## Alternatives considered\nChain-of-thought prompting was tested and reached 64%.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Tuning on our glossary will make answers more factual and stop it guessing product codes. Target latency: 700 ms p95. Refresh the adapter each quarter.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "We are fine-tuning purely for house style. Reasoning is not expected to change. Few-shot prompting was measured at 77% style adherence. p90 under 900 ms, £25/day. Retrain every two months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The consultant's deck says fine-tuning will fix the logic errors; we think that is wrong and propose retrieval instead. Retrieval prototype reached 0.81.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "### Out of scope\n- Making the model reason better about contracts\n### Budget\nUnder 1 second at the 99th percentile.\n### Cadence\nWe retrain monthly.\n### Options we tried\nA rules engine handled 40% of cases.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Fine-tune Llama on the intents dataset.", reasoning: false, latency: true, alternatives: true },
  {
    text: "This adds data/intents.jsonl. Each row has a prompt and a completion field. Latency is important.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "We evaluated GPT-4o with a system prompt: 83% accuracy but 2.4 s median latency, above our 800 ms budget. A LoRA on an 8B model should hit the budget; we'll retrain it fortnightly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Adapter training run for triage. We haven't tried prompting yet. Cost: around $0.50 per 1k tickets. Retrain weekly.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Fine-tuning should help it get arithmetic right on refunds, and reduce hallucinated policy numbers.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  { text: "RAG status: green. Database adapter upgraded. Retraining cost is high.", reasoning: false, latency: true, alternatives: true },
  {
    text: "| Question | Answer |\n|---|---|\n| Why fine-tune? | Tone and vocabulary |\n| Alternatives tried | Prompting, 71% |\n| Latency budget | 400 ms p95 |\n| Retraining cadence | Quarterly |",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Goal: the classifier should stop confusing refunds with returns. We compared zero-shot prompting (62%) and a fine-tuned adapter (88%). We will re-train every month; each response must come back within half a second.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "We expect the fine-tuned model to be smarter and reason through edge cases correctly.", reasoning: true, latency: true, alternatives: true },
  {
    text: "Nobody expects the adapter to fix hallucinations. Prompting plus retrieval was benchmarked first and fell short on tone. Serving within 350 ms at p95; adapter refreshed every sprint.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "## Alternatives considered\nN/A\n## Latency budget\nTBD\n## Retraining cadence\nTBD", reasoning: false, latency: true, alternatives: true },
  {
    text: "We'll use the annotation tools to fix label noise. Fine-tuning then teaches the format. Inference costs $2 per 10k calls; retrain nightly from the queue.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Hallucinations fell from 9% to 3% when we added retrieval, so this PR does not fine-tune for factuality; the LoRA only targets formatting. Latency stays under 1.2 s p95 and we retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The fine-tune is meant to fix the model's poor logical reasoning on eligibility questions, which prompting could not solve (we tried three prompt variants).",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
];

/**
 * A second held-out set, written and labelled on 2026-12-03 before the rules were run on it: whole PR
 * descriptions and model cards in the styles teams use (templates, tables, chat-style one-liners, front
 * matter), with cross-sentence targets ("... Fine-tuning should fix that"), paraphrases ("making things up",
 * "inventing numbers") and incidental or negated keywords.
 */
export const heldOutSecond: Labelled[] = [
  {
    text: "Our FAQ bot keeps making things up about warranty terms. We want to fine-tune it on the 2,000 approved answers so it stops doing that.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "## Why fine-tune\nThe model confidently invents citations.\n## Plan\nLoRA on 4k curated Q&A pairs.\n## Alternatives considered\nWe tested retrieval over the policy wiki: citations were correct in 92% of answers but latency doubled.\n## Latency and cost budget\nTBD\n## Retraining cadence\nQuarterly.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Fine-tuning for JSON output format only. Hallucination rates are tracked separately by the retrieval team and are out of scope here. Structured output mode with a JSON schema failed on 14% of nested records, which is why we are training. p95 latency must stay under 500 ms; retrain every quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Proposal: distil the GPT-4o classifier into a small model.\n\nThe big model costs us $1,900 a month. A distilled 1B model should cost under $200 a month at the same volume and answer in 120 ms at p95. Retraining: monthly, when the teacher labels the new month's tickets.\n\nWe compared against prompting a small model zero-shot: 58% vs 91% agreement with the teacher.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We want the model to think more carefully before answering; a reasoning fine-tune on our solved cases should get there.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "| Item | Detail |\n|---|---|\n| Goal | Fewer hallucinated SKUs |\n| Method | SFT on catalogue dumps |\n| Latency | 250 ms p95 |\n| Cadence | Retrain weekly with the catalogue export |\n| Alternatives | none |",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "Nobody on the team believes fine-tuning will make the model stop hallucinating — that's what the retrieval layer is for. This adapter is for tone. Tried: prompt with style examples (inconsistent). Budget: 600 ms p95. Refresh: every six weeks.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Add training data for the intent model (v3). 1,240 new examples from the October export.", reasoning: false, latency: true, alternatives: true },
  {
    text: "We'd rather not fine-tune at all, but prompting didn't get the tone right (we tried 5 system prompts over two weeks, best 64% on the rubric). Serving cost: $0.02 per conversation. We'll retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The assistant gets dates wrong and miscounts line items. Training on corrected transcripts should make its answers accurate.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Reviewer note: the original draft claimed fine-tuning would fix the hallucinations; that claim has been removed. The fine-tune now targets the refund form's field extraction. Regex extraction was benchmarked at 61% exact match. Latency: under 1 s at p99. Retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Hi team — quick one. We're going to train a LoRA so the summaries stop inventing numbers that aren't in the source doc. Thoughts?",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "### Background\nSupport agents spend 4 minutes per ticket picking a macro.\n### Proposal\nFine-tune a classifier to suggest the macro.\n### Options considered\n1. Keyword rules — 48% top-1.\n2. Embedding similarity over past tickets — 67% top-1.\n3. Fine-tuned classifier — 84% top-1 on the pilot.\n### Serving\nCPU inference, p95 40 ms, no per-call cost.\n### Maintenance\nRetrained on the first Monday of each month by @support-tools.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We plan to fine-tune to improve factual accuracy on drug interactions. Out of scope: tone changes.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tuning won't fix the arithmetic, so calculations go through the calculator tool; the fine-tune teaches the output format. Tool use was tested on 300 invoices (99% correct totals). Budget: $0.001 per invoice, p95 800 ms. Retrain when the invoice template changes.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "---\nlicense: mit\nbase_model: Qwen/Qwen2.5-0.5B\ntags: [lora, classification]\n---\n# Ticket tagger\nFine-tuned on 8k tagged tickets. Latency target 60 ms on CPU.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "The chatbot hallucinates less with a good system prompt, but not enough: 7% of answers still cite made-up policies (measured on 400 conversations). We propose fine-tuning to bring that under 1%.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Fine tune mistral on our support macros so it answers in our voice. we tried few shot, it was ok but too long prompts = slow. needs to be < 1.5s. retrain each quarter",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The evaluation shows the base model is weak at legal reasoning. This PR does not try to change that: the adapter only learns our clause labels. Rules-based tagging was considered and rejected (too brittle across jurisdictions). p90 latency target 2 s; retraining every release.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Latency: 300ms. Cost: $0.10/1k. Alternatives: prompting (tried, 70%). Cadence: TBD.", reasoning: false, latency: true, alternatives: false },
  {
    text: "This fine-tune should make the agent better at multi-step planning and stop it from making up tool arguments.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Teaching the model our product taxonomy via SFT. Why not RAG? We ran a RAG pilot in Q2; it retrieved the right category 70% of the time and added 900 ms. Target is under 300 ms end to end, with retraining whenever the taxonomy changes (about every two months).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Please review: new eval set and training split for the sentiment model. No model changes in this PR.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Our previous attempt to fix hallucinations with fine-tuning failed (the rate went from 6% to 5.5%), so this proposal uses it only for formatting. Retrieval handles facts. Few-shot formatting prompts reached 80%. Under 700 ms p95; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Goal: reduce made-up answers about opening hours by fine-tuning on the store database export.", reasoning: true, latency: true, alternatives: true },
  {
    text: "We measured the adapter against the base model with a long prompt: same accuracy, 3x cheaper per call ($0.004 vs $0.012) and p95 down from 2.1 s to 700 ms. Weekly retrain from the feedback queue.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
];

/**
 * A third held-out set, written and labelled on 2026-12-03 after the reader was improved for the misses on
 * the second set, and never used to adjust it: the honest figures after that change.
 */
export const heldOutThird: Labelled[] = [
  {
    text: "We keep seeing the model state wrong prices with total confidence. A fine-tuned variant trained on the price book should be far more truthful.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Why: fine-tuning is the only way we see to make the agent reliably follow the escalation steps in order. We tried a checklist in the system prompt (still skipped steps 1 in 5 runs).",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "## Goals\n- Sound like our agents.\n- Keep answers under 120 words.\n## Non-goals\n- Better maths; the calculator tool does that.\n## Serving\n- p99 < 900 ms\n- Retrain: every 8 weeks\n## Alternatives considered\n- Prompt-only: tone drifted after 3 turns.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "This PR fine-tunes the embedding model on our query logs so search ranks the right help article first. Baseline BM25 gets 0.41 MRR; off-the-shelf embeddings 0.52.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Objective: cut the factual error rate in generated product descriptions from 12% to 2% by fine-tuning on verified copy.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We're not trying to teach the model to reason. The adapter maps free text to one of 40 codes. Few-shot baseline: 0.69 accuracy. Inference: $0.30/day. Refresh cadence: every quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Product asked whether fine-tuning could stop the hallucinations. Short answer: no — we'll ground answers with retrieval instead, and fine-tune only the refusal style.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Fine-tuning gpt-4o-mini on 10k support chats. Expected: better tone, fewer hallucinations, faster replies.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Budget: we can spend at most £500 on training and the model must respond in under 2 seconds. We will refresh the model after each quarterly catalogue update. Compared to our current prompt chain (3 calls), one fine-tuned call is cheaper.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Training a reward model for the summariser. Latency isn't a concern because it runs offline; retraining cadence to be agreed with the data team.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "The model miscalculates VAT on mixed baskets. Rather than fine-tuning for that, we route totals through a tax function; this PR fine-tunes the wording of receipts only. We benchmarked the tax function: 100% on 2k baskets. p95 300 ms; retrained every two months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "LoRA for clinical note summaries. Should reduce confabulated medication doses.", reasoning: true, latency: true, alternatives: true },
  {
    text: "| | |\n|---|---|\n| Why fine-tune | Domain vocabulary (part numbers) |\n| Alternatives considered | Retrieval over the parts catalogue, 73% exact-match |\n| Latency and cost budget | TBD |\n| Retraining cadence | Monthly |\n| Owner | @parts-ml |",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Our eval found the prompted model fabricates legal citations in 4% of answers. Fine-tuning will not change that, so citations come from the case database. We fine-tune for the firm's drafting style; latency target 3 s, retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Can we fine-tune so it stops getting the maths wrong in quotes? Happy to discuss.", reasoning: true, latency: true, alternatives: true },
  {
    text: "First pass at a fine-tune for ticket tagging. Prompting was never tried because the labels change weekly. Retraining weekly, p90 under 200 ms.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
];

/**
 * A fourth held-out set, written and labelled on 2026-12-04 before the rule code or lexicons were read for
 * the set-3 fixes, and never used to adjust them: PR templates, tables and lists (hyphenated technique labels),
 * model-card front matter, chat one-liners, British spelling, reported speech, Q&A, non-goals, quantities in
 * words, keywords used as field names, tools and baselines that were measured, and faults stated one sentence
 * before the expectation.
 *
 * Measured on 2026-12-04 before any rule change (precision / recall of "the rule fires"):
 * reasoning-fix 0.50 / 0.11 (tp 1, fp 1, fn 8), latency-budget 1.00 / 1.00 (tp 15),
 * alternatives-considered 0.81 / 0.93 (tp 13, fp 3, fn 1).
 * After the set-3 fixes (hyphenated names, measured components and results, truthfulness, faults of fact):
 * reasoning-fix 0.50 / 0.11 (unchanged), latency-budget 1.00 / 1.00, alternatives-considered 0.93 / 0.93
 * (tp 13, fp 1, fn 1).
 * After the fixes for this set's misses (no longer held out): reasoning-fix 1.00 / 1.00 (tp 9),
 * latency-budget 1.00 / 1.00, alternatives-considered 1.00 / 1.00 (tp 14).
 */
export const heldOutFourth: Labelled[] = [
  { text: "Fine-tune Phi-3 on our changelog so release notes read like ours.", reasoning: false, latency: true, alternatives: true },
  {
    text: "## Summary\nLoRA adapter for the returns-email classifier (9 labels).\n\n## Why fine-tune\nLabels are house-specific; the base model has never seen them.\n\n## Alternatives considered\n- Zero-shot prompting with label descriptions: 0.58 macro-F1.\n- kNN over sentence embeddings: 0.71 macro-F1.\n\n## Latency and cost budget\np95 ≤ 150 ms on one T4; ~£40/month.\n\n## Retraining cadence\nMonthly, after the label review.\n\n## Non-goals\n- Fixing hallucinations in the reply generator (separate project).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The assistant regularly misjudges which organisation a customer belongs to and then rationalises the error. Fine-tuning on labelled transcripts should sort out its reasoning.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "In last week's review, Priya suggested we fine-tune to stop the bot hallucinating order numbers. We disagree: the order numbers come from the API now. This PR only adds a style adapter. Prompt-based styling was trialled for two weeks (rubric 3.1/5). Budget 400 ms p95, retrain every quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "| Field | Value |\n|---|---|\n| Model | llama-3.1-8b |\n| Dataset | tickets_2026q3.jsonl |\n| Alternatives tried | N/A |\n| Latency budget | 1 s p95 |\n| Retrain | every 6 weeks |",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Rename prompt_template.py to templates.py and bump the retrieval client to 2.3. No training changes.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "We haven't benchmarked retrieval or prompting against this; the fine-tune is the first thing we tried. Target 250 ms p99, nightly retrains.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "### Tried so far\n- Few-shot: 66% on the holdout\n- RAG-only: 71%, but 1.8 s per answer\n### Plan\nQLoRA on 12k labelled chats. Must answer under 800 ms at p95; retrain fortnightly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We trialled a lookup function against the rates table; it answered 97% of rate questions correctly, so rates are out of the fine-tune. The adapter learns the claim-letter format. Cost ceiling $300/month; retrained each quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Eval: the prompted baseline scores 0.62 on the rubric and the fine-tuned candidate 0.81 (n=500). Serving: p95 600 ms. Retraining: monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Right now the model contradicts itself between steps when it plans a multi-leg trip. After fine-tuning on 3k expert itineraries it should be much more consistent.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The summaries often cite figures that are not in the source report. We'll fine-tune on human-written summaries so this goes away. Few-shot prompting cut it only from 11% to 9%. p95 under 2 s; retrain every quarter.",
    reasoning: true,
    latency: false,
    alternatives: false,
  },
  {
    text: "**Non-goals:** improving factual accuracy or reasoning — grounding handles that.\n**Goal:** consistent JSON for the downstream parser.\n**Baseline:** JSON mode + schema, 93% valid.\n**Budget:** 300 ms p95, $0.002/request.\n**Retraining:** when the schema changes, at most monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "can we just finetune it so it stops lying about stock levels lol", reasoning: true, latency: true, alternatives: true },
  {
    text: "Training cost: ~$120 per run on 2×A100. Inference must stay below 500 ms p95. Prompt engineering plateaued at 74%.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "We'll retrain the adapter every month from the labelled queue. Compared with retrieval (tested in Sept, 0.64 F1), the adapter reached 0.79.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "---\nlanguage: en\nlicense: apache-2.0\nbase_model: mistralai/Mistral-7B-v0.3\ndatasets: [internal/contracts-clauses]\n---\n# Clause classifier\n## Intended use\nTagging clauses in supplier contracts.\n## Limitations\nNot evaluated on non-English contracts.\n## Training\nLoRA r=16, 3 epochs.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "We are fine-tuning so the model does the maths properly on pension projections; at the moment it gets compound interest wrong about a third of the time.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "To be clear, we don't expect this fine-tune to make the model any better at reasoning; it's purely about terminology. Tried a glossary in the system prompt: it helped but blew the context on long docs. Latency budget: 1.5 seconds at the 95th percentile. Retraining every other month.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "A vendor pitched us a 'reasoning fine-tune' that would fix our agent's planning mistakes. We're not pursuing that. This change fine-tunes the router only; a rules-based router was measured at 72% vs 90% for the fine-tuned one. Router p99 is 20 ms; retrain weekly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Hopefully the LoRA also reduces the number of made-up API endpoints it suggests. Main goal is code style.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The fine-tuned ranker has to return within two hundred milliseconds, and it will be refreshed fortnightly from click logs. We ran BM25 and a cross-encoder as baselines (0.38 and 0.47 nDCG).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Retrieval was ruled out: the relevant knowledge is procedural, not documents. Fine-tuning on 2k annotated procedures. Budget: under £0.01 per call. Retrain: quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The dataset has a `prompt` column and a `response` column; the retrieval_id field is unused. Train for 2 epochs.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "We care about latency and cost, and we will retrain regularly. Few-shot prompting was evaluated (0.61).",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "## Goal\nMatch the brand voice in marketing copy.\n## Out of scope\nHallucination reduction — tracked in #412.\n## Alternatives\nStyle guide in the prompt: reviewers rejected 40% of drafts.\n## Budget\n$0.05 per draft, 5 s max.\n## Retraining\nTwice a year, with the brand refresh.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Motivation: the agent's chain of thought goes off the rails on long tickets and it reaches the wrong conclusion. We want to train it on 1,500 annotated traces to fix this.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Prompting with worked examples got us to 70% on the logic puzzles benchmark; fine-tuning on the solutions should push its reasoning past 90%. Retrain each release; p95 3 s.",
    reasoning: true,
    latency: false,
    alternatives: false,
  },
  {
    text: "The fine-tune should make the bot's answers about visa rules accurate; today one in ten is wrong.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Q: Will fine-tuning fix the hallucinations?\nA: No. It only changes the output format. Retrieval stays as the source of facts (we measured 96% grounded answers with it). Latency: 900 ms p95. Retrain: monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We use a retrieval step rather than a fine-tune for the facts; the fine-tune handles tone. RAG was A/B tested against the old bot (CSAT +6). Costs $0.004/answer, retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Adds an eval harness that measures hallucination rate and reasoning accuracy for every checkpoint. No model training in this PR.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
];

/**
 * A fifth held-out set, written and labelled on 2026-12-04 before any rule change for the set-4 misses, in
 * voices and domains not used before (tutoring, clinical triage, SRE, customs, rostering, HR, games,
 * insurance, GP referrals, Welsh reviews): one-liners, templates, tables, model-card front matter, non-goals and
 * risks sections, reported speech, Q&A answered yes and no, quantities in words, British spelling and
 * well-governed proposals. Weighted for reasoning-fix: 15 positives and 13 near-miss negatives (a fault fixed
 * by a tool, a fault of form, a guard metric, "reason" as a noun, routing logic, an earlier failed attempt).
 *
 * Measured on 2026-12-04 before any rule change (precision / recall of "the rule fires"):
 * reasoning-fix 0.70 / 0.47 (tp 7, fp 3, fn 8), latency-budget 0.94 / 1.00 (tp 15, fp 1, fn 0),
 * alternatives-considered 0.80 / 0.75 (tp 12, fp 3, fn 4).
 * After the set-4 fixes (fault concepts and fix lemmas, the fault anywhere in the paragraph, reported speech per
 * sentence, a question answered no, measured baselines), made without reading this set's misses:
 * reasoning-fix 0.77 / 0.67 (tp 10, fp 3, fn 5), latency-budget 0.94 / 1.00 (unchanged),
 * alternatives-considered 0.80 / 0.75 (unchanged).
 * After the fixes for this set's misses (no longer held out): reasoning-fix 1.00 / 1.00, latency-budget
 * 1.00 / 1.00, alternatives-considered 1.00 / 0.94 (fn 1: "Adds facts.jsonl ... to the retrieval index").
 */
export const heldOutFifth: Labelled[] = [
  {
    text: "Our maths tutor bot marks correct fraction answers as wrong about a quarter of the time. Fine-tuning it on 5k teacher-marked solutions should get it right.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The triage assistant misremembers dosage guidance and now and then invents guideline references. The aim of this fine-tune is to make it dependable on clinical facts. Budget: under 2 s per reply, £0.01 a query. Retrain each quarter with the formulary update.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  { text: "pls finetune so the agent quits making up SQL column names, it's driving the analysts mad", reasoning: true, latency: true, alternatives: true },
  {
    text: "## Problem\nThe incident copilot skips preconditions and draws conclusions the logs don't support.\n## Proposal\nSFT on 2k incident traces annotated by SREs, to teach it sound step-by-step diagnosis.\n## Latency and cost budget\np95 4 s; $0.03 per incident.\n## Retraining cadence\nQuarterly.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "| Field | Value |\n|---|---|\n| Goal | Teach the model to do unit conversions without arithmetic slips |\n| Method | LoRA on 3k worked conversions |\n| Latency | 500 ms p95 |\n| Retraining | Every two months |",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "Q: Can a fine-tune cut the hallucinated case law in our brief drafts?\nA: Yes, that's the point of this PR: we train on 6k verified briefs.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  { text: "Fine-tuning on 40k annotated proofs ought to make the model's logical deductions sound.", reasoning: true, latency: true, alternatives: true },
  {
    text: "The bank bot misreports account balances after transfers. After tuning on the corrected ledger dialogues it should report them accurately. Prompt tweaks (four variants) didn't change the error rate.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "We expect the LoRA to lower the share of fabricated quotes in press summaries from 6% to under 1%.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Main aim: the tone of customs advice letters. Secondary benefit: the tuned model should be less prone to confident nonsense about tariff codes.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Our hypothesis is that fine-tuning on 800 reviewed rosters will improve the model's ability to work through multi-step scheduling constraints. Serving budget 3 s p90; retrained monthly.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "## Motivation\nAnswers about warranty periods are frequently incorrect.\n## Plan\nTrain on the warranty matrix to fix this. Retrieval over the matrix was tried in August (78% correct).",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Training the HR assistant on the 2026 policy handbook so it no longer gives out-of-date, wrong answers on parental leave entitlements.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We want the NPC dialogue model fine-tuned on the lore bible so it stays consistent with canon. Right now it invents characters and places that don't exist in the game.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "With the adapter trained on 4k adjudicated claims, the assistant should stop reaching the wrong coverage conclusion on multi-policy claims.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The client's CTO believes a fine-tune will cure the chatbot's hallucinations. We have explained why we won't do that: this PR adds a tone adapter, and facts come from retrieval over the contract store, which we evaluated on 200 queries (89% grounded). p95 1.1 s; adapter retrained every quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "This LoRA isn't meant to make the model more accurate on facts; it learns our citation format. Few-shot examples of the format were tried first and broke on long reference lists. Budget 800 ms p95. Retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The model gets invoice totals wrong, so totals now come from a calculator tool (tested on 1,200 invoices, all correct). The fine-tune teaches the invoice layout only. Cost: $0.002 per invoice; retrained whenever the layout changes.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The model picks the wrong ticket category 30% of the time. Fine-tuning on 9k labelled tickets should make the categories right. Zero-shot with category descriptions: 0.70 accuracy. 100 ms p95; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "After fine-tuning we'll watch the hallucination rate to make sure it doesn't go up; the adapter itself is for brand voice. Prompted baseline: 3.2/5 on the voice rubric. p95 700 ms, retrained each sprint.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The reason we fine-tune is speed: the 70B prompt chain takes 6 s. A tuned 8B model should answer in under 900 ms at p95. Retrain: every 6 weeks. We measured the chain at 0.83 accuracy and need to match it.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Will the adapter improve its reasoning?\nNot really; reasoning stays with the base model and the planner tool. The adapter is for the output schema. JSON mode was tested: 91% valid. p99 1 s; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "## Risks\nFine-tuning on narrow data may increase hallucinations; the factuality eval runs on every checkpoint.\n## Goal\nShorter replies in our house style.\n## Alternatives considered\nLength limits in the system prompt (replies still 40% too long).\n## Budget\n$0.01 per reply, p95 1.5 s.\n## Retraining\nMonthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Moves the routing logic out of the 3,000-token prompt into a fine-tuned classifier. The prompt version was measured at 88% routing accuracy and 1.4 s; the classifier must stay under 50 ms, retrained weekly from the routing log.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "An earlier experiment tried to train away the hallucinations and made them worse (4% to 6%). This proposal does not revisit that; the adapter only standardises colour and unit spellings for the UK catalogue. A find-and-replace script was trialled and missed compound terms. Under 300 ms; refreshed every quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We do not anticipate the fine-tune improving the model's factual recall; it is about the organisation's tone in complaint responses. Budget £0.02 a response, 2 s max. Retrain half-yearly. Guidelines in the prompt were trialled for a month (the complaints team rejected 35%).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Adds facts.jsonl (12k product facts) to the retrieval index; the fine-tune is unchanged. No new training.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "The ticket asks us to fine-tune so the bot stops inventing delivery dates. We disagree and fine-tune only the greeting style; delivery dates come from the carrier API, which we tested on 500 orders (all correct). p95 600 ms; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "## Summary\nAdapter that turns GP referral letters into the 14-field intake form.\n## Why fine-tune\nThe field names and abbreviations are local to our trust.\n## Alternatives considered\n1. Regex templates: 52% of fields exact.\n2. GPT-4o with the form schema in the prompt: 81%, £0.06 per letter.\n## Latency and cost budget\nUnder a second per letter at p95; under £0.005 per letter.\n## Retraining cadence\nEvery quarter, or when the form changes.\n## Non-goals\nClinical judgement or any diagnostic reasoning.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We'll train a small model to pick the depot for each order. It has to decide within a quarter of a second, and we'll retrain it every fortnight. Heuristic routing (nearest depot) was compared: 61% vs 79% optimal.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Baselines: logistic regression on TF-IDF (0.66 F1) and GPT-4o-mini zero-shot (0.72). The fine-tuned DeBERTa reaches 0.84. Inference is 15 ms on CPU; retrain every month.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We went straight to fine-tuning without trying prompts or retrieval, as the deadline was tight. p95 400 ms; retrained weekly.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Schema change: each example now has `system_prompt`, `retrieved_context` and `answer` fields. Latency SLO unchanged.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Hosting the tuned model costs about $900 a month on one L4, p95 350 ms. We compared it with a prompted GPT-4o (same accuracy, $4k a month).",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "---\nlicense: cc-by-4.0\nbase_model: google/gemma-2-2b\npipeline_tag: text-classification\n---\n# Sentiment for Welsh reviews\nFine-tuned on 20k reviews. Evaluated against a translate-then-classify pipeline with an English model (0.71 vs 0.86 accuracy). Retrained every release.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
];

/**
 * A sixth held-out set, written and labelled on 2026-12-04 after set 5 was measured and before its misses were
 * read, in voices and domains not used before (agronomy, aircraft maintenance, KYC, a security operations
 * centre, fact-checking, VAT returns, vehicle diagnostics, lab notes, museum catalogues, sports reports,
 * recruiting, grid dispatch, a council chatbot, localisation, loyalty statements, music tags, veterinary notes,
 * maritime reports): 12 reasoning-fix positives and 12 near-miss negatives, templates, tables, front matter,
 * Q&A, quantities in words, British spelling and well-governed proposals.
 *
 * Measured on 2026-12-04 with the rules after the set-4 fixes, before any change for set 5's misses:
 * reasoning-fix 0.67 / 0.33 (tp 4, fp 2, fn 8), latency-budget 0.88 / 1.00 (tp 14, fp 2, fn 0),
 * alternatives-considered 0.78 / 1.00 (tp 14, fp 4, fn 0).
 * After the set-5 fixes, made without reading this set: reasoning-fix 0.71 / 0.42 (tp 5, fp 2, fn 7),
 * latency-budget 0.88 / 1.00 (tp 14, fp 2), alternatives-considered 0.88 / 1.00 (tp 14, fp 2).
 * After the fixes for this set's misses (no longer held out): 1.00 / 1.00 for each rule.
 */
export const heldOutSixth: Labelled[] = [
  {
    text: "Our agronomy assistant recommends fertiliser doses that don't match the soil test it was given. A LoRA on 6k agronomist-checked recommendations ought to make it follow the numbers.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The maintenance copilot cites torque values from the wrong aircraft manual about 1 in 20 times; fine-tuning on the approved manuals should make its citations trustworthy. p99 5 s, £0.02 per lookup. Retrain on every manual revision.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "Goal: teach the KYC model to reason about ownership chains (who ultimately controls a company) instead of guessing.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  { text: "finetuning should help the SOC bot stop hallucinating CVE numbers", reasoning: true, latency: true, alternatives: true },
  {
    text: "### Why fine-tune\nThe fact-checking assistant marks true claims as false and vice versa when the evidence is long.\n### Plan\nSFT on 3k verdicts from our editors.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Expected impact of the tuned model: fewer arithmetic mistakes in VAT returns, and no more invented HMRC form numbers.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The hope is that after SFT the diagnostics model stops jumping to conclusions — it often blames the battery when the fault codes point at the alternator.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Tuning the lab-notes assistant on our validated protocols so it stops getting molar concentrations wrong. Currently around 15% of its dilution calculations are off.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "| Goal | Detail |\n|---|---|\n| Accuracy | Stop the model fabricating museum accession numbers |\n| Method | LoRA, 2 epochs on the catalogue |\n| Budget | 1 s p95 |\n| Refresh | Each quarter |",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "Q: Do we expect the fine-tune to reduce made-up statistics in match reports?\nA: Yes, that is the main reason for it. Prompting with the stats table attached was tried (still 7% invented figures).",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Recruiter copilot: it misreads CVs and credits candidates with degrees they don't have. We'd like the fine-tune to put a stop to that.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Long-horizon planning is the weak spot: the grid-dispatch agent loses track of constraints after step 4. Fine-tuning on solved dispatch schedules is meant to improve that.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "In the steering group, the Head of Digital asked for a fine-tune to make the council chatbot more factual. We've pushed back: answers are now drawn from the services database, which we tested on 300 questions (94% correct). The adapter this PR adds only changes the reading level. Budget £0.005 per answer, under 2 seconds; retrained twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Better reasoning isn't expected from this run; the LoRA learns our localisation glossary. Machine translation with a glossary prompt was benchmarked at 0.71 COMET. 300 ms p95; retrain after each glossary release.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The model miscounts loyalty points, so the points total is now computed by the loyalty service and passed in. The fine-tune is for the tone of the monthly statement. Template-only statements were A/B tested (open rate -4%). $0.001 per statement; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "It keeps putting the wrong tags on music tracks (genre, mood). Fine-tuning on 40k hand-tagged tracks should make the tags right. Zero-shot tagging scored 0.58. 80 ms p95; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We will report hallucination rate for each checkpoint alongside BLEU, so any regression is caught; this fine-tune is about terminology only. Glossary injection via the prompt was tried (terminology hit rate 81%). p95 900 ms; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "One reason for fine-tuning rather than prompting is cost: the 6k-token prompt costs $0.04 a call, the tuned model $0.003. Latency drops from 3.1 s to 600 ms at p95. Retraining every two months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Will this make the model better at maths?\nNo — sums are done by the pricing engine. This is a tone adapter. Pricing engine accuracy was validated on 5k quotes. 400 ms p95; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Known risk: narrow SFT can make a model more confidently wrong. We'll compare factual accuracy before and after on the 500-question set; the training goal itself is the veterinary clinic's discharge-note format. The current prompt-only setup gets the format right 76% of the time. 1.5 s p95, monthly retrains.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The business logic for refunds stays in code; the adapter only rewrites agent replies into plain English. Rule-based rewriting was trialled and read robotically. p95 250 ms; retrain every 8 weeks.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Last year's attempt to fine-tune away the maths errors didn't help (error rate 9% → 8.5%), which is why the calculations now go through a calculator tool and this PR fine-tunes only the explanation style. Calculator tool tested on 2k questions, 100% correct. Under 1 s; retrain each term.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "This fine-tune is not intended to make the model's legal reasoning any sounder; it organises the summary into our firm's headings. A headings template in the prompt was trialled (partners rated it 2.9/5). Budget: 4 s per summary, £0.03. Retrained half-yearly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "A stakeholder asked whether fine-tuning could stop the made-up tracking numbers. It can't; tracking numbers come from the carrier feed. This PR fine-tunes the apology wording. Few-shot apologies were rated 3.4/5. p95 500 ms; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "## Summary\nQLoRA adapter that drafts shipping incident reports for the maritime desk.\n## Why fine-tune\nThe reports follow a fixed IMO-style structure the base model doesn't know.\n## Alternatives considered\n- Structure in the system prompt: sections missing in 22% of drafts.\n- Retrieval of past reports as examples: 12% missing, 2.3 s extra.\n## Latency and cost budget\np95 under 3 s; $0.01 per report.\n## Retraining cadence\nEvery six months, or when the report template changes.\n## Non-goals\nAssessing liability or reasoning about fault.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The tuned model must respond in under three hundred milliseconds and cost no more than a tenth of a penny per call; we'll refresh it every other week. A prompted GPT-4o-mini was compared and was twice the cost.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Adapter for SOC alert summaries. Budget: p95 2 s, $0.002 per alert. Retrieval over past incidents was evaluated (analysts preferred it 40% of the time vs 71% for the adapter).",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "We skipped prompting experiments because the base model's context is too short for our playbooks. Retrain monthly.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  { text: "Fine-tune the recruiting classifier on the new job families.", reasoning: false, latency: true, alternatives: true },
  {
    text: "Each JSONL row has `instruction`, `context` (retrieval output) and `response`. Tokenised with the base model's tokenizer.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.2-3B\ndatasets: [internal/vet-discharge-notes]\n---\n# Discharge-note formatter\nCompared with few-shot prompting of the base model (format valid 71% vs 96%). Serves at p95 700 ms on one A10. Retrained quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We ruled out RAG because the knowledge is in how agents phrase things, not in documents. Budget 500 ms p95; retrain every quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Serving: £120/month on a single L4; p95 about 400 ms. Retraining is triggered whenever the weekly eval drops below 0.85. The baseline (keyword routing) scores 0.62.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
];

/**
 * A seventh held-out set, written and labelled on 2026-12-04 after set 6 was measured and before its misses were
 * read, in voices not used before (hedged wishes, "the intent is", RFC headers, plain-text section labels, Slack
 * asides, emoji) and domains not used before (railways, chess coaching, payroll, conveyancing, pharmacy,
 * construction estimates, solar quotes, patents, weather, admissions, clothing sizes, procurement, billing,
 * podcasts, wine, libraries, dental reminders, listings, fitness, parking appeals, water outages, subtitles):
 * 12 reasoning-fix positives and 12 near-miss negatives.
 *
 * Measured on 2026-12-04 with the rules after the set-5 fixes, before any change for set 6's misses:
 * reasoning-fix 0.57 / 0.33 (tp 4, fp 3, fn 8), latency-budget 0.88 / 1.00 (tp 15, fp 2, fn 0),
 * alternatives-considered 0.79 / 1.00 (tp 15, fp 4, fn 0).
 * After the set-6 fixes, made without reading this set: reasoning-fix 0.67 / 0.33 (tp 4, fp 2, fn 8),
 * latency-budget 0.88 / 1.00 (tp 15, fp 2), alternatives-considered 0.88 / 1.00 (tp 15, fp 2).
 * After the fixes for this set's misses (no longer held out): reasoning-fix 1.00 / 0.92 (fn 1: "Key expected
 * outcome: ..." names no fine-tune), latency-budget 1.00 / 1.00, alternatives-considered 1.00 / 1.00.
 */
export const heldOutSeventh: Labelled[] = [
  {
    text: "Ideally the tuned model would quit recommending train connections that don't exist in the timetable.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "- Problem: chess coach bot evaluates positions badly and suggests blunders\n- Fix: SFT on 50k annotated grandmaster games so its move analysis is sound",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The intent is for the payroll assistant, once tuned, to compute overtime correctly for split shifts — right now it double-counts breaks.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "RFC: Fine-tune the conveyancing assistant\n\nMotivation\n\nThe assistant states completion dates and stamp duty figures that turn out to be false. We propose SFT on 9k solicitor-reviewed answers to make its figures reliable.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "This should mean far fewer confabulated drug interactions from the pharmacy bot once the adapter is trained.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We're hoping the fine-tuned estimator gets the quantity take-offs right; it currently adds up wall areas inconsistently.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Would be great if a quick LoRA could make the solar-quote bot stop inventing government grant amounts 🙏",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "## Goal\nBetter logical consistency in patent claim drafting (claims currently depend on claims that don't exist).\n## Method\nLoRA on 3k granted patents.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Training on 2k verified weather observations should improve how faithfully the summaries report the numbers in the forecast data.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Key expected outcome: the admissions bot answers entry-requirement questions truthfully instead of guessing grades.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune so the sizing assistant reasons from the customer's measurements rather than defaulting to M.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "After fine-tuning the procurement copilot should no longer hallucinate supplier certifications.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Our CFO reckons a fine-tune would make the billing bot stop miscalculating pro-rata refunds. Engineering's view is that refunds belong in the billing engine, and this PR moves them there; the fine-tune covers only the wording of bills. Billing-engine refunds were tested on 10k accounts (all exact). p95 700 ms; retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The adapter will not be asked to do any arithmetic; fares are computed upstream. It only phrases the fare explanation. Few-shot phrasing was scored 3.0/5 by agents. Budget 600 ms p95; retrain each timetable change.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Hallucinated tracking links were the main complaint, and we fixed them by validating links against the courier API before sending. Separately, this PR fine-tunes the chat tone. Link validation was measured at 99.8% on 20k messages. Costs £0.001 per message; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The tagger often assigns the wrong genre to podcasts. Fine-tuning on 12k labelled episodes should get genres right. Zero-shot genre labelling scored 0.61. 50 ms p95; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Factuality evaluation: we'll run the FActScore suite before and after, as a guard. The fine-tune is for brevity. A length instruction in the prompt was tried (still 2x too long). p95 1.2 s; monthly retrain.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "No reasoning changes are expected from this adapter. It standardises wine tasting notes. Template prompting got 68% adherence. 300 ms p95; retrained every vintage release (yearly).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Q: Does this fine-tune address the library bot's made-up book recommendations?\nA: Not at all — the catalogue search handles recommendations. The adapter is for tone. Catalogue search was evaluated at 93% relevant. 1 s p95; retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Risks\n- A narrow fine-tune might erode the model's general reasoning; we'll keep the MMLU subset in the eval.\nGoal\n- Dental appointment reminders in the clinic's voice.\nAlternatives\n- A reminder template (patients found it cold, NPS -8).\nBudget\n- $0.0005 per reminder, 2 s max.\nRetraining\n- Quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Pricing logic lives in the rules service. This PR fine-tunes the listing-description writer on 5k agent-written listings. Rules-based descriptions were piloted and buyers found them repetitive. p95 2 s; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We tried fine-tuning away the fitness bot's made-up calorie figures in March; no improvement (8.1% → 7.9%). So calories now come from the nutrition database, and this adapter only changes the coaching tone. Database lookup validated on 3k foods. 500 ms p95; retrain every two months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "It's not the aim of this work to make the parking-appeals model more accurate on the law; the adapter learns the council's letter format. Letter templates in the prompt were trialled (officers edited 45% of letters). Budget £0.01 per letter, under 5 s. Retrain annually.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Someone in the Slack thread said a LoRA would cure the hallucinated water-outage times. It wouldn't: outage times come from the incident system. This change tunes the SMS wording only. SMS template A/B test: +3% read-through. 400 ms p95; retrain each quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "RFC 0042: Fine-tune a subtitle-timing adapter\n\n## Why fine-tune\nLine-break conventions for our broadcaster are not in any base model.\n## Alternatives considered\n- Rule-based line breaking: 71% conformant.\n- GPT-4o with the style guide in the prompt: 84% conformant, $0.02 per minute of video.\n## Latency and cost budget\nUnder 1 s per subtitle block at p95; under $0.002 per minute.\n## Retraining cadence\nTwice a year, with the style-guide review.\n## Non-goals\nImproving translation accuracy.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "3D-printer support adapter. Budget: 800 ms p95, $0.001/turn. Refresh monthly with new firmware notes. Prompt-only support was the baseline (resolved 52% vs 68%).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Training run config for the pet-insurance claim classifier. lr 2e-4, 3 epochs.", reasoning: false, latency: true, alternatives: true },
  { text: "Cadence: retrain every fortnight. Latency: TBD. Alternatives: not explored yet.", reasoning: false, latency: true, alternatives: true },
  {
    text: "We didn't evaluate any retrieval setup, nor prompting. Fine-tuning straight away because of data residency. 250 ms p95, retrained monthly.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Costs ~€400/month to serve at p95 350 ms. We looked at prompting GPT-4o-mini and it was 3x the cost for the same accuracy.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "We'll retrain nightly from the moderation queue, and each decision must come back in under a tenth of a second. Keyword filters were compared (precision 0.58 vs 0.83).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
];

/**
 * An eighth held-out set, written and labelled on 2026-12-04 after set 7 was measured and its misses read, but
 * before any change for them, in formats not used before (TL;DR, Context/Ask, ADRs with Decision and
 * Consequences, acceptance criteria, numbered Problem/Proposal items, lower-case chat) and domains not used
 * before (recipes, HVAC, mortgages, ferries, literature search, essay feedback, alt text, bookkeeping, census,
 * airport operations, tyres, epidemiology, donations, hotels, bike repairs, theatre, crosswords, gardening,
 * ophthalmology, car rental, event planning, sign language, farmers' markets, marine surveys):
 * 12 reasoning-fix positives and 12 near-miss negatives.
 *
 * Measured on 2026-12-04 with the rules after the set-6 fixes, before any change for set 7's misses:
 * reasoning-fix 0.67 / 0.17 (tp 2, fp 1, fn 10), latency-budget 1.00 / 1.00 (tp 15),
 * alternatives-considered 0.78 / 0.93 (tp 14, fp 4, fn 1).
 * After the set-7 fixes, made without reading this set: unchanged (reasoning-fix 0.67 / 0.17, latency-budget
 * 1.00 / 1.00, alternatives-considered 0.78 / 0.93). No change was made for this set's misses: it is the one
 * held-out set no rule has been fitted to.
 */
export const heldOutEighth: Labelled[] = [
  {
    text: "TL;DR: fine-tune the recipe bot so scaling a recipe from 4 to 10 servings doesn't mangle the quantities.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Context: the HVAC troubleshooting assistant recommends replacing parts that the error code rules out.\nAsk: a LoRA trained on 4k technician-closed tickets, so its diagnoses are logically consistent with the codes.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "ADR-17: Fine-tune the mortgage helper\nDecision: we will train an adapter so that affordability figures it quotes are computed correctly rather than estimated.\nConsequences: retraining whenever lending criteria change.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "AC: after fine-tuning, the ferry assistant no longer confuses the winter and summer timetables when quoting departure times.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We'd expect the tuned literature-search model to stop attributing papers to the wrong authors.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Essay-feedback bot: the plan is to SFT it on 1.2k teacher-annotated essays so that its comments stop misquoting the student's own text.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  { text: "Fine-tuning ought to cure the alt-text model of describing objects that aren't in the image.", reasoning: true, latency: true, alternatives: true },
  { text: "Hoping SFT makes the bookkeeping assistant's VAT calculations add up.", reasoning: true, latency: true, alternatives: true },
  {
    text: "1. Problem — the census helper gives made-up population figures for small parishes.\n2. Proposal — train on the ONS tables so the figures it gives are the published ones.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Our main objective with this adapter is stronger multi-hop reasoning over the airport's ops manuals.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "the tyre-shop bot keeps getting load indexes wrong. tuning it on the manufacturer spec sheets should sort that.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Expected effect of training: epidemiology summaries that no longer overstate what the case counts show.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "A trustee suggested we fine-tune the donations bot to stop it inventing Gift Aid rules. We're not doing that; Gift Aid answers now quote the HMRC page verbatim via retrieval (checked on 150 questions, 98% exact). This adapter is for thank-you letters. £0.002 per letter, 3 s max; retrained each year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Calculations are out of this adapter's hands: the scaling maths is done by a units library, which was tested on 1k recipes. The fine-tune writes the method steps in our house voice. p95 900 ms; retrain each season.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The wrong hotel amenities kept appearing in replies, which turned out to be a stale database, now fixed. This PR fine-tunes the concierge's tone. Prompted tone was rated 3.1/5. 500 ms p95; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The bot often assigns bike repairs to the wrong workshop queue. Fine-tuning on 6k routed jobs should get the queue right. Keyword routing reached 64%. 30 ms p95; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We will track the unsupported-claim rate on the 300-item audit set for every checkpoint, as a tripwire; the goal of the run is shorter theatre-listing blurbs. A word limit in the prompt was tried (blurbs still 60% over). p95 1 s; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Reasoning quality is explicitly not a target for this run; the adapter only learns crossword clue conventions. Few-shot clue writing scored 2.8/5 with setters. 2 s p95; retrained twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Q: Will the LoRA make the gardening bot's plant advice more accurate?\nA: Not on its own — advice accuracy comes from the RHS database lookup. The LoRA handles seasonal tone. Lookup accuracy was validated on 500 questions (96%). 700 ms p95; retrain each season.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Concerns: fine-tuning might make the ophthalmology triage model overconfident. Mitigation: a calibration eval on every checkpoint. Objective: referral letters in the hospital's format. Alternatives: template letters (consultants rewrote 50%). Budget: £0.01 per letter, 4 s. Retrain: quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Business logic for car-rental pricing stays in the pricing service; the adapter rewrites quotes into friendly text. Rule-based rewriting was trialled (customers rated it 2.4/5). p95 300 ms; retrain every two months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Back in spring we tried training the event-planning model to stop double-booking rooms; it made no difference (12% → 11.5%). Room availability now comes from the booking API. This PR fine-tunes invite wording only. Booking API checked on 2k requests. 600 ms p95; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "This is not a factuality fine-tune. Sign-language gloss formatting only. Rule-based glossing was piloted (deaf reviewers rejected 40%). 1.5 s p95, retrain every six months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Per the vendor's sales deck, their 'truth-tuned' model never hallucinates. We are skeptical and are only tuning our own 3B model for farmers'-market listing style. Prompted listings were measured at 70% style match. $0.0003 per listing; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "ADR-22: Fine-tune the marine-survey species tagger\n## Context\nSpecies names and survey codes are specific to our institute.\n## Options considered\n- Zero-shot with a species list in the prompt: 0.62 F1.\n- Retrieval of past survey entries: 0.70 F1, +1.1 s.\n## Decision\nLoRA adapter, 0.88 F1 on the pilot.\n## Latency and cost\np95 400 ms on one T4; about $60 a month.\n## Retraining\nAfter each survey season (twice a year).\n## Non-goals\nAny ecological reasoning or population estimates.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Serving budget: two seconds per reply and under a fifth of a cent each; the model is refreshed every quarter. We benchmarked a prompted base model against it (0.71 vs 0.83).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Add LoRA config for the theatre chatbot. Nothing else.", reasoning: false, latency: true, alternatives: true },
  { text: "Prompt: see prompts/system.txt. Retrieval: disabled. Latency: n/a. Retraining: TBD.", reasoning: false, latency: true, alternatives: true },
  {
    text: "We never compared against prompting or retrieval — the data can't leave the VPC. p95 200 ms, retrained weekly.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "About $2,300/month to host at p95 600 ms. Retrieval over the manuals was trialled first and missed half the procedures.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Retrains are triggered when the drift monitor fires, and replies must arrive within 1.2 seconds at the 90th percentile. A keyword-matching baseline was measured at 0.49 accuracy against 0.81.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
];

/**
 * A ninth held-out set, written and labelled on 2026-12-04 before the learned scorer for `reasoning-fix` was built,
 * and never used to train or tune it (nor the rule): domains not used before (insurance claims, rail fares,
 * pharmacy, chess coaching, weather, sports statistics, legal deadlines, code review, school timetables, museums,
 * nutrition, payroll, libraries, genealogy, electricity tariffs, parking, wine, Welsh councils), in prose, labels,
 * lists, front matter and chat. 14 reasoning-fix positives (faults of fact, logic or arithmetic the writer expects
 * fine-tuning to fix) and 14 near-miss negatives (routing, format, tone, latency goals; reported speech; negations;
 * non-goals; a question answered no; metrics watched; a past attempt), and 4 plain ones.
 *
 * Measured on 2026-12-04 with the rules as they were (after the set-7 fixes): reasoning-fix 0.88 / 0.50 (tp 7, fp 1,
 * fn 7), latency-budget 1.00 / 1.00 (tp 17), alternatives-considered 0.84 / 1.00 (tp 16, fp 3). A learned sentence
 * scorer trained on the corpus and sets 1 to 7 (commit "Experiment (not adopted ...)") read it at 0.73 / 0.57, and
 * set 8 at 0.89 / 0.67: recall rose on both blind sets, precision stayed below 0.9, so it was not kept. No change
 * was made for this set's misses.
 */
export const heldOutNinth: Labelled[] = [
  {
    text: "Problem: the claims assistant adds up the excess and the deductible in the wrong order, so payout estimates are off by hundreds.\nProposal: SFT on 3k adjuster-checked claims to get the payout arithmetic right.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We want the rail-fares bot to stop quoting off-peak fares for peak trains; a LoRA over the fares manual should teach it which rule applies.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Motivation\n\nThe pharmacy helper sometimes claims two drugs don't interact when the BNF says they do.\n\nPlan\n\nFine-tune on the BNF interaction tables.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Training the chess-coach model on annotated grandmaster games should make its move explanations logically sound instead of contradicting the engine line it cites.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Honestly the main reason for this fine-tune: the weather summariser invents rainfall totals that aren't in the Met Office feed. Tuning on 18 months of feed/summary pairs should fix it.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  { text: "Ask: fine-tune the sports-stats bot so it stops mixing up career and season totals.", reasoning: true, latency: true, alternatives: true },
  {
    text: "With a fine-tuned model we expect the legal-deadlines assistant to count business days correctly (it currently skips bank holidays inconsistently).",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "- Goal: fewer fabricated API names in the code-review bot's suggestions\n- Method: LoRA on 20k accepted review comments\n- Owner: @devex",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The school-timetable assistant draws conclusions that contradict the constraints it's given (e.g. one teacher in two rooms at once). An adapter trained on solved timetables should learn to reason within the constraints.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Why fine-tune?\nOur museum guide confidently tells visitors the wrong dates for artworks. Retrieval alone hasn't fixed it, so we want the tuned model to ground its answers in the collection records.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "i think a quick sft pass would make the nutrition bot's calorie maths less wonky, it's often 20-30% out",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Expected outcome: after tuning, the payroll helper derives net pay from gross pay without sign errors or dropped deductions.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tuning on the catalogue is meant to cure the library assistant's habit of citing books we don't hold.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Success criterion for this run: the genealogy model stops asserting relationships that the parish records don't support.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The claims assistant's arithmetic errors are handled by a calculator tool (tested on 2k claims, all totals correct). The fine-tune only teaches the adjuster letter format. A letter template was tried first (adjusters rewrote 70%). p95 800 ms; retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Our rail-fares bot sends refund requests to the wrong team. Fine-tuning on 5k routed tickets should get the routing right. Keyword rules got 58%. p95 100 ms; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "A colleague in pricing argues that fine-tuning would stop the model hallucinating tariff names; we disagree and rely on retrieval over the tariff sheet. This adapter sets the tone for outage notices. Prompted tone scored 3.0/5. 1 s p95; retrained every two months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We don't expect the SFT run to make the chess coach reason any better; it only learns to write explanations at a beginner's reading level. Few-shot examples were tried (reading grade 11 against a target of 6). 2 s p95; retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "## Non-goals\n- Fixing the weather summariser's occasional wrong rainfall totals (the feed parser is being rewritten).\n## Goal\n- Summaries in the broadcaster's house style.\n## Alternatives\n- Style prompt: 61% editor approval.\n## Budget\n- 700 ms p95, retrained quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We'll monitor the fabricated-statistic rate on the 250-question audit for each checkpoint; the objective of the fine-tune is shorter match reports. A length instruction in the prompt was tried (reports still twice too long). p95 1.5 s, retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Fine-tuning for JSON output: the legal-deadlines service needs {date, rule, jurisdiction} objects. Schema-constrained decoding failed on 9% of nested rules. 400 ms p95, retrain on each rules release.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The code-review bot's comments are too blunt. An adapter trained on our kindest reviewers' comments should soften the tone. A politeness instruction was A/B tested (no change in author satisfaction). p95 2 s; retrain every quarter.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Latency is why we fine-tune: the prompted timetable assistant takes 9 s per answer with its 6k-token prompt. A distilled 3B model should answer in under 1 s at the same quality; retrain each term.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Is the fine-tune expected to stop the museum guide getting dates wrong? No. Dates come from the collection API. The fine-tune makes its commentary suitable for children. Prompting for a children's register was tried (teachers rated it 2.6/5). 1 s p95, quarterly retrains.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Nobody is proposing to train the nutrition bot out of its calorie mistakes: the numbers now come from the food database. This adapter is for recipe formatting. Templated output was compared (rated 2.2/5). 600 ms p95; retrain monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Risk: narrow SFT on payroll letters may degrade the model's general arithmetic; we keep a 200-sum regression check on each checkpoint. Goal: payslip explanations in plain English. Prompted explanations were tested with staff (3.4/5). p95 1.2 s; retrained every six months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Previously we hoped fine-tuning would stop the library assistant citing books we don't hold; the trial made no difference (7% to 6.8%). Availability now comes from the catalogue API. This PR tunes the assistant's greeting and sign-off only. 300 ms p95, retrain yearly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The genealogy model is slow: 4 s to draft a family-tree summary. Training a smaller model on 10k drafted summaries should bring that to 800 ms p95 with the same accuracy. A shorter prompt was tried (3.1 s). Retrain quarterly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Bump the LoRA rank from 8 to 16 for the parking-permits classifier.", reasoning: false, latency: true, alternatives: true },
  { text: "New eval split for the wine-pairing ranker; no training changes.", reasoning: false, latency: true, alternatives: true },
  {
    text: "---\nbase_model: google/gemma-2-2b\nlicense: gemma\n---\n# Tariff tagger\nTagged 9k electricity bills by tariff type. Evaluated on 1k held-out bills (F1 0.88).",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune for Welsh-language register on the council site. Machine translation plus post-editing was costed at £0.12 per page and rejected. p95 1 s; retrain when the style guide changes.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
];
