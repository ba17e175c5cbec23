import { describe, it, expect } from "@jest/globals";
import { compileLexicon, findBusinessRule, findSensitive, luhnValid, maskSecrets, maskValue, scanDataset } from "../../src/datasets/index.js";
import { scanLexicon } from "../../src/scan-lexicon.js";
import { defaultTestLexicon } from "./default-test-lexicon.js";

const openaiKey = "sk-proj-Abc123def456GHI789jkl012MNO345";
const awsKey = "AKIAIOSFODNN7EXAMPLE";
const githubToken = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const slackToken = "xoxb-1234567890-abcdefghij";
const card = "4111 1111 1111 1111";
const privateKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";

describe("Luhn", () => {
  it("accepts valid card numbers and rejects others", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111-1111-1111-1111")).toBe(true);
    expect(luhnValid("5500 0000 0000 0004")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("0000000000000000")).toBe(false);
    expect(luhnValid("411111111111")).toBe(false);
  });
});

describe("findSensitive", () => {
  const lexicon = compileLexicon(defaultTestLexicon());

  it("finds each kind, masks it and never carries the value", () => {
    const text = `key ${openaiKey} aws ${awsKey} gh ${githubToken} slack ${slackToken} card ${card} mail jane.doe@example.com call +1 415-555-0100 ${privateKey}`;
    const hits = findSensitive(text, 7, lexicon);
    expect(hits.map((h) => h.kind).sort()).toEqual(
      ["aws-access-key", "card-number", "email", "github-token", "openai-api-key", "phone", "private-key", "slack-token"].sort(),
    );
    expect(hits.every((h) => h.line === 7)).toBe(true);
    expect(hits.find((h) => h.kind === "openai-api-key")).toEqual({ line: 7, kind: "openai-api-key", secret: true, masked: "sk-p… (openai-api-key)" });
    expect(hits.find((h) => h.kind === "email")!.masked).toBe("j***@… (email)");
    for (const value of [openaiKey, awsKey, githubToken, slackToken, card, "jane.doe@example.com", "415-555-0100", "MIIEowIBAAKCAQEA"]) {
      for (const h of hits) expect(h.masked).not.toContain(value);
    }
    for (const h of hits.filter((x) => x.kind !== "email")) expect(h.masked.replace(/… \(.*\)$/, "").length).toBeLessThanOrEqual(4);
  });

  it("does not read the digits of a decimal as a card number, and still finds a card at its line", async () => {
    // 43397884615385 passes Luhn: only the decimal point keeps it from being a card.
    expect(luhnValid("43397884615385")).toBe(true);
    const rows = [
      { text: "The mean fare was 275.43397884615385 dollars", label: "stats" },
      { text: "Ratio 0,43397884615385 and id A43397884615385", label: "stats" },
      { text: `Charge card ${card}.`, label: "billing" },
    ];
    const scan = await scanDataset({
      path: "c.jsonl",
      format: "classification",
      role: "train",
      chunks: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")),
      lexicon: scanLexicon(),
    });
    expect(scan.sensitive.map((h) => `${h.line} ${h.kind}`)).toEqual(["3 card-number"]);
  });

  it("finds phone numbers outside North America by the numbering plan, and not dates, prices or counts", async () => {
    // SMS-spam-shaped records (text,label CSV).
    const csv = [
      "label,text",
      'spam,"Call +44 20 7946 0958 now to claim your prize"',
      "ham,See you at 7.30 on 2024-01-15; it cost 12 50 in total",
      "spam,Ring 020 7946 0958 for your free ringtone",
      "ham,Berlin office: +49 30 901820",
      "ham,The score was 3-2 and 145 000 people watched",
      "spam,Txt 07911 123456 for a reply",
    ].join("\n");
    const scan = await scanDataset({ path: "sms.csv", format: "classification", role: "train", chunks: Buffer.from(csv), lexicon: scanLexicon() });
    expect(scan.sensitive.map((h) => `${h.line} ${h.kind}`)).toEqual(["2 phone", "4 phone", "5 phone", "7 phone"]);
    expect(JSON.stringify(scan)).not.toContain("7946");
  });

  it("marks contact data reserved for examples as a placeholder, and only that", async () => {
    // Alpaca-shaped records: sample contact details in instructions next to real-looking ones.
    const rows = [
      {
        instruction: "Write a signature block",
        input: "Jane Doe, jane.doe@example.com, (415) 555-0142",
        output: "Jane Doe | jane.doe@example.com | (415) 555-0142",
      },
      { instruction: "Reply to the customer", input: "From: mark.ellis@gmail.com", output: "Dear Mark, we will call you on +1 415 767 3301." },
      { instruction: "Format this UK number", input: "07700 900123", output: "+44 7700 900123" },
      { instruction: "Who should I contact?", input: "", output: "Write to support@shop.test or call 020 7946 0958." },
    ];
    const scan = await scanDataset({
      path: "a.jsonl",
      format: "alpaca",
      role: "train",
      chunks: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")),
      lexicon: scanLexicon(),
    });
    expect(scan.sensitive.map((h) => `${h.line} ${h.kind}${h.placeholder ? " placeholder" : ""}`)).toEqual([
      "1 email placeholder",
      "1 phone placeholder",
      "2 email",
      "2 phone",
      "3 phone placeholder",
      "4 email placeholder",
      "4 phone placeholder",
    ]);
  });

  it("skips digit runs that fail the Luhn check", () => {
    expect(findSensitive("order 4111 1111 1111 1112 shipped", 1, lexicon)).toEqual([]);
  });

  it("masks short values with a shorter prefix", () => {
    expect(maskValue("abcdef", "token")).toBe("ab… (token)");
    expect(maskValue("abc", "token")).toBe("a… (token)");
  });

  it("masks every value inside a message", () => {
    const masked = maskSecrets(`found ${openaiKey} and bob@example.com here`, defaultTestLexicon());
    expect(masked).toBe("found sk-p… (openai-api-key) and b***@… (email) here");
  });
});

