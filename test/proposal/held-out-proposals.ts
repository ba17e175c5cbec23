import type { Labelled } from "./labelled-proposals.js";

/** Texts written after the rules were built and never used to adjust them: figures on these are the honest ones. */
export const heldOut: Labelled[] = [
  { text: "Our support bot invents shipping dates. Training it on 3k real conversations should cure the hallucination problem.", reasoning: true, latency: true, alternatives: true },
  { text: "## Motivation\nThe model can't do multi-step maths on quotes; we want fine-tuning to improve its reasoning.\n## Alternatives considered\nChain-of-thought prompting was tested and reached 64%.", reasoning: true, latency: true, alternatives: false },
  { text: "Tuning on our glossary will make answers more factual and stop it guessing product codes. Target latency: 700 ms p95. Refresh the adapter each quarter.", reasoning: true, latency: false, alternatives: true },
  { text: "We are fine-tuning purely for house style. Reasoning is not expected to change. Few-shot prompting was measured at 77% style adherence. p90 under 900 ms, £25/day. Retrain every two months.", reasoning: false, latency: false, alternatives: false },
  { text: "The consultant's deck says fine-tuning will fix the logic errors; we think that is wrong and propose retrieval instead. Retrieval prototype reached 0.81.", reasoning: false, latency: true, alternatives: false },
  { text: "### Out of scope\n- Making the model reason better about contracts\n### Budget\nUnder 1 second at the 99th percentile.\n### Cadence\nWe retrain monthly.\n### Options we tried\nA rules engine handled 40% of cases.", reasoning: false, latency: false, alternatives: false },
  { text: "Fine-tune Llama on the intents dataset.", reasoning: false, latency: true, alternatives: true },
  { text: "This adds data/intents.jsonl. Each row has a prompt and a completion field. Latency is important.", reasoning: false, latency: true, alternatives: true },
  { text: "We evaluated GPT-4o with a system prompt: 83% accuracy but 2.4 s median latency, above our 800 ms budget. A LoRA on an 8B model should hit the budget; we'll retrain it fortnightly.", reasoning: false, latency: false, alternatives: false },
  { text: "Adapter training run for triage. We haven't tried prompting yet. Cost: around $0.50 per 1k tickets. Retrain weekly.", reasoning: false, latency: false, alternatives: true },
  { text: "Fine-tuning should help it get arithmetic right on refunds, and reduce hallucinated policy numbers.", reasoning: true, latency: true, alternatives: true },
  { text: "RAG status: green. Database adapter upgraded. Retraining cost is high.", reasoning: false, latency: true, alternatives: true },
  { text: "| Question | Answer |\n|---|---|\n| Why fine-tune? | Tone and vocabulary |\n| Alternatives tried | Prompting, 71% |\n| Latency budget | 400 ms p95 |\n| Retraining cadence | Quarterly |", reasoning: false, latency: false, alternatives: false },
  { text: "Goal: the classifier should stop confusing refunds with returns. We compared zero-shot prompting (62%) and a fine-tuned adapter (88%). We will re-train every month; each response must come back within half a second.", reasoning: false, latency: false, alternatives: false },
  { text: "We expect the fine-tuned model to be smarter and reason through edge cases correctly.", reasoning: true, latency: true, alternatives: true },
  { text: "Nobody expects the adapter to fix hallucinations. Prompting plus retrieval was benchmarked first and fell short on tone. Serving within 350 ms at p95; adapter refreshed every sprint.", reasoning: false, latency: false, alternatives: false },
  { text: "## Alternatives considered\nN/A\n## Latency budget\nTBD\n## Retraining cadence\nTBD", reasoning: false, latency: true, alternatives: true },
  { text: "We'll use the annotation tools to fix label noise. Fine-tuning then teaches the format. Inference costs $2 per 10k calls; retrain nightly from the queue.", reasoning: false, latency: false, alternatives: true },
  { text: "Hallucinations fell from 9% to 3% when we added retrieval, so this PR does not fine-tune for factuality; the LoRA only targets formatting. Latency stays under 1.2 s p95 and we retrain quarterly.", reasoning: false, latency: false, alternatives: false },
  { text: "The fine-tune is meant to fix the model's poor logical reasoning on eligibility questions, which prompting could not solve (we tried three prompt variants).", reasoning: true, latency: true, alternatives: false },
];
