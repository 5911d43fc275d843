import { describe, expect, it } from "vitest";
import { parseDueDate, todayIn } from "../../src/domain/dates.js";
import { BotError } from "../../src/errors.js";

// Saturday 28 November 2026, 10:00 UTC.
const NOW = new Date("2026-11-28T10:00:00Z");

describe("parseDueDate", () => {
  it.each([
    ["2026-12-15", "2026-12-15"],
    ["friday", "2026-12-04"],
    ["next monday", "2026-11-30"],
    ["in 2 weeks", "2026-12-12"],
    ["end of month", "2026-11-30"],
    ["end of week", "2026-12-04"],
    ["tomorrow", "2026-11-29"],
    ["today", "2026-11-28"],
    ["Dec 3", "2026-12-03"],
  ])("reads %s as %s", (input, expected) => {
    expect(parseDueDate(input, "UTC", NOW)).toBe(expected);
  });

  it("reads phrases in the person's timezone, not the server's", () => {
    const lateEvening = new Date("2026-11-28T23:30:00Z");
    expect(parseDueDate("tomorrow", "Asia/Tokyo", lateEvening)).toBe("2026-11-30");
    expect(parseDueDate("tomorrow", "America/Los_Angeles", lateEvening)).toBe("2026-11-29");
    expect(todayIn("Asia/Tokyo", lateEvening)).toBe("2026-11-29");
  });

  it("accepts today in a zone where it is still today, refuses yesterday", () => {
    const earlyUtc = new Date("2026-11-29T02:00:00Z");
    expect(parseDueDate("2026-11-28", "America/New_York", earlyUtc)).toBe("2026-11-28");
    expect(() => parseDueDate("2026-11-28", "Europe/Berlin", earlyUtc)).toThrow(/in the past/);
  });

  it.each(["2026-02-30", "someday", "fri-ish", "friday or monday", "", "   "])(
    "refuses %j with a usage error",
    (input) => {
      expect(() => parseDueDate(input, "UTC", NOW)).toThrow(BotError);
    },
  );

  it("refuses dates in the past", () => {
    expect(() => parseDueDate("2025-01-01", "UTC", NOW)).toThrow(
      "2025-01-01 is in the past (today is 2026-11-28 in UTC).",
    );
  });
});
