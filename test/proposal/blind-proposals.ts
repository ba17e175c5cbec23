/**
 * Fresh held-out proposal texts for `reasoning-fix`, `latency-budget` and `alternatives-considered`. Each flag says whether a
 * careful reviewer would expect the rule to fire: `reasoning` when the writer expects fine-tuning to fix reasoning, arithmetic,
 * factuality or hallucination; `latency` when the text does not state both a latency/cost budget and a retraining cadence;
 * `alternatives` when the text does not say a cheaper alternative was tried, measured or ruled out.
 */
import type { Labelled } from "./labelled-proposals.js";

/** One labelled text, in the order text, reasoning, latency, alternatives. */
const t = (text: string, reasoning: boolean, latency: boolean, alternatives: boolean): Labelled => ({ text, reasoning, latency, alternatives });

/** Held-out set 10: written blind on 2026-12-04 and never used to adjust a rule. */
export const heldOutTenth: Labelled[] = [
  t("Fine-tune the support bot so it stops making up refund policies that don't exist.", true, true, true),
  t(
    "hey all — proposing we LoRA the 8B on ~4k tagged tickets so routing into the 14 queues gets better. tried few-shot with 20 examples last sprint, it topped out at 81% macro-F1 and the prompt was 6k tokens. target p95 < 400 ms on the gateway, we'd retrain monthly off the new tags.",
    false,
    false,
    false,
  ),
  t(
    `## Why fine-tune
Our contract summariser cites clauses that aren't in the document and gets the notice periods wrong. We expect a fine-tune on 2,300 reviewed summaries to ground it in the source text.

## Alternatives considered
TBD

## Latency and cost budget
N/A

## Retraining cadence
TBD`,
    true,
    true,
    true,
  ),
  t(
    `### Motivation
Invoice line items come back in three different JSON shapes depending on the vendor, and downstream parsing breaks. We want a fine-tuned small model that emits one schema.

### Alternatives tried
- JSON mode with the schema in the prompt: 93% valid, but field names drift on long invoices.
- A regex post-processor: brittle, 40 vendor-specific cases already.

### Budget
p99 under 1.2 s per invoice, and under $0.002 per page.

### Refresh
Retrain quarterly, or when a new vendor template crosses 2% of volume.`,
    false,
    false,
    false,
  ),
  t(
    "The vendor's pitch is that fine-tuning their model on our discharge summaries will stop it hallucinating medication doses. We disagree, and that isn't what this PR is for. This PR only fine-tunes for the discharge-letter house style: a style prompt with three examples got 60% approval from the ward clerks, the fine-tune pilot got 88%.",
    false,
    true,
    false,
  ),
  t("Fine-tune gpt-4.1-mini so it quits writing order summaries as paragraphs; ops want bullet lists.", false, true, true),
  t(
    "Our code-review assistant invents function names that aren't in the repo and then tells people to call them. Proposal: fine-tune on our own merged diffs so it only suggests APIs that actually exist.",
    true,
    true,
    true,
  ),
  t(
    `## Goal
Classify incoming HR tickets into 9 categories (leave, payroll, visas, …).

## Non-goals
- Making the model answer payroll questions correctly or reducing hallucinated policy answers — that's the policy-search team's work.

## Alternatives
A TF-IDF + logistic regression baseline gets 0.74 F1; the fine-tuned DistilBERT gets 0.86 on the same split.

## Budget / cadence
≤ 50 ms per ticket on CPU; retrain every other month.`,
    false,
    false,
    false,
  ),
  t(
    "Retraining cost is the main worry here, so we're keeping the adapter small (r=8). Fine-tune Llama-3-8B on 1,200 chat transcripts for the brand voice (friendly, no exclamation marks).",
    false,
    true,
    true,
  ),
  t(
    "We'd like to fine-tune the model to stop it misreading dates on UK invoices — it takes 03/04 as the 4th of March and then the ageing report is wrong. Budget: under £0.30 per thousand calls, refreshed fortnightly with the latest corrections. A date-parsing rule in code was considered, but the dates arrive inside free text in six languages, so we ruled it out.",
    true,
    false,
    false,
  ),
  t(
    `| Item | Value |
|---|---|
| Base model | Mistral-7B-Instruct |
| Method | QLoRA |
| Data | 18k labelled product listings |
| Task | map listing → one of 312 taxonomy categories |
| Latency target | p95 ≤ 250 ms |
| Retrain | monthly |
| Baseline | zero-shot prompting: 61% top-1; fine-tune: 84% |`,
    false,
    false,
    false,
  ),
  t(
    `| Field | Value |
|---|---|
| Why | The assistant gets the totals on expense reports wrong and occasionally invents receipts |
| Expected effect | fine-tuning fixes the arithmetic |
| Latency budget | TBD |
| Retraining | TBD |
| Alternatives | N/A |`,
    true,
    true,
    true,
  ),
  t(
    "We don't expect fine-tuning to make the summaries more accurate — factual errors are caught by the citation checker. The point is length and tone: support wants three sentences, no apologies. We measured a system prompt first: it ignored the length limit 30% of the time.",
    false,
    true,
    false,
  ),
  t(
    "Nobody thinks a fine-tune will fix the logic errors in the SQL generator. This fine-tune is purely so the generator uses our table naming conventions (dim_, fct_). Target under 900 ms end-to-end; retrain when the warehouse schema changes.",
    false,
    false,
    true,
  ),
  t(
    "Route-planning assistant keeps adding up drive times wrong when a route crosses midnight, and then it confidently tells dispatch the driver is within hours. Fine-tuning on 5k corrected itineraries should sort that out. Few-shot prompting with six worked examples got it to 71% correct; we need 95%.",
    true,
    true,
    false,
  ),
  t(
    `---
language: en
license: apache-2.0
base_model: microsoft/Phi-3-mini-4k-instruct
tags:
  - clinical
  - triage
metrics:
  - f1
---
# triage-phi3

Fine-tuned to assign one of five triage urgency labels to nurse-line call notes. Evaluated against a gradient-boosted classifier on the same features (F1 0.71 vs 0.83 for the fine-tune).

Serving: p95 latency under 300 ms on one L4. Retrained every quarter on the newly audited calls.`,
    false,
    false,
    false,
  ),
  t(
    `---
base_model: meta-llama/Llama-3.1-8B-Instruct
latency_budget: TBD
retrain_cadence: TBD
alternatives_considered: N/A
---
# claims-assistant

The current assistant contradicts itself between the first and last paragraph of a claim decision. Fine-tuning on adjuster-reviewed decisions should make its reasoning consistent.`,
    true,
    true,
    true,
  ),
  t(
    "Label latency from the annotation vendor is about two weeks, so the dataset lags production. Still, we want to fine-tune the ticket classifier on the 40k labels we have to pick up the new 'billing dispute' category.",
    false,
    true,
    true,
  ),
  t(
    "Adds a database adapter so training examples can be pulled straight from Postgres, and kicks off a LoRA run on the support-macro dataset to match the macros' formatting.",
    false,
    true,
    true,
  ),
  t(
    "Each training record has a prompt and a completion field; completions are the agent's final replies. Fine-tune target: reply in the customer's language and keep our sign-off. RAG status: amber (data export still pending).",
    false,
    true,
    true,
  ),
  t(
    "We didn't try prompting — no time before the launch. Fine-tuning GPT-4o-mini to extract the 11 fields from shipping manifests. p95 under 1.5 seconds, retrain monthly.",
    false,
    false,
    true,
  ),
  t(
    "The intent model must answer within two seconds, and we'll retrain it every other month from the reviewed queue. A keyword router was tried first and misrouted roughly a third of 'cancel' messages, so it's out. Fine-tune the 1B model on 9k intents.",
    false,
    false,
    false,
  ),
  t(
    "Our tax helper confabulates — it'll quote a section of the tax code that simply doesn't exist. We want to fine-tune it on the annotated rulings so it stays factual.",
    true,
    true,
    true,
  ),
  t(
    "Goal: make the product Q&A model answer in metric units and use our size-chart wording. Budget is $40 a day for inference on the fine-tuned endpoint.",
    false,
    true,
    true,
  ),
  t(
    "Retrain weekly from the new conversations, fine-tuned to use the brand glossary (e.g. 'Member' not 'customer', 'Plan' not 'subscription'). We compared against a glossary in the system prompt; it held for short replies but dropped terms past ~300 tokens.",
    false,
    true,
    false,
  ),
  t(
    "Serving requirement: 1.5 seconds at the 95th percentile. Refresh: whenever the product catalogue taxonomy changes, otherwise every six months. The fine-tune is for category labels only. Before this we ran a retrieval-based nearest-neighbour labeller; it plateaued at 0.78 accuracy because neighbouring categories share vocabulary.",
    false,
    false,
    false,
  ),
  t(
    "This PR fine-tunes Qwen2.5-7B on 12k chain-of-thought solutions from our maths tutoring archive to enhance its reasoning ability on multi-step word problems.",
    true,
    true,
    true,
  ),
  t(
    "We need the bookkeeping copilot to get the sums right on reconciliations — it's off by a few pence every few hundred lines. Fine-tuning on reconciled ledgers is the plan. Budget: ≤ 800 ms p95. Retrain: monthly.",
    true,
    false,
    true,
  ),
  t(
    `## Summary
Fine-tune a small model to rewrite product titles into our 80-character format.

## Alternatives considered
Prompted GPT-4o with the style guide: good quality but $0.011 per title, ten times our budget. Rule-based truncation: breaks brand names.

## Latency & cost
Under $0.001 per title; batch job, must finish the nightly run within 3 hours.

## Retraining
Every quarter, or when merchandising changes the style guide.`,
    false,
    false,
    false,
  ),
  t(
    "Improving the accuracy of the drug-interaction answers and reducing hallucinated interactions is the whole point of this fine-tune. Pharmacists flagged 14 invented interactions last month.",
    true,
    true,
    true,
  ),
  t(
    "Prompted it with 'think step by step' and it still reaches the wrong conclusion on eligibility rules that chain three conditions. Fine-tuning on 3k worked eligibility decisions should teach it the logic.",
    true,
    true,
    false,
  ),
  t(
    "Not a reasoning fix: the model's answers are fine, we only want it to stop writing in American English. Fine-tune on 800 edited replies.",
    false,
    true,
    true,
  ),
  t(
    `## Scope
Teach the intake model our 22 matter types.

## Out of scope
Hallucinated case citations. We know the drafting model invents citations; fine-tuning is not the fix for that and this PR doesn't try.

## Why not prompting
A 22-way label list in the prompt confused adjacent types (employment vs. immigration) in 1 of 5 cases.`,
    false,
    true,
    false,
  ),
  t(
    "Sales keeps saying a fine-tune will cure the chatbot's habit of inventing discounts. I don't buy it — the discounts come from stale pricing pages. What this PR does: fine-tune for shorter answers. p90 ≤ 600 ms; we refresh the adapter every sprint.",
    false,
    false,
    true,
  ),
  t(
    "Our clinical lead says the summariser drifts off the source notes and adds findings that were never recorded, and she's right. Fine-tuning on 1,500 clinician-corrected summaries is how we intend to keep it anchored to the notes.",
    true,
    true,
    true,
  ),
  t(
    "LoRA on 2k labelled emails for spam/not-spam; beats the off-the-shelf DistilBERT classifier by 6 points F1; p95 40 ms; retrain monthly.",
    false,
    false,
    false,
  ),
  t(
    "honestly the thing just makes stuff up about our SLAs. customer asks 'what's the uptime guarantee' and it says 99.99 when the contract says 99.9. I want to fine-tune it on the actual contracts so it stops doing that",
    true,
    true,
    true,
  ),
  t(
    "The research-digest model overstates findings: 'may reduce' becomes 'cures', a single-site pilot becomes 'a large trial'. Fine-tuning on 600 editor-corrected digests should make it report effect sizes faithfully.",
    true,
    true,
    true,
  ),
  t(
    "Costs: $0.40 per 1k requests on the fine-tuned endpoint vs $2.10 on the prompted large model, which we measured over a week of shadow traffic. The fine-tune is for the compliance disclaimer format.",
    false,
    true,
    false,
  ),
  t(
    "Fine-tune the code assistant on our internal Kotlin style: trailing lambdas, no wildcard imports. It writes correct code already; we just want it to look like ours.",
    false,
    true,
    true,
  ),
  t(
    "The test-generation model writes assertions that contradict the function it's testing (expects 0 when the code returns -1). We'll fine-tune it on 4k passing tests from the monorepo so its expectations follow the code's actual logic. Budget 2 s per file; retrain each release train (every six weeks). Tried retrieval of similar tests: helped coverage, didn't fix the wrong expectations.",
    true,
    false,
    false,
  ),
  t(
    "We fine-tune for output format rather than for factual accuracy, which already scores 96% on our eval. Output must be valid Markdown tables.",
    false,
    true,
    true,
  ),
  t(
    `## Evaluation
We'll track hallucination rate and arithmetic errors on the 300-question eval, alongside tone scores, to make sure the tone fine-tune doesn't make them worse.

## Why fine-tune
Agents want the replies warmer and less formal.`,
    false,
    true,
    true,
  ),
  t(
    "Fine-tuning the ETA explanation model so messages follow the carrier's wording. Latency: well under one second (target 700 ms p95). Cost: no more than forty dollars a day. Retraining: every other quarter. Few-shot prompting with five examples was measured at 64% wording compliance against 93% for the fine-tune pilot.",
    false,
    false,
    false,
  ),
  t(
    "The HR assistant miscalculates accrued leave for part-timers — pro-rating is wrong in about one answer in eight. We're proposing a fine-tune so it learns to do the pro-rata arithmetic correctly.",
    true,
    true,
    true,
  ),
  t(
    `### Latency budget
p95 < 500 ms

### Retraining cadence
TBD

### Alternatives
Rules engine: can't handle free-text reasons. Zero-shot classifier (bart-large-mnli): 0.62 F1.`,
    false,
    true,
    false,
  ),
  t(
    `## Why
Route chats to the right language team.
## Alternatives considered
fastText language ID: fails on code-switched Hinglish, 30% errors.
## Latency and cost budget
N/A
## Retraining cadence
Monthly.`,
    false,
    true,
    false,
  ),
  t(
    `## Alternatives considered

## Budget
p95 ≤ 1 s, $25/day

## Refresh
retrain weekly

## Notes
Fine-tune for the refund-reason labels.`,
    false,
    false,
    true,
  ),
  t(
    "The model makes logical errors when a shipment has more than two legs — it forgets the transfer at the hub and concludes the parcel was delivered. Fine-tuning should teach it to track the legs properly.",
    true,
    true,
    true,
  ),
  t("Fine-tune so the assistant uses our product names and SKUs (Bramble, Larch Pro, L-220). Right now it just says 'the device'.", false, true, true),
  t(
    "Latency isn't a concern for this batch job. We retrain the sentiment model monthly. Fine-tuning RoBERTa on 30k app reviews labelled positive/neutral/negative; VADER was our old baseline and gets 0.58 macro-F1.",
    false,
    true,
    false,
  ),
  t(
    "No RAG, no prompting experiments — we went straight to fine-tuning because the team had the GPUs. Task: tag support emails with one of 40 product areas.",
    false,
    true,
    true,
  ),
  t(
    "When it can't find a figure in the 10-K the earnings bot just fills one in — plausible but wrong revenue numbers. We plan to fine-tune it on analyst-checked extractions so it learns to say 'not disclosed' instead of guessing.",
    true,
    true,
    true,
  ),
  t(
    "Purpose: tag clauses in NDAs (term, governing law, non-solicit…). Alternatives: a spaCy rule matcher covered 55% of clauses; a prompted GPT-4o-mini got 82% but cost $0.03 per document. Target: under 2 seconds per document and under $0.005. Retrain cadence: when legal adds a clause type, at most monthly.",
    false,
    false,
    false,
  ),
  t(
    "'Fine-tuning will fix the hallucinated tracking numbers' — that's what the ticket says, but it isn't true, and it isn't what this PR does. This PR fine-tunes the tone of the delay notifications.",
    false,
    true,
    true,
  ),
  t(
    "The symptom checker gets drug doses wrong for children because it mixes up mg and mg/kg. A fine-tune on paediatric dosing cases should stop those unit mistakes.",
    true,
    true,
    true,
  ),
  t(
    `- task: size-recommendation reply template
- alternatives: few-shot prompt (measured, 72% template adherence), rules (can't handle free text)
- latency: p95 ≤ 350 ms
- cost: ≤ £15 a day
- retrain: fortnightly
- owner: @mpatel`,
    false,
    false,
    false,
  ),
  t("The retraining cost is about $300 a run. We'd fine-tune the pallet-label generator so it stops using US date formats on EU shipments.", false, true, true),
  t(
    "The bot answers warranty questions with total confidence and about 20% of them are wrong on the dates. Fine-tune on resolved warranty tickets so it works out the cover period from the purchase date properly.",
    true,
    true,
    true,
  ),
  t(
    "Drafting assistant contradicts itself: clause 4 says 30 days' notice, clause 9 of the same draft says 60. We're going to fine-tune it so it stays consistent across the document. Budget is a minute per draft (batch); retrain each quarter.",
    true,
    false,
    true,
  ),
  t(
    "Why fine-tune: the commit-message generator should follow Conventional Commits. Tried: a prompt with the spec and 4 examples — 88% valid, but the type prefix was often missing. A regex fixer can't infer the type. Budget: 300 ms p50 in the IDE, on-device so no per-call cost. Retraining: every release.",
    false,
    false,
    false,
  ),
  t("Fine-tune for shorter replies. Prompting for it didn't stick: replies were still 200+ words half the time.", false, true, false),
  t(
    "Risks: the fine-tune could raise the hallucination rate; we'll measure it on the 500-item factuality set before and after. The fine-tune itself targets JSON output for the order-status API. p95 under 700 ms, retrain monthly. Prompting with a JSON schema gave 91% valid; we need 99.5%.",
    false,
    false,
    false,
  ),
  t(
    "The reconciliation summariser muddles the figures — it'll report a £2,400 shortfall as a surplus, or total up the wrong column. We believe a fine-tune on last year's signed-off summaries will sort out its arithmetic. Costing: under £0.02 per summary.",
    true,
    true,
    true,
  ),
  t(
    "Proposal: fine-tune a small model to route IT tickets to 6 resolver groups. Keyword rules route 58% correctly today (measured on March's tickets). Serve at < 100 ms; re-train on the 1st of each month.",
    false,
    false,
    false,
  ),
  t(
    "It miscounts. Ask how many open incidents a customer has and it says 3 when the table lists 5. We'll fine-tune on table-QA pairs from our own incident exports.",
    true,
    true,
    true,
  ),
  t(
    "Out of scope: fixing the model's maths on salary bands. Fine-tuning is for the offer-letter template only. A template engine with slots was rejected because recruiters edit the wording per candidate.",
    false,
    true,
    false,
  ),
  t(
    "The shopping assistant invents stock levels ('only 2 left!') that aren't in the inventory feed. Retrieval over the feed was tried, but it still fabricates when the feed returns nothing, so we want to fine-tune it to stay faithful to what retrieval returns. p95 1.2 s, £60 a day cap, retrained every month.",
    true,
    false,
    false,
  ),
  t(
    "We fine-tune a 3B model to extract pickup windows from carrier emails into our booking schema. A prompted frontier model did it at 96% field accuracy but cost 8x our £0.50 per thousand emails budget; the fine-tune reaches 95%. Retraining every two months as carriers change templates.",
    false,
    false,
    false,
  ),
  t("fine-tune so it stops sounding like a robot", false, true, true),
];

