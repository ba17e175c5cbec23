import { it } from "@jest/globals";
import { readProposal } from "../src/proposal/read-proposal.js";
import { heldOutEleventh } from "./proposal/blind-proposals.js";
it("x", () => {
  const t = heldOutEleventh.find((l) => l.text.includes("Performance envelope"))!.text;
  for (const s of readProposal(t).sentences) process.stdout.write(`[${s.section}] ${s.field} ${s.stems.join(" ")}\n`);
});
