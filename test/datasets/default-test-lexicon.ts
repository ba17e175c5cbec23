import type { ScanLexicon } from "../../src/datasets/index.js";

/** A lexicon like the one in `rules/` (built here so the tests do not depend on that data). */
export function defaultTestLexicon(): ScanLexicon {
  return {
    sensitive: [
      { kind: "private-key", secret: true, regex: "-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----" },
      { kind: "openai-api-key", secret: true, regex: "\\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}" },
      { kind: "aws-access-key", secret: true, regex: "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b" },
      { kind: "github-token", secret: true, regex: "\\bghp_[A-Za-z0-9]{36}\\b" },
      { kind: "slack-token", secret: true, regex: "\\bxox[abprs]-[A-Za-z0-9-]{10,}" },
      { kind: "card-number", secret: false, regex: "(?<![\\w.,])(?:\\d[ -]?){12,18}\\d(?![\\w]|[.,]\\d)" },
      { kind: "email", secret: false, regex: "\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b" },
      {
        kind: "phone",
        secret: false,
        regex: "(?<![\\w.+])(?:\\+\\d{1,3}[ .-]?\\(?\\d{1,4}\\)?(?:[ .-]?\\d{2,6}){1,4}|\\(?\\d{2,5}\\)?(?:[ .-]\\d{2,6}){1,3})(?![\\w]|[.,]\\d)",
      },
    ],
    businessRules: [
      "\\{\\{\\s*[A-Za-z_][\\w.]*\\s*\\}\\}",
      "\\b(?:is|are) (?:not )?eligible\\b",
      "\\bup to \\$\\d+",
      "\\bwithin \\d+ (?:business )?days\\b",
      "\\bper (?:day|month)\\b",
      "\\brefunds? (?:is|are) (?:only|not)\\b",
    ],
  };
}