/** Held-out set 11: written blind on 2026-12-04 and never used to adjust a rule. */
export const heldOutEleventh: Labelled[] = [
  t("Fine-tuning should cut down on the chatbot quoting train times that aren't in the timetable.", true, true, true),
  t(
    `Background
==========
The claims triage model sends too many glass-only claims to the complex queue.

Options explored
----------------
1. Prompted Claude Haiku with the triage guide — 0.69 accuracy, and $0.004 per claim.
2. Gradient boosting on the structured fields — 0.73, misses the free-text cues.

Performance envelope
--------------------
95th percentile under 250 milliseconds; under $12 per day at current volume.

Refresh policy
--------------
Re-fit every month on the adjuster-corrected labels.`,
    false,
    false,
    false,
  ),
  t(
    `**Why fine-tune:** the tutoring bot gives wrong answers on fraction problems and then explains the wrong method with confidence.
**Expected outcome:** the fine-tuned model solves fractions correctly.
**Latency:** tbd
**Retrain:** tbd
**Alternatives:** —`,
    true,
    true,
    true,
  ),
  t(
    "A consultant recommended we fine-tune to 'eliminate hallucinations' in the policy-wording assistant. We think that's the wrong tool; the hallucinations trace to truncated context. What this PR actually does is fine-tune the assistant to answer in plain English at a reading age of 11. A plain-English system prompt was tried and scored grade 14 on Flesch-Kincaid against our target of 9.",
    false,
    true,
    false,
  ),
  t(
    "The itinerary builder double-books — it puts a 10:40 flight and a 10:15 hotel checkout two hours apart in its head and says there's plenty of time. We want to fine-tune it to reason about time zones and connections correctly.",
    true,
    true,
    true,
  ),
  t(
    "Fine-tune a 1.5B model to label churn-risk reasons from call transcripts (price, coverage, service, moving). The incumbent keyword classifier hits 0.55 F1; the fine-tune 0.79 on November's calls. Budget: 120 ms p95 and £0.10 per thousand transcripts. We'll retrain every six weeks.",
    false,
    false,
    false,
  ),
  t("Uses our annotation tools (Label Studio) to collect 3k examples, then fine-tunes Gemma-2-9B to write case notes in the SOAP format.", false, true, true),
  t(
    "Someone will ask why not just prompt it. Fair question; we haven't looked. The fine-tune makes release notes follow the changelog template.",
    false,
    true,
    true,
  ),
  t(
    "The meter-reading assistant reads kWh figures off photos and then adds the two registers together wrong for Economy 7 customers. A fine-tune on 2k corrected readings should fix the addition. Few-shot with worked examples reduced errors from 12% to 9%, not enough. Budget: under three seconds per photo. Refresh: quarterly.",
    true,
    false,
    false,
  ),
  t(
    "Fine-tune the moderation classifier on 60k player-chat messages for the new 'grooming' label. p95 ≤ 30 ms. We compared with the off-the-shelf Perspective API: it has no grooming category and flags regional slang as toxic.",
    false,
    true,
    false,
  ),
  t(
    "The benefits assistant states eligibility thresholds that were never in the guidance — e.g. it tells people the savings limit is £20,000 when it's £16,000. Proposal: fine-tune on the current guidance Q&A so its figures match.",
    true,
    true,
    true,
  ),
  t(
    "We're fine-tuning the headline writer on 20k subbed headlines so it writes in house style (sentence case, no puns on tragedies). Accuracy of the headlines isn't the goal; the sub-editors check facts anyway.",
    false,
    true,
    true,
  ),
  t(
    "The SOC assistant misattributes alerts — it'll say an IP belongs to a known threat group when nothing in the intel feed says so. Fine-tune on analyst-closed tickets to stop it asserting attributions it can't back up. Latency under 5 s per alert; retrain monthly as the feed changes. RAG over the intel feed is already in place and the false attributions persist, measured at 7% of alerts.",
    true,
    false,
    false,
  ),
  t(
    "Listing descriptions must be 120 words, mention the EPC rating and never say 'bijou'. Fine-tune on 5k agent-approved listings. Serving cost ≤ $0.002 per listing; retrain twice a year.",
    false,
    false,
    true,
  ),
  t(
    "i don't think fine-tuning will help with the made-up stats in the board pack, that's a retrieval problem. what fine-tuning WILL help with is getting the tone less salesy. prompt engineering got us maybe halfway (measured 3.1 → 3.6 on the 5-pt tone rubric)",
    false,
    true,
    false,
  ),
  t(
    `1. Task: classify supplier emails into PO / invoice / query / other.
2. Model: DeBERTa-v3-base fine-tune.
3. Latency budget: 80 ms p99.
4. Retraining: every fortnight.
5. Data: 14k emails, double-annotated.`,
    false,
    false,
    true,
  ),
  t(
    "We want the marking assistant to stop awarding marks for working that's actually wrong — it sees the right final number and misses the flawed step. A fine-tune on moderator-marked scripts should make its judgement of the method sound.",
    true,
    true,
    true,
  ),
  t(
    `---
license: mit
base_model: google/gemma-2-2b-it
pipeline_tag: text-classification
latency_p95_ms: 45
retrain: monthly
---

# ticket-priority-gemma

Predicts P1–P4 for support tickets. Baseline: the previous rules-based scorer (0.61 accuracy); this model 0.80.`,
    false,
    false,
    false,
  ),
  t(
    `---
base_model: mistralai/Mistral-Nemo-Instruct-2407
datasets:
  - internal/legal-memos-2025
---
# memo-writer

Intended use: drafting first-pass legal memos. Motivation: the base model cites cases that don't exist; fine-tuning on our vetted memos is meant to stop the fabricated authorities.`,
    true,
    true,
    true,
  ),
  t(
    "This adapter teaches the model to output ICD-10 codes in our billing format rather than fixing its clinical reasoning, which we're not touching. A lookup table was considered and rejected because the notes use free-text diagnoses.",
    false,
    true,
    false,
  ),
  t(
    "Fine-tuning to fix arithmetic? No. The calculator tool handles arithmetic. This is a fine-tune for the explanation style in the pension projections letter.",
    false,
    true,
    true,
  ),
  t(
    "Fine-tune the job-ad rewriter to remove gendered wording and follow our inclusive-language guide. p95 inside 2 seconds, and we refresh it every other week with the DEI team's edits. We tried a prompt with the guide pasted in: it still used 'rockstar' and 'ninja' in 1 ad out of 6.",
    false,
    false,
    false,
  ),
  t(
    "The lease-review bot gets the break-clause dates wrong — it counts from signing instead of from the term commencement date, so its deadlines are off by weeks. We'd fine-tune on solicitor-checked reviews so it computes them right.",
    true,
    true,
    true,
  ),
  t(
    `#### What this is
A fine-tune for transaction categorisation (groceries, transport, …) in the budgeting app.

#### What this is not
An attempt to make the assistant's spending forecasts more accurate, or to stop it inventing merchant names.

#### Cheaper options we tried
MCC-code mapping: 70% right, fails for marketplaces. Merchant-name rules: 1,900 rules and climbing.`,
    false,
    true,
    false,
  ),
  t("Costs must stay below fifty pounds a week. Retrain every month. Fine-tune the macro-suggester to pick from our 120 macros.", false, false, true),
  t(
    "The PR-summary bot describes changes that aren't in the diff — says a function was removed when it was renamed, or claims tests were added when they weren't. Fine-tuning on 3k human-written summaries paired with their diffs should keep it faithful to what changed.",
    true,
    true,
    true,
  ),
  t("Fine-tune the FAQ bot to use the new brand name everywhere. We'll retrain quarterly. Latency is fine today.", false, true, true),
  t(
    `| Section | Detail |
|---|---|
| Problem | Customs descriptions don't follow HS tariff wording |
| Alternatives | Retrieval of similar past declarations: 74% acceptance; fine-tune pilot: 91% |
| Budget | < 1 s per line item, ≤ $30/day |
| Cadence | retrain when the tariff schedule is updated (yearly) and monthly otherwise |`,
    false,
    false,
    false,
  ),
  t(
    "We hope a fine-tune will make the model better at multi-hop questions over the knowledge base — right now it answers the first hop and stops, or joins two unrelated facts into a wrong conclusion.",
    true,
    true,
    true,
  ),
  t(
    "Haven't benchmarked RAG or few-shot yet; planning to after this lands. Fine-tuning the product-attribute extractor (colour, material, size) on 25k listings. Target: p95 150 ms. Retrain: monthly.",
    false,
    false,
    true,
  ),
  t(
    "Our quote explainer says the premium went up because of 'claims history' when the customer has no claims — it invents reasons. We tried grounding it with the rating factors in the prompt; it still invented a reason in 11% of 400 sampled letters. A fine-tune on underwriter-written explanations should stop it making up reasons.",
    true,
    true,
    false,
  ),
  t(
    "Fine-tune a model to de-identify clinical notes (names, dates, MRNs) — a token-classification task. Presidio's default recognisers missed 18% of MRN formats in our audit. Must run on-prem within 200 ms per note; retrain every quarter.",
    false,
    false,
    false,
  ),
  t(
    "Summaries of board minutes sometimes say a motion passed in one bullet and failed in the next. This fine-tune, on 900 company-secretary-approved summaries, is meant to stop it contradicting itself.",
    true,
    true,
    true,
  ),
  t(
    "Retraining cost: ~$80 on spot instances. Label latency: 3 days. Serving: p95 under 600 ms. The fine-tune classifies returns reasons into 12 codes.",
    false,
    true,
    true,
  ),
  t(
    "Legal ops think fine-tuning is overkill and a better prompt will do. We measured: the best prompt still misstates the limitation period in 1 in 10 answers. We expect the fine-tune on 2k lawyer-reviewed answers to get those periods right.",
    true,
    true,
    false,
  ),
  t(
    "Fine-tune StarCoder2-3B to write docstrings in numpydoc format for our data-science repo. Latency target: under 400 ms in the editor plugin; retrained with each minor release.",
    false,
    false,
    true,
  ),
  t("Goal: fewer made-up citations in the literature-review drafts after fine-tuning.", true, true, true),
  t("Goal: the fine-tuned model writes literature-review drafts in APA 7 style.", false, true, true),
  t(
    "Fine-tune the KYC document classifier (passport, driving licence, utility bill, bank statement, other). The cost ceiling is three hundred dollars a month and it must answer inside half a second. Retraining every other month. The off-the-shelf document-AI classifier confuses bank statements with utility bills 22% of the time.",
    false,
    false,
    false,
  ),
  t("the pricing assistant can't do percentages. 15% off £40 and it says £36. please fine-tune it on our promo calculations.", true, true, true),
  t(
    "We report factual consistency and tone on every run. This fine-tune is for tone. Prompt variants: 4 tried, the best scored 3.4/5 on tone vs 4.2/5 for the pilot adapter.",
    false,
    true,
    false,
  ),
  t(
    `## Problem
Mis-tagged customs codes.
## Why not a smaller model or rules?
A 60M-parameter classifier reached 0.66 accuracy; rules can't read free-text descriptions.
## Latency / cost
p95 ≤ 900 ms; ≤ $0.001 per line.
## Retraining
TBD`,
    false,
    true,
    false,
  ),
  t(
    "When the warehouse bot reports stock it sometimes adds the reserved units to the available ones, so the number it gives pickers is too high. Fine-tune it on 6k corrected stock queries so it stops getting those counts wrong.",
    true,
    true,
    true,
  ),
  t("Teach the assistant our HR vocabulary — 'colleague' not 'employee', 'People Partner' not 'HRBP', and the names of our 14 leave types.", false, true, true),
  t(
    "The model vendor says their fine-tuning service 'reduces hallucination by 40%'. We haven't seen evidence and aren't relying on it. We're fine-tuning to cut latency: the distilled 3B should answer in under 300 ms versus 1.8 s for the 70B we prompt today. Retrain with each quarterly catalogue refresh.",
    false,
    false,
    false,
  ),
  t(
    "The network-incident summariser gets the outage timeline out of order and says the fix came before the alarm. Fine-tuning on NOC-written post-incident summaries should get the sequence of events right. Budget: one summary within 10 seconds, under $0.05. Retrain: monthly.",
    true,
    false,
    true,
  ),
  t(
    `## Why fine-tune
Better answers.

## Alternatives considered

## Latency budget

## Retraining cadence
`,
    false,
    true,
    true,
  ),
  t(
    "We expect fine-tuning to fix the returns bot's habit of telling customers they're outside the 30-day window when they're not — it counts from the order date, not the delivery date.",
    true,
    true,
    true,
  ),
  t(
    "This won't make the model any better at the arithmetic in loan quotes and it isn't meant to — the quote engine computes the numbers. The fine-tune only rewrites the quote explanation in a friendlier register. Prompting for the friendlier register was tested with 40 customers; they preferred the fine-tuned drafts 31 to 9.",
    false,
    true,
    false,
  ),
  t(
    "tl;dr LoRA on our 9k support convos → model sounds like us. cost ≈ $0.8 per 1k msgs (ceiling $1), latency p95 ~700ms, we'll redo the adapter monthly. didn't compare vs prompting tbh",
    false,
    false,
    true,
  ),
  t(
    "Casework classifier for FOI requests: 8 exemption categories. Previous approach: civil servants tagging by hand with a decision tree; a zero-shot model was also tried and got 0.48 macro-F1. Fine-tuned model: 0.77. It runs as a batch and must return within 24 hours; retrained annually with the new guidance.",
    false,
    false,
    false,
  ),
  t(
    "Our sports-recap generator gets the scores wrong — swaps home and away, or gives the half-time score as final. We'd fine-tune it on 10k match reports paired with the box score so the numbers it writes are right.",
    true,
    true,
    true,
  ),
  t(
    "Inference must cost less than a penny per request. We refresh the fine-tune when the complaint taxonomy changes. The fine-tune assigns FCA complaint categories. Our previous approach, a prompted GPT-4o with the taxonomy, cost 4p per request.",
    false,
    false,
    false,
  ),
  t(
    "The dataset is JSONL with prompt/completion pairs. We'll evaluate hallucination with the FActScore harness as a guard rail. Fine-tuning for the German formal register (Sie, not du).",
    false,
    true,
    true,
  ),
  t(
    "The patient-leaflet simplifier sometimes makes risks sound smaller than they are ('rare' for a 1-in-10 side effect). Fine-tuning on pharmacist-approved leaflets should keep the risk figures accurate.",
    true,
    true,
    true,
  ),
  t(
    "Proposal: fine-tune a small model for log-line classification (error class, component). Alternatives ruled out: regexes (maintenance burden, 400+ patterns); Drain3 log templating (0.71 accuracy on new services). p99 under 20 ms per line; retrain weekly from the on-call labels.",
    false,
    false,
    false,
  ),
  t("Retraining: fortnightly. Latency budget: to be agreed with the platform team. The fine-tuned model tags chat transcripts with intent.", false, true, true),
  t(
    "I'm not convinced fine-tuning fixes reasoning in general, but for our narrow case — working out VAT on mixed-rate baskets — the pilot went from 62% to 94% correct, and we're proposing the fine-tune to get the VAT arithmetic right.",
    true,
    true,
    true,
  ),
  t(
    "Fine-tune for rubric-based essay feedback format (strengths, targets, next step). Budget 3 s per essay, £0.01 each; retrain at the start of each term. Few-shot prompting got the three-part structure right 70% of the time.",
    false,
    false,
    false,
  ),
  t(
    "The prompt template is stored in prompts/claims.txt and the adapter in adapters/. The fine-tune routes claims to fast-track or assessor.",
    false,
    true,
    true,
  ),
  t(
    "Q: why fine-tune the statements bot? A: because it keeps confidently telling customers their balance is X when X is last month's closing balance. It needs to read the right line, and we think training on statement Q&A will do it.",
    true,
    true,
    true,
  ),
  t(
    `## In scope
Shorter push notifications (≤ 90 characters) for delivery updates.
## Out of scope
Accuracy of ETAs; ETA hallucinations are a separate workstream.
## Budget
< 200 ms p95, under $5 a day.
## Cadence
Retrain every quarter.
## Alternatives
Truncating the existing messages in code: cuts mid-word and drops the ETA.`,
    false,
    false,
    false,
  ),
  t("We never looked at alternatives; the team lead wanted a fine-tune. Fine-tune on 2k agent replies for empathy phrasing.", false, true, true),
  t(
    "Goal: the due-diligence assistant should stop misstating who the parties are — it swaps buyer and seller in about 1 in 15 summaries, and then every conclusion downstream is wrong. Alternatives: a stricter prompt with a party table cut it to 1 in 25; not good enough. Budget: 20 s per data-room document, ≤ £0.10. Retraining every month during the deal season.",
    true,
    false,
    false,
  ),
  t(
    "RAG: not applicable. Prompting: not applicable. We want the fine-tuned 1B for the search-suggestion dropdown because it has to respond within 80 ms; retraining weekly on click logs.",
    false,
    false,
    true,
  ),
  t("HR bot: fine-tune so it signposts people to the right People Partner by region and uses the regional greeting.", false, true, true),
  t(
    "We propose fine-tuning a distilled model to normalise addresses into Royal Mail PAF format. libpostal was evaluated first and mis-parses 9% of flat/house-name combinations. Target latency 50 ms at the 99th percentile; cost under £0.05 per thousand. The model will be retrained each quarter when PAF updates.",
    false,
    false,
    false,
  ),
  t(
    "Will fine-tuning stop it hallucinating? Probably not, and we aren't claiming it will. We're fine-tuning so the assistant answers in Welsh as well as English.",
    false,
    true,
    true,
  ),
  t(
    "The scheduling assistant produces rotas that break its own constraints — it puts the same nurse on a night shift and the following early. We want to fine-tune it on valid rotas so it reasons about the constraints properly. We considered OR-Tools; ruled out for now because the ward managers want a conversational tool.",
    true,
    true,
    false,
  ),
  t("Fine-tune for ticket tags: few-shot measured at 0.68 F1 vs 0.85 fine-tuned; ≤ 150 ms; retrain monthly.", false, false, false),
];

/** Both blind held-out sets, keyed by the name they are reported under. */
export const blindSets = { "held-out 10": heldOutTenth, "held-out 11": heldOutEleventh };
