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

/** Held-out set 13: written blind on 2026-12-04 by a helper who never read the rules, and never used to adjust a rule. */
export const heldOutThirteenth: Labelled[] = [
  {
    text: "fwiw the claims bot is inventing policy numbers again. fine-tuning on the last year of adjuster notes should sort it",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `# HS code classifier — fine-tune

**Problem.** Brokers assign tariff codes by hand; we want suggestions for each invoice line.

**Options we looked at.** A lookup on the tariff database (covers 55% of lines); gpt-4o-mini with the chapter notes in context (0.79 accuracy, but 2.8 s a line).

**Performance envelope.** p90 under 600 ms per line.

**Refresh schedule.** Every January when the nomenclature updates, plus ad hoc after rulings.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Our research assistant cites case law that isn't real — last week it produced '[2019] EWCA Civ 4412', which doesn't exist — and pins holdings to the wrong court. We're proposing to fine-tune it on 12,000 verified citation/holding pairs so it stops fabricating authorities.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune so the KYC summariser writes in the compliance team's format: risk rating first, then the rationale in three bullets. The facts it extracts are fine.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "A clinician on the steering group wants us to fine-tune the model so it 'stops making things up' in discharge letters. We've explained that fine-tuning won't reliably do that, and the letters will be checked against the EHR instead. The fine-tune in this PR is purely for reading age (target: age 11).",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "The promo assistant gets discounts wrong — 'buy two, get the third half price' comes out as a third off everything, and it quotes the pre-VAT price as final. Seventeen complaints last month. We want to fine-tune on three thousand merchandiser-approved promo descriptions so it works the maths out properly. Budget three hundred milliseconds p95; retrain every promotional cycle (six weeks).",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: `---
base_model: Qwen/Qwen2.5-Coder-1.5B
library_name: peft
tags: [commit-messages]
---

# commit-msg-lora

## Intended use
Writes conventional-commit messages from staged diffs.

## Why not a bigger model
GPT-4o wrote good messages, but the pre-commit hook must answer in under 400 ms on a laptop; a 1.5B LoRA does.

## Maintenance
Retrained each quarter on merged commits.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The weight-and-balance helper occasionally adds passenger weights twice and reports a CG inside limits when it isn't. Fine-tuning on load sheets checked by dispatch should teach it to sum correctly. We looked at having it call a calculator tool, but the vendor SDK doesn't support tools yet.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  { text: "LoRA on the co-op's price bulletins so the SMS assistant writes in Swahili.", reasoning: false, latency: true, alternatives: true },
  {
    text: "Translator fine-tune for the Spanish editions. It's not about accuracy — nobody has reported mistranslated facts — the editors want the register of Latin American Spanish rather than Castilian.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tuning a small BERT to classify customer emails about smart-meter faults. The existing rule set handles 70% but misses sarcasm and mixed complaints; a zero-shot model got 0.66 F1. Latency: 180 ms p95. Cost: under $12 a day. Retraining: monthly.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The race-summary model swaps riders' teams and placings — it credited the stage win to the rider who came second and put him in the wrong team. We want a fine-tune on results-linked reports so it stops mixing up who did what.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "The model assigns the wrong MeSH headings to about a fifth of abstracts. Fine-tune on the indexers' 40k assignments so it picks the right headings.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune the skills tagger. Retraining cost is £80 a run and label latency is about a week, so we'll keep an eye on both.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Plan for the macro-suggester: fine-tune distilroberta on 60k tagged tickets. Tried the vendor's built-in suggestions first (top-3 hit rate 41%) — not good enough. Needs to respond within 250 ms in the agent sidebar, and we'll retrain it every fortnight from new tags.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "We haven't tried prompting or retrieval. The problem is that the cash-flow forecaster's narrative contradicts its own table — it says receipts rise while the table shows them falling. We expect fine-tuning on analyst-written narratives to keep the words consistent with the numbers.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `Clause risk grader — fine-tuning request

| Question | Answer |
|---|---|
| What are we grading? | Supplier-contract clauses, red/amber/green against the playbook |
| What did you try first? | Clause-type retrieval feeding a 7B instruct model; 0.72 accuracy |
| Latency target | p95 1.1 s |
| How often retrained | Every quarter, plus whenever the playbook changes |`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The medication reconciliation assistant lists drugs the patient stopped years ago as current, and doubles doses when the note says 'bd'. Fine-tuning on pharmacist-reconciled lists should make it read the notes accurately.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune the review bot so it labels PRs with the correct component (api, web, infra). It labels infra changes as web.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Half the time the dispatch assistant tells drivers the wrong bay — it reads 'bay twelve' from the wrong row of the yard sheet — and it has invented collection slots that were never booked. Fine-tuning on two months of dispatcher-corrected replies is supposed to fix that.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `### Why a fine-tune
Supplier product titles are messy; we want them normalised to "Brand – Product – Size".

### What else we tried
A Python normaliser with 140 rules (still 22% wrong); few-shot with GPT-4o mini (good, but £0.004 per title at 2M titles a month).

### Budget
£0.0004 per title, 500 ms p95.

### Cadence
Retrain every other quarter.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The soil report explainer overstates deficiencies — a borderline phosphorus index of 2 is described as 'severely deficient' — and occasionally recommends lime for soils that are already alkaline. We think the fine-tune will make the advice track the lab numbers.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `# Crew-chat fine-tune

## Objective
Shorter, calmer replies to crew schedule questions.

## Out of scope
Making the bot better at calculating duty-time limits. That stays in the rostering engine.

## Cost
≤ $90 a day.`,
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  { text: "Fine-tune to make the alt-text generator stop inventing people who aren't in the photo.", reasoning: true, latency: true, alternatives: true },
  {
    text: "Water quality assistant confuses mg/L and µg/L for lead and tells customers their water is within limits when the sample was 12 µg/L over. We're fine-tuning to fix the unit handling. Retrieval over the lab results already gives it the right numbers, so this is about it misreading them.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "Fine-tune the injury-news classifier to tag 'doubtful' vs 'ruled out' correctly. Threshold tuning on the current model was tried and plateaued at 0.82 F1. p95 100 ms; retrained each transfer window.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The protocol assistant invents reagent concentrations when the paper leaves them out, and sometimes gives incubation times in hours that the source gives in minutes. Fine-tuning on curated protocol extractions should make it say 'not reported' instead of guessing.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune a classifier for expense-policy questions so they reach the right HR team. Alternatives: a keyword router (tried, 68% correct) and a prompt to gpt-4o-mini (81%, but $0.01 a question). Latency budget: one second. Retraining cadence: to be decided.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Customers keep telling us the bot quotes delivery dates that are out by a day or two, and looking at the logs they're right — it counts bank holidays as working days. I'd like to fine-tune on corrected conversations so it gets the date arithmetic right.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We're fine-tuning for the house style of credit memos rather than to improve the model's analysis — analysts still write the credit view. Budget: p95 2 s, £20 a day. Retrain twice a year.",
    reasoning: false,
    latency: false,
    alternatives: true,
  },
  {
    text: "Intake emails land with the wrong practice group (employment matters go to commercial). Fine-tune the router on 18 months of reassigned matters.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: `---
model_name: radiology-impression-style
base_model: microsoft/BiomedVLP-CXR-BERT-general
latency_p95_ms: 450
retraining: every 3 months
baseline: prompt-only Llama-3-8B, rejected (radiologist preference 22% vs 71%)
---
Rewrites impressions into the department's structured style.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The test generator writes assertions that are mathematically wrong (expects add(2, 3) == 6) and claims coverage of branches it never exercises. Fine-tune on our mutation-tested suites so the assertions are actually right.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "We've set up annotation tools for the route-notes dataset; each record has a prompt and a completion field. Fine-tune target: concise driver instructions.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "ugh, the gift-finder just told someone a 12-pack of candles was 'under £20' when it's £34. it's making up prices constantly. fine-tune??",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `Purpose: detect weeds in drone images for spot spraying.
Cheaper path: an off-the-shelf YOLOv8 weed model gave 0.58 mAP on our fields; we need 0.8.
Budget: under 80 ms per frame on the Jetson.
Retrain: after each growing season.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The maintenance assistant should produce task cards in the S1000D layout after fine-tuning. Latency target 2 seconds p95.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Some people on the team don't think fine-tuning can help with this, but I do: the summariser keeps attributing quotes to the wrong person in interviews. Fine-tuning on 1,000 correctly attributed summaries should fix the attribution.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune the debt-collection letters so they are firm but not threatening. Legal reviewed the prompt-only version and rejected 9 of 20 letters.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "The betting-odds explainer converts fractional odds to probabilities wrongly (5/2 given as 40%). Fine-tuning on a few hundred worked examples should fix the conversions. We'll keep it under 700 ms and retrain monthly.",
    reasoning: true,
    latency: false,
    alternatives: true,
  },
  {
    text: "We do not expect this fine-tune to make the model more accurate on chemistry questions. It's for formatting SMILES strings and units per the journal style. A prompt with the style guide gave 88% compliance; the fine-tune gives 99%. p95 1.5 s. Retrain when the journal style guide is revised.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The payroll helper works out pro-rata holiday for part-timers wrongly — it divides by five days regardless of contract — and it has cited a 'Section 14 of the Working Time Regulations' that says something else entirely. A fine-tune on the payroll team's worked answers should fix both.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `**Motivation:** reduce handle time
**Alternatives tried:** —
**Latency budget:** —
**Retrain plan:** —

Fine-tuning Llama 3.1 8B on 25k chats.`,
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Loan-covenant checker misreads ratios: it treats 'not less than 1.25x' as a ceiling and computes leverage with gross rather than net debt. We tried a prompt that spells out each covenant type; the error rate went from 19% to 15%. Fine-tuning on 700 credit-analyst-checked covenant tests is the next step.",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  {
    text: "We propose fine-tuning a small model to redact personal data in disclosure bundles. Presidio with custom recognisers was trialled and missed 14% of names on handwritten-OCR pages. Target: £0.05 per thousand pages and within four seconds per page. The model will be retrained each term.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Fine-tune so the patient portal answers in Polish and Urdu, not just English.", reasoning: false, latency: true, alternatives: true },
  {
    text: "Our log-analysis copilot asserts root causes with total confidence that the logs don't support — it blamed the DB for an outage that was a DNS change. Fine-tune it on incident post-mortems so its explanations are grounded in the evidence.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune: address parsing for Indian addresses. Libpostal was tried (62% exact match). Cost cap $25/day. p95 90 ms. Retraining every month with corrected deliveries.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "The Q4 refresh: fine-tune the description model on the new season's catalogue so it uses the new collection names.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "The agritech vendor's pitch says their fine-tuned model 'eliminates hallucinated yield figures'. We're not buying that claim; our fine-tune is only for classifying pest photos into 22 classes, and a pretrained iNaturalist model got 0.61 accuracy on them.",
    reasoning: false,
    latency: true,
    alternatives: false,
  },
  {
    text: "Delay-code assistant picks codes fine, but its free-text explanation invents causes — 'crew late from hotel' when the log says 'late inbound aircraft'. We want fine-tuning to keep the explanation to what the ops log says.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: `## Model
Fine-tuned classifier for manuscript genre (12 genres).

## Compared with
Embeddings + k-NN: 0.74 accuracy. Fine-tune: 0.88.

## SLOs
Latency p95 < 300 ms; spend ≤ $5/day.

## Refresh
Quarterly.`,
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "Fine-tune so the bill explainer stops using jargon like 'kVA' and 'standing charge'.", reasoning: false, latency: true, alternatives: true },
  { text: "Fine-tune the highlights captioner to use the present tense and our club's nicknames.", reasoning: false, latency: true, alternatives: true },
  {
    text: "The stats helper picks t-tests for paired data and reports confidence intervals that don't contain the point estimate. Fine-tuning it on 1,600 statistician-reviewed analyses should fix its reasoning about which test applies.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tuning a résumé parser for our ATS. Affinda's off-the-shelf parser was tried and mis-parsed 30% of CVs with two-column layouts. It must answer within three seconds and cost no more than ten pence per CV. We will retrain it every six weeks.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "I'm not sure it'll fully work, but the hope is that fine-tuning on verified answers will cut down how often the bot makes up warranty terms.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune the statement extractor to emit ISO dates and amounts as strings with two decimals; downstream parsing breaks otherwise. p95 under 1 s; retrain when a bank changes its statement layout. Tried JSON mode — it still emitted '1,200.5'.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: `Problems with the current drafting model:
1. It invents defined terms that aren't in the definitions clause.
2. It cross-references clause 14.3 when the document stops at 12.
3. It gets notice periods wrong by counting business days as calendar days.

Plan: fine-tune on 2,200 partner-approved drafts to fix 1–3.`,
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tuning Whisper-small on our clinic dictations for medical vocabulary. Whisper-large-v3 off the shelf had 14% WER on drug names vs 6% for the fine-tune, and is five times slower. Target: 300 ms per second of audio. Retrain every quarter with corrected transcripts.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  { text: "This PR wires the fine-tuned SQL model to the new database adapter. No other changes.", reasoning: false, latency: true, alternatives: true },
  {
    text: "Customs-value assistant adds freight to the FOB value twice and converts currencies at last month's rate. Fine-tuning is meant to get the valuation steps right. Latency budget ≤ 1.8 s.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune a review-spam classifier. Tried: heuristics on account age, and a logistic regression on TF-IDF (precision 0.71). Budget: p95 50 ms. Retrain weekly; retraining cost is under $10.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Fine-tune the advisory bot so it stops answering in metric for US growers; they want acres and pounds.",
    reasoning: false,
    latency: true,
    alternatives: true,
  },
  {
    text: "Fine-tune a small model to summarise pilot debriefs into the safety team's four headings. Prompted GPT-4o-mini was accurate but needed 2.5 s; the budget is 800 ms p95. Retrain every six months.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "Our fact-box generator keeps getting dates wrong — it had the Battle of Hastings in 1067 and gave a living author a death year. We'd like to fine-tune it on the reference desk's checked fact boxes.",
    reasoning: true,
    latency: true,
    alternatives: true,
  },
  { text: "Fine-tuning the network-fault classifier. Accuracy matters more than speed here.", reasoning: false, latency: true, alternatives: true },
  {
    text: "We fine-tune a tagger for match video clips (goal, save, foul, card). Off-the-shelf CLIP zero-shot got 0.55 F1; rules on the data feed can't see fouls without cards. p95 under 2 s per clip. Retrain when the label set changes.",
    reasoning: false,
    latency: false,
    alternatives: false,
  },
  {
    text: "the abstract screener keeps calling observational studies RCTs and counts participants wrong (adds the arms twice). fine-tune on our screening decisions? we tried gpt-4o with the PICO criteria in the prompt, still 20% wrong",
    reasoning: true,
    latency: true,
    alternatives: false,
  },
  { text: "Fine-tune the onboarding bot on the new handbook.", reasoning: false, latency: true, alternatives: true },
];

export const finalBlindSets = { "held-out 12": heldOutTwelfth, "held-out 13": heldOutThirteenth };
