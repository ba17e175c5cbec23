import type { WinkMethods } from "wink-nlp";

/**
 * The English language model that reads quantities in proposals: wink-nlp with its lite web model (both ship
 * inside their npm packages, nothing is downloaded). Loaded once, on first need: loading it costs about 150 ms
 * and a review of data alone never reads a proposal.
 */
let nlp: WinkMethods | undefined;

/** Loads the model (once). The engine awaits this before it runs a rule that reads the proposal. */
export async function loadEnglishModel(): Promise<void> {
  if (nlp) return;
  const [{ default: winkNLP }, { default: model }] = await Promise.all([import("wink-nlp"), import("wink-eng-lite-web-model")]);
  nlp ??= winkNLP(model, ["sbd", "ner"]);
}

function model(): WinkMethods {
  if (!nlp) throw new Error("the English model is not loaded: await loadEnglishModel() before reading a proposal");
  return nlp;
}

/**
 * The amounts of time and money the model's entity recogniser finds in a sentence, in order ("two seconds",
 * "1.5 s", "fifty pounds"; a unit alone, "month", is found too). Clock times, dates, counts and percentages are
 * left out: none is a budget.
 */
export function amountsIn(text: string): string[] {
  const { its } = model();
  // wink-nlp's `its` helpers are plain functions meant to be passed to out(); none reads `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const details = model().readDoc(text).entities().out(its.detail) as unknown as { value: string; type: string }[];
  return details.filter((d) => d.type === "DURATION" || d.type === "MONEY").map((d) => d.value);
}
