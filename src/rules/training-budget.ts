import { z } from "zod";
import { formatTokens, formatUsd as usd } from "../estimate/format-tokens.js";
import type { RuleResult, TrainingEstimate } from "../types.js";
import { defineRule } from "./define-rule.js";

// 0 means unset: the design wants no finding by default, and an option needs a default value.
const options = {
  max_usd: z.number().min(0).max(1e9),
  max_trained_tokens: z.number().int().min(0).max(1e15),
};


function where(e: TrainingEstimate): Pick<RuleResult, "path" | "line" | "endLine"> {
  if (e.configPath === undefined) return e.datasets[0] ? { path: e.datasets[0].path } : {};
  return { path: e.configPath, ...(e.configLine !== undefined && { line: e.configLine, endLine: e.configLine }) };
}

function figure(e: TrainingEstimate): string {
  const how = e.method === "exact" ? `counted with ${e.tokenizer}` : e.method === "sampled" ? `${e.tokenizer} on a sample` : "estimated at 4 characters a token";
  const data = e.datasets.map((d) => d.path).join(", ");
  return e.epochs === undefined
    ? `${formatTokens(e.tokens)} tokens in one epoch of ${data}, ${how}`
    : `${formatTokens(e.tokens)} tokens in ${data}, ${how}, × ${e.epochs} epochs`;
}

export default defineRule({ id: "training-budget", options }, (input, options): RuleResult[] => {
  const e = input.estimate;
  if (!e) return [];
  const out: RuleResult[] = [];
  const at = where(e);
  const config = at.path === e.configPath && e.configPath !== undefined ? ` (${e.configPath}${e.configLine !== undefined ? `:${e.configLine}` : ""})` : "";
  if (options.max_usd > 0 && e.usd !== undefined && e.usd > options.max_usd) {
    out.push({
      ...at,
      message: `The training run is estimated at ${usd(e.usd)}${config}: ${figure(e)} at the \`${e.priceKey}\` price, over max_usd ${usd(options.max_usd)}.`,
    });
  }
  const trained = e.trainedTokens ?? e.tokens;
  if (options.max_trained_tokens > 0 && trained > options.max_trained_tokens) {
    const what = e.trainedTokens === undefined ? "at least" : "";
    out.push({
      ...at,
      message: `The training run trains ${what ? `${what} ` : ""}${formatTokens(trained)} tokens${config}: ${figure(e)}, over max_trained_tokens ${formatTokens(options.max_trained_tokens)}.`,
    });
  }
  return out;
});
