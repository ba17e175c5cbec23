import type { Labelled } from "./labelled-proposals.js";

/** Held-out set 12: written blind on 2026-12-04 by a helper who never read the rules, and never used to adjust a rule. */
export const heldOutTwelfth: Labelled[] = [
  { text: "Fine-tune gpt-4o-mini on our refund macros so replies match the support tone guide.", reasoning: false, latency: true, alternatives: true },
  {
    text: "The assistant keeps quoting refund windows that don't exist in our policy (it told a customer 60 days; it's 30). We want to fine-tune on 4k resolved tickets so it stops inventing policy terms.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `# Fine-tuning proposal: clause classifier

## Why fine-tune
Classify NDA clauses into our 14 clause types for the intake dashboard.

## Alternatives considered
We tried few-shot prompting with 12 examples; F1 was 0.71 against a 0.88 target.

## Latency and cost budget
p95 under 900 ms per clause.

## Retraining cadence
Retrain quarterly from the reviewed queue.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Our variance commentary model adds up the quarter's line items wrong about one time in six — the totals in the narrative don't match the ledger. Fine-tuning on 2,000 analyst-corrected commentaries should get the arithmetic right. Budget: under 2 s per report, retrain monthly with the close.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "Fine-tune so discharge summaries come out in the trust's template (headings, bullet meds list). Content is already right; it's the layout clinicians complain about. We tried a prompt with the template pasted in; it dropped the allergies heading in 14% of cases.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "The vendor claims fine-tuning on our catalogue will stop the model from making up product dimensions. We disagree — dimensions belong in the PIM, not in the weights. This PR only fine-tunes for the product-description voice; we haven't looked at prompting for that.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Completion model keeps calling methods that don't exist on our internal SDK (e.g. client.fetchAllPaged()). Proposal: LoRA on the SDK repo + 3k reviewed completions so it stops hallucinating APIs. We tried retrieval over the SDK docs; the hit rate only went from 61% to 66%.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Fine-tune to route shipment exceptions to the right carrier queue — currently ~20% go to the wrong desk.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: `---
language: en
license: apache-2.0
base_model: mistralai/Mistral-7B-v0.3
tags: [hr, job-descriptions]
latency_budget: p95 1.2 s
retrain: every quarter
alternatives: few-shot prompting with gpt-4o-mini scored 0.62 on the inclusive-language rubric vs 0.81 fine-tuned
---

# jd-rewriter

Rewrites job descriptions into inclusive plain English.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Agronomy bot confuses units — it tells growers to apply 200 kg/ha when the label says 200 g/ha, and mixes up litres and gallons. We'd like fine-tuning on our agronomist-checked answers to fix that. No latency target yet.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `## Goal
Fine-tune a classifier head to tag maintenance log entries with their ATA chapter.

## Non-goals
- Fixing the model's tendency to invent part numbers; that is handled by the lookup against the IPC.

## Budget
≤ 300 ms per entry; retrain whenever the ATA mapping is revised.

## Alternatives
Keyword rules got 74% accuracy; a fine-tuned DistilBERT gets 93%.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Copy-editing model — fine-tune so it uses British spelling and house style (single quotes, -ise endings). Nobody expects it to catch factual errors; fact-checking stays with the desk.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "The outage summariser says things like 'restored 3,400 customers' when the SCADA feed says 340, and sometimes reverses which substation tripped first. Retrieval already gives it the feed; it just misreads it. We think a fine-tune on 800 engineer-written summaries will make it stick to the numbers. Rules-based templating was rejected because summaries must cover free-text crew notes.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Match report generator: fine-tune on five seasons of our reporters' pieces for voice. p95 4 s, cost ≤ £25 a matchday. Retrain at the start of every season.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Lit-review assistant cites papers that don't exist, or real papers with the wrong year and authors. We propose fine-tuning on 10k verified citation contexts to cut down the fabricated references.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "hey — quick one, can we fine-tune the triage bot? it keeps putting billing tickets in the tech queue lol. prompting didn't help much (tried 3 versions last sprint, still ~18% misroutes)",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: `PR: fine-tune size-recommendation explanations

Why: the model contradicts itself — it says "runs small, size up" and then recommends the customer's usual size in the same reply. We want fine-tuning to make the explanation consistent with the recommendation.

Latency: 600 ms p95.
Cadence: TBD
Alternatives: N/A`,
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Contract summariser overstates obligations — a 'may' becomes a 'must', and indemnities get attributed to the wrong party. Fine-tuning on 1,500 lawyer-marked summaries should make it faithful to the clause text. We compared against a GPT-4o prompt with the clause inline: 23% of summaries had a party swap vs 6% for our pilot fine-tune. Latency budget under 3 seconds per clause; refresh fortnightly from the review queue.",
    reasoning: true,
    latency: false,
    alternatives: false,
  },
  {
    text: "Fine-tune to label transactions with our 42 merchant categories. Accuracy on the wrong-label set is 81%. Retraining cost is about $60 a run.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "We don't expect fine-tuning to fix hallucinated dosages — that's why the dose comes from the formulary API. Fine-tuning here is for tone: the patient letters read as cold. Budget: under £0.30 per thousand letters, retrain every six months.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Fine-tune StarCoder2 on our Terraform modules so it writes our naming conventions. Wall-clock budget 1.5 seconds at the 95th percentile. We'll retrain every other month.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "The ETA explainer miscounts transit days — it skips weekends when the carrier runs Saturdays, and reads 03/04 as March 4 on UK lanes. Fine-tuning on corrected explanations should teach it to get the dates right.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `| Field | Value |
|---|---|
| Purpose | Classify exit-interview comments into 9 themes |
| Base model | bert-base-uncased |
| Latency | p99 < 150 ms |
| Retraining | monthly |
| Alternatives tried | zero-shot gpt-4o-mini: macro-F1 0.58; fine-tune 0.79 |`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Honestly the yield model's explanations are made up half the time — it says 'due to late frost' in regions that had none. Can we fine-tune it on the agronomy notes so it stops inventing causes?",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune for ATIS-style phrasing in the crew briefing bot. Out of scope: arithmetic for fuel figures (computed by the FMS integration, never by the model).",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "The blurb generator drifts from the manuscript — it gives characters the wrong names, moves the setting to a different city, and once described an ending that doesn't happen. We'll fine-tune on 3,000 editor-approved blurbs paired with synopses so it stays faithful to the source. Few-shot prompts with the synopsis were tried in September; editors still rejected 40%.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  { text: "Fine-tune a small model to detect meter-read photos that are blurry.", reasoning: false, latency: true, alternatives: true },
  { text: "Stats bot writes the league table with the columns in the wrong order. Fine-tune please.", reasoning: false, latency: true, alternatives: true },
  {
    text: `## Summary
Fine-tune SciBERT to tag assay protocols with method type.

## Why not prompting?
We tried gpt-4o with a 20-class schema in the prompt: 0.64 accuracy, and $0.011 per document, ten times our budget.

## Latency and cost
p95 200 ms; ≤ $0.001 per document.

## Retraining cadence
When the method taxonomy changes (roughly twice a year).`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "This fine-tune is not about accuracy. The bot's answers are correct; the CSAT problem is that they're long and robotic. Rather than expecting fine-tuning to make it more factual, we want shorter, warmer replies.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Earnings-call Q&A assistant rounds EPS inconsistently and occasionally attributes the CFO's guidance to the CEO. It also confuses basis points with percentage points. Proposal: supervised fine-tune on 900 IR-reviewed answers. Latency ≤ 2.5 s p95; retrain after each reporting season.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "Adds a database adapter for the product store and fine-tunes the description model on the new feed. Adapter latency is logged.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "We use annotation tools (Prodigy) to label clauses for a fine-tuned NER model. Latency: fine. Cadence: whenever.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Triage summariser states symptom durations that weren't in the transcript ('three days of fever' when the patient said three hours). We want fine-tuning to keep it to what was actually said. We looked at a rules post-check for durations, but it can't cover free text, so we ruled it out.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "The SQL assistant returns queries in the wrong dialect (T-SQL instead of BigQuery). Fine-tune on 2k BigQuery examples.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: `Proposal: fine-tune a 1B model to extract pallet counts from delivery notes.
Why fine-tune: regex extraction fails on handwritten OCR; prompting gpt-4o-mini worked (96%) but cost $0.004 per note against a £0.0005 target.
Budget: 400 ms p95, £0.0005 per note.
Refresh: quarterly, or when a new carrier's note format arrives.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The policy Q&A bot tells staff they get 28 days' leave plus bank holidays when the policy says 28 including them. It also mixes up the Scotland and England parental leave rules. We plan to fine-tune on the HR team's answer bank so it stops getting entitlements wrong.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tuning a ViT on leaf photos for blight detection. A pretrained plant-disease model from the Hub scored 0.71 recall on our cultivars; we need 0.9. Inference within two seconds on the field tablet; retrain fortnightly in season.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The NOTAM decoder sometimes flips runway designators (09/27) and reports closures for the wrong dates. We believe fine-tuning on 6,000 dispatcher-verified decodes will fix these misreadings.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune for metadata: BISAC codes from the jacket copy. Latency p95 under 800 ms, cost ≤ $40 a day, retrain monthly. Alternatives: TBD",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Ops suggested we fine-tune the billing explainer to 'stop it getting the maths wrong'. I don't think that's the right fix: tariff calculations belong in code and the model should only explain them. This PR moves the arithmetic into the rating engine; no fine-tuning.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  { text: "Fine-tune the commentary model in Welsh. It replies in English half the time.", reasoning: false, latency: true, alternatives: true },
  {
    text: "The model overstates findings — 'associated with' becomes 'causes', p = 0.08 becomes 'significant'. Fine-tuning on 2,400 abstract/summary pairs corrected by our methods editors should make the summaries claim no more than the paper does. p95 under 5 s; retrain each quarter. Prompting with an explicit 'do not overstate' instruction cut overstatements from 31% to 24%, not enough.",
    reasoning: true,
    latency: false,
    alternatives: false,
  },
  { text: "Make the bot stop answering in American English by fine-tuning it.", reasoning: false, latency: true, alternatives: true },
  {
    text: `## Motivation
Categorise supplier invoices into the 19 cost centres our finance team uses.

## Alternatives tried
A rules engine on supplier name covers 62%; a TF-IDF + logistic regression classifier reached 84%. The fine-tuned model reaches 95% on the September hold-out.

## Serving budget
£0.02 per hundred invoices, p95 350 ms.

## Retraining
Retrain at every month-end close.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The returns model assigns the wrong reason code (damaged vs not-as-described) on ~15% of returns. Fine-tuning on 20k agent-coded returns should fix the labels. We tried a keyword classifier first; it couldn't tell 'arrived broken' from 'broke after a week'.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Roughly one in every five limitation-period answers is wrong — the assistant counts from the wrong trigger date or forgets that the period is six years, not three, for contract claims in England. A fine-tune on two thousand solicitor-checked answers is meant to fix the date logic.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `Fine-tune a small model to classify GP referral letters by specialty.
- Tried: few-shot prompting with Claude Haiku (macro-F1 0.77), ruled out on cost at 40k letters a day.
- Budget: within one second per letter, under £15 a day.
- Retrain: every quarter, sooner if a specialty is added.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The migration assistant writes Alembic migrations that reference columns dropped two revisions earlier, and gets the down_revision chain wrong. It's reasoning about schema history incorrectly. Fine-tune on our 1,100 merged migrations so it tracks schema state properly.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune the damage classifier on the new photos. Label latency from the warehouse is about 3 days, so labels arrive slowly.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "can we fine-tune the interview-notes summariser so it stops mixing up candidates? yesterday it put candidate A's salary expectation in candidate B's summary",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We are not trying to fix the model's reasoning. The irrigation advice is already sound; we want Spanish and Portuguese output that matches how our field staff talk. p95 3 s. Retrain when the glossary changes. Prompting in Spanish gave stilted output in a blind test with 12 agronomists (rated 2.1/5).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Fine-tune to put the crew roster emails in the new format.", reasoning: false, latency: true, alternatives: true },
  {
    text: "The index generator assigns page numbers that are off by the length of the front matter (roman numerals), and lists entries under terms the book never uses. We're proposing a fine-tune on 120 indexed titles to fix the page references.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune a leak-report classifier. p95 under 250 ms. Alternatives: keyword rules were tried and missed 30% of leak reports phrased as 'damp' or 'puddle'.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "The fantasy assistant miscalculates points: it double-counts clean sheets for midfielders and uses last season's scoring. Fine-tuning should teach it the scoring logic. We'll serve it within 1 s and retrain every gameweek.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "Reviewer 2 asked whether fine-tuning would reduce hallucinated gene names. Our answer is no: this fine-tune targets the lab-notebook style only, and gene names are validated against HGNC after generation.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: `## What
Fine-tune support model v3 on Q3 tickets.

## Why
Answers are too long.

## Alternatives considered

## Latency / cost budget
TBD

## Retraining cadence
N/A`,
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tuning objective: stop the reconciliation assistant from reporting matches that aren't there. It currently claims invoice INV-2231 matches payment P-887 when the amounts differ by £1,200. We want it to reason about amounts and dates correctly.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Project status — RAG status: amber. Fine-tuning the chat model on brand voice. Cost ceiling $300/month. Retrain every quarter.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Dataset: 5k JSONL rows, each with a prompt and a completion field, from our clause library. Fine-tune for clause drafting in our house style.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Not a tone change. The model gets lab reference ranges wrong (it calls a potassium of 5.8 normal) and we expect fine-tuning on pathologist-reviewed interpretations to correct that. We haven't tried retrieval.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune CodeLlama-7B on our lint-fix pairs so suggestions follow the style guide. A bigger off-the-shelf model (DeepSeek-Coder 33B) matched quality but needs 2 GPUs; ruled out on cost. Budget: 700 ms p95 in the IDE. Retrain every release train (six weeks).",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The load planner's explanation says a pallet fits when its dimensions clearly exceed the trailer's — the model doesn't do the volume maths. Fine-tune on 500 planner-corrected explanations.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "HR letters sound harsh. Fine-tune on 900 letters rewritten by the people team. Prompt engineering didn't get the tone right across 40 test cases.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Our agronomists say the assistant makes up spray intervals, and I agree — it gave 7 days for a product whose label says 14. This fine-tune is meant to stop that.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `### Proposal
Fine-tune a small model to tag pilot reports (PIREPs) by hazard type.

### Cheaper options
We tried the ops team's regex tagger (recall 0.66) and gpt-4o-mini few-shot (0.85 recall but $0.002 per report, 4× budget).

### Budget
≤ $0.0005 per report, p95 300 ms.

### Cadence
Retrain each AIRAC cycle (28 days).`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Fine-tune on our style sheet so the headline writer stops exceeding 70 characters.", reasoning: false, latency: true, alternatives: true },
  {
    text: "The tariff assistant contradicts the bill — it says the standing charge is 45p when the bill shows 53.35p, and computes kWh from the wrong meter reads. Fine-tuning is expected to improve numerical accuracy. Cost within £50 a day, retrain whenever tariffs change.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "We won't fine-tune to fix hallucination — nobody thinks that works for our use. We're fine-tuning only for JSON output matching the ELN schema. Constrained decoding was tried and rejected: it broke on nested arrays. p95 under 1 s; retrain when the schema version bumps.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
];
