/**
 * Graph enums as Microsoft documents them: the classification → determination pairs of the
 * documented table (no `apt` under true positive, no `securityPersonnel` under informational
 * expected activity, though both are still read), and the beta-only sources marked as such.
 */
import { describe, expect, it } from "vitest";
import { mapIncident } from "../../src/alerts/mapper.js";
import type { GraphIncident } from "../../src/alerts/alert-source.js";
import { DETERMINATIONS_BY_CLASSIFICATION, parseDetermination } from "../../src/domain/incident-resolution.js";
import { BETA_ONLY_SOURCES, parseSourceWord, sourceLabel } from "../../src/domain/incident-sources.js";
import { graphIncident } from "../fakes/graph-data.js";
import { resolveForm } from "../../commands/shared/incident-forms.js";

describe("classification and determination pairs", () => {
  it("follow Microsoft's documented table", () => {
    expect(DETERMINATIONS_BY_CLASSIFICATION).toEqual({
      truePositive: [
        "multiStagedAttack",
        "maliciousUserActivity",
        "compromisedAccount",
        "malware",
        "phishing",
        "unwantedSoftware",
        "other",
      ],
      informationalExpectedActivity: ["securityTesting", "lineOfBusinessApplication", "confirmedActivity", "other"],
      falsePositive: ["notMalicious", "notEnoughDataToValidate", "other"],
    });
  });

  it("refuses apt and securityPersonnel as typed determinations, and keeps them out of the resolve form", () => {
    expect(parseDetermination("apt", "truePositive")).toBeUndefined();
    expect(parseDetermination("securityPersonnel", "informationalExpectedActivity")).toBeUndefined();
    expect(parseDetermination("compromised-user", "truePositive")).toBe("compromisedAccount");
    const raw = graphIncident("9", "2026-11-27T08:00:00Z", "2026-11-27T09:00:00Z");
    const shown = JSON.stringify(resolveForm(mapIncident(raw as unknown as GraphIncident, "t")!));
    expect(shown).toContain('"multiStagedAttack"');
    expect(shown).not.toContain('"apt"');
    expect(shown).not.toContain("securityPersonnel");
  });

  it("still reads an older incident that carries apt", () => {
    const raw = graphIncident("9", "2026-11-27T08:00:00Z", "2026-11-27T09:00:00Z", {
      classification: "truePositive",
      determination: "apt",
    });
    expect(mapIncident(raw as unknown as GraphIncident, "t")?.determination).toBe("apt");
  });
});

describe("beta-only sources", () => {
  it.each(BETA_ONLY_SOURCES)("labels %s as beta and does not offer it after `source`", (source) => {
    expect(sourceLabel(source)).toMatch(/\(beta\)$/);
    expect(parseSourceWord(source)).toBeUndefined();
  });
});
