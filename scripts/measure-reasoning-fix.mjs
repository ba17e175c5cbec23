// Experiment: measures a proposal rule per labelled set from dist/. RF_MODE=lexicon|scorer|union picks the reasoning-fix reading;
// RULE=<id>, SETS=1,...,9,c,h and SHOW=<sets> (print misses). Run after `npm run build`.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
const root = new URL("../", import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), "rf-m-"));
writeFileSync(join(out, "package.json"), '{"type":"module"}');
for (const name of ["labelled-proposals", "held-out-proposals"]) {
  const src = readFileSync(`${root}test/proposal/${name}.ts`, "utf8");
  writeFileSync(join(out, `${name}.js`), ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
}
const c = await import(pathToFileURL(join(out, "labelled-proposals.js")).href);
const h = await import(pathToFileURL(join(out, "held-out-proposals.js")).href);
const { ruleRegistry } = await import(`${root}dist/rules/registry.js`);
const id = process.env.RULE ?? "reasoning-fix"; const label = { "reasoning-fix": "reasoning", "latency-budget": "latency", "alternatives-considered": "alternatives" }[id]; const rule = ruleRegistry.get(id);
const sets = (process.env.SETS ?? "1,2,3,4,5,6,7,c,h,8,9").split(",");
const map = { 1: h.heldOut, 2: h.heldOutSecond, 3: h.heldOutThird, 4: h.heldOutFourth, 5: h.heldOutFifth, 6: h.heldOutSixth, 7: h.heldOutSeventh, 8: h.heldOutEighth, 9: h.heldOutNinth, c: c.labelled, h: c.handWritten };
for (const k of sets) {
  let tp = 0, fp = 0, fn = 0; const miss = [];
  for (const l of map[k]) {
    const got = rule.check({ proposal: [{ text: l.text }], proposes: true }, {}).length > 0;
    if (got && l[label]) tp++; else if (got) { fp++; miss.push("FP " + l.text.slice(0, 150)); } else if (l[label]) { fn++; miss.push("FN " + l.text.slice(0, 150)); }
  }
  console.log(`set ${k}: precision ${(tp / Math.max(1, tp + fp)).toFixed(2)} recall ${(tp / Math.max(1, tp + fn)).toFixed(2)} (tp ${tp} fp ${fp} fn ${fn})`);
  if (process.env.SHOW?.split(",").includes(k)) console.log(miss.join("\n"));
}
