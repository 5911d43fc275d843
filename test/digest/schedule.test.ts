import { describe, expect, it } from "vitest";
import {
  dueWeek,
  isSchedulableTimezone,
  lastOccurrence,
  nextOccurrence,
  parseClock,
  parseWeekday,
  type DigestSchedule,
} from "../../src/digest/schedule.js";
import { isoWeek } from "../../src/domain/working-time.js";

const berlin: DigestSchedule = { day: 1, hour: 9, minute: 0, timezone: "Europe/Berlin" };
const newYork: DigestSchedule = { day: 1, hour: 9, minute: 0, timezone: "America/New_York" };

/** The next `n` runs from our own pure function. */
function runs(s: DigestSchedule, fromIso: string, n: number): string[] {
  const out: string[] = [];
  let at = new Date(fromIso);
  for (let i = 0; i < n; i++) {
    at = nextOccurrence(s, at);
    out.push(at.toISOString());
  }
  return out;
}

describe("weekly digest schedule", () => {
  it("keeps Monday 09:00 in Berlin at 09:00 local across the March change (08:00Z → 07:00Z)", () => {
    const expected = ["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z", "2026-04-06T07:00:00.000Z"];
    expect(runs(berlin, "2026-03-20T00:00:00Z", 3)).toEqual(expected);
  });

  it("keeps Monday 09:00 in New York at 09:00 local across the November change (13:00Z → 14:00Z)", () => {
    const expected = ["2026-10-26T13:00:00.000Z", "2026-11-02T14:00:00.000Z", "2026-11-09T14:00:00.000Z"];
    expect(runs(newYork, "2026-10-22T00:00:00Z", 3)).toEqual(expected);
  });

  it("handles the weeks when only one side of the Atlantic has changed its clocks", () => {
    // 23 March 2026: New York is on summer time, Berlin not yet: 5 hours apart instead of 6.
    expect(nextOccurrence(berlin, new Date("2026-03-22T00:00:00Z")).toISOString()).toBe("2026-03-23T08:00:00.000Z");
    expect(nextOccurrence(newYork, new Date("2026-03-22T00:00:00Z")).toISOString()).toBe("2026-03-23T13:00:00.000Z");
    // Late October: Berlin is back on winter time (25 Oct), New York not until 1 Nov.
    expect(nextOccurrence(berlin, new Date("2026-10-25T12:00:00Z")).toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect(nextOccurrence(newYork, new Date("2026-10-25T12:00:00Z")).toISOString()).toBe("2026-10-26T13:00:00.000Z");
  });

  it("still delivers a time the spring change skips, at 03:30 local that night", () => {
    const night: DigestSchedule = { day: 7, hour: 2, minute: 30, timezone: "Europe/Berlin" };
    expect(nextOccurrence(night, new Date("2026-03-28T00:00:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(dueWeek(night, new Date("2026-03-29T01:31:00Z"))).toBe("2026-W13");
  });

  it("counts a time the autumn change repeats once, at its second pass (02:30 CET)", () => {
    const night: DigestSchedule = { day: 7, hour: 2, minute: 30, timezone: "Europe/Berlin" };
    expect(dueWeek(night, new Date("2026-10-25T00:35:00Z"))).toBeUndefined(); // 02:35 CEST, first pass
    expect(dueWeek(night, new Date("2026-10-25T01:35:00Z"))).toBe("2026-W43"); // 02:35 CET, second pass
  });

  it("names the ISO week in the subscriber's timezone", () => {
    const sundayNightUtc = new Date("2026-03-29T23:30:00Z");
    expect(isoWeek(sundayNightUtc, "UTC")).toBe("2026-W13");
    expect(isoWeek(sundayNightUtc, "Europe/Berlin")).toBe("2026-W14");
    expect(lastOccurrence(berlin, sundayNightUtc).toISOString()).toBe("2026-03-23T08:00:00.000Z");
  });

  it("is due from the scheduled time until the week ends, never for a week before the subscription", () => {
    const s = { ...berlin, since: "2026-03-01T00:00:00Z" };
    expect(dueWeek(s, new Date("2026-03-23T07:59:00Z"))).toBeUndefined();
    expect(dueWeek(s, new Date("2026-03-23T08:00:00Z"))).toBe("2026-W13");
    expect(dueWeek(s, new Date("2026-03-29T21:59:00Z"))).toBe("2026-W13");
    expect(dueWeek(s, new Date("2026-03-29T22:00:00Z"))).toBeUndefined(); // Monday 00:00 CEST: that week is over
    expect(dueWeek({ ...berlin, since: "2026-03-25T00:00:00Z" }, new Date("2026-03-26T12:00:00Z"))).toBeUndefined();
  });

  it("reads days, times and timezones strictly", () => {
    expect([parseWeekday("Friday"), parseWeekday("sun"), parseWeekday("funday"), parseWeekday("fr")]).toEqual([
      5,
      7,
      undefined,
      undefined,
    ]);
    expect([
      parseClock("09:00"),
      parseClock("7:05"),
      parseClock("24:00"),
      parseClock("09:60"),
      parseClock("9"),
    ]).toEqual([{ hour: 9, minute: 0 }, { hour: 7, minute: 5 }, undefined, undefined, undefined]);
    expect(
      ["Europe/Berlin", "America/New_York", "UTC", "Mars/Olympus", "UTC+3", "../etc"].map(isSchedulableTimezone),
    ).toEqual([true, true, true, false, false, false]);
  });
});
