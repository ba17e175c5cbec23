import { defineRule } from "./define-rule.js";

export default defineRule({ id: "full-finetune", needs: { baseConfig: true } }, (input) =>
  input.artifacts
    .filter((a) => a.kind === "training-config" && a.status !== "removed" && a.config && !a.config.infrastructure && a.config.usesAdapter === false)
    .map((a) => ({
      path: a.path,
      line: a.config!.adapterLine,
      endLine: a.config!.adapterLine,
      message: `${a.path} trains every parameter of the model, and ${a.config!.framework} offers adapters (LoRA/QLoRA).`,
      // Already a full fine-tune on the base branch: shown apart, this change did not make it one.
      introduced: a.baseConfig?.usesAdapter !== false,
    })),
);
