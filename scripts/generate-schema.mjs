// Writes schema/finetune-review.schema.json from the config's zod schema (run: npm run schema).
import { mkdirSync, writeFileSync } from "node:fs";
import { configJsonSchema } from "../dist/config/load-config.js";

mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
writeFileSync(new URL("../schema/finetune-review.schema.json", import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
