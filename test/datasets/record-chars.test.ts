/** A record's character count (what chars/4 token estimates and the estimate's sampled method multiply) counts each text once. */
import { describe, expect, it } from "@jest/globals";
import { extractRecord } from "../../src/datasets/formats.js";

describe("record characters", () => {
  it("counts an Alpaca record's history once, with the instruction, input and output", () => {
    const record = { instruction: "Sum it", input: "2 and 3", output: "5", history: [["Hi", "Hello"]] };
    const extracted = extractRecord("alpaca", record);
    if ("error" in extracted) throw new Error(extracted.error);
    // The joined input keeps its newlines between texts: "Hi\nHello\nSum it\n2 and 3", then the output.
    expect(extracted.chars).toBe("Hi\nHello\nSum it\n2 and 3".length + "5".length);
  });
});
