import { fileURLToPath } from "node:url";

/** The package root (holds `rules/`), the same from `src/` under jest and from `dist/` at run time. */
export const packageRoot = fileURLToPath(new URL("../", import.meta.url));

/** Folder of rule metadata, lexicons and detection signatures. */
export const rulesDataDir = fileURLToPath(new URL("../rules/", import.meta.url));