describe("scan: sensitive hits and business rules", () => {
  it("scans every string of a record and tests only targets for business rules", async () => {
    const rows = [
      {
        messages: [
          { role: "user", content: `my key is ${openaiKey}` },
          { role: "assistant", content: "Refunds are only issued within 30 days of purchase." },
        ],
      },
      {
        messages: [
          { role: "user", content: "Refunds are only issued within 30 days?" },
          { role: "assistant", content: "I cannot say." },
        ],
      },
      {
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: `Mail ${"x".repeat(3)}@corp.io` },
        ],
        metadata: { note: awsKey },
      },
    ];
    const scan = await scanDataset({
      path: "d.jsonl",
      format: "openai-chat",
      role: "train",
      chunks: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")),
      lexicon: defaultTestLexicon(),
    });
    expect(scan.sensitive.map((h) => `${h.line} ${h.kind} ${h.secret}`).sort()).toEqual(["1 openai-api-key true", "3 aws-access-key true", "3 email false"]);
    expect(JSON.stringify(scan)).not.toContain(openaiKey);
    expect(JSON.stringify(scan)).not.toContain(awsKey);
    expect(scan.businessRules).toEqual([{ line: 1, phrase: "Refunds are only" }]);
    expect(scan.targets).toBe(3);
  });

  it("keeps the first 200 hits and counts the rest", async () => {
    const content = Array.from({ length: 250 }, (_, i) => JSON.stringify({ text: `write to user${i}@example.com`, label: "a" })).join("\n");
    const scan = await scanDataset({ path: "c.jsonl", format: "classification", role: "train", chunks: Buffer.from(content), lexicon: defaultTestLexicon() });
    expect(scan.sensitive).toHaveLength(200);
    expect(scan.sensitiveTotal).toBe(250);
  });

  it("returns the first business-rule phrase, at most 80 characters", () => {
    const lexicon = compileLexicon({ sensitive: [], businessRules: ["\\bper (?:day|month)\\b", "\\bup to \\$\\d+", "policy.*"] });
    expect(findBusinessRule("You can withdraw up to $500 per day.", lexicon)).toBe("up to $500");
    expect(findBusinessRule("Our policy " + "x".repeat(200), lexicon)!.length).toBe(80);
    expect(findBusinessRule("Nothing to see.", lexicon)).toBeNull();
  });
});
