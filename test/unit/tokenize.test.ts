import { describe, expect, it } from "vitest";
import { Args, tokenize } from "../../src/core/args.js";

describe("tokenize", () => {
  it("splits words and keeps quoted phrases together", () => {
    expect(tokenize(`add S2 "Write the IR runbook" @dana due next monday`)).toEqual([
      "add",
      "S2",
      "Write the IR runbook",
      "@dana",
      "due",
      "next",
      "monday",
    ]);
    expect(tokenize(`add S2 'single quoted' x`)).toEqual(["add", "S2", "single quoted", "x"]);
  });

  it("refuses an unclosed quote", () => {
    expect(() => tokenize(`add S2 "never closed`)).toThrow("A quote is not closed.");
  });

  it("leaves apostrophes inside words alone", () => {
    expect(tokenize("block S1-1 vendor's delay")).toEqual(["block", "S1-1", "vendor's", "delay"]);
  });
});

describe("Args", () => {
  it("refuses leftover words", () => {
    const args = new Args(["S1-1", "extra"]);
    args.next();
    expect(() => args.end()).toThrow('Unexpected "extra".');
  });
});
