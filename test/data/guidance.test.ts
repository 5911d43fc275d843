import { describe, expect, it } from "vitest";
import { loadGuidance } from "../../src/data/load-guidance.js";
import { loadPlan } from "../../src/data/load-plan.js";

const guidance = loadGuidance();
const plan = loadPlan();
const area = (id: string) => plan.areas.find((a) => a.id === id);
const HOSTS = [
  "learn.microsoft.com",
  "download.microsoft.com",
  "csrc.nist.gov",
  "iso-docs.com",
  "www.cisecurity.org",
  "attack.mitre.org",
  "security.microsoft.com",
  "www.microsoft.com",
];

/** Every { title, url } pair anywhere in a value. */
function links(value: unknown): { title: string; url: string }[] {
  if (Array.isArray(value)) return value.flatMap(links);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const own = typeof o.url === "string" ? [{ title: String(o.title ?? ""), url: o.url }] : [];
    return [...own, ...Object.values(o).flatMap(links)];
  }
  return [];
}

describe("the guidance as data", () => {
  it("has the five phases of the adoption cycle with the guidance's elements, in its order", () => {
    expect(guidance.phases.map((p) => [p.name, p.elements.length])).toEqual([
      ["Define strategy", 3],
      ["Plan", 3],
      ["Ready", 3],
      ["Adopt", 1],
      ["Govern and manage", 3],
    ]);
    expect(guidance.phases.every((p) => p.summary.length > 80)).toBe(true);
  });

  it("has the motivations and the objectives-and-outcomes tables row for row", () => {
    expect(guidance.motivations.map((m) => m.area)).toEqual([
      "Business needs",
      "IT needs",
      "Operational needs",
      "Strategic needs",
    ]);
    expect(guidance.outcomes.map((o) => o.objective)).toEqual([
      "Business outcomes",
      "Governance",
      "Organizational resilience",
      "Security",
    ]);
  });

  it("has the five stakeholder roles with their accountability, each name once", () => {
    expect(guidance.stakeholders.map((s) => s.name)).toEqual([
      "CISO, CIO, or Director of Data Security",
      "Program lead from Data Security",
      "Security Architect",
      "SecOps lead",
      "Security for IT lead",
    ]);
    expect(new Set(guidance.stakeholders.map((s) => s.id)).size).toBe(5);
  });

  it("has the technical plan, the related activities and the assume-breach elements", () => {
    expect(guidance.technicalAdoption).toHaveLength(3);
    expect(guidance.relatedActivities).toHaveLength(2);
    expect(guidance.assumeBreach).toHaveLength(3);
    expect(guidance.cloudAdoptionPlan.attributes).toHaveLength(3);
  });

  it("gives every inventory step, Ready item and governance task a tracked task", () => {
    expect(guidance.understand).toHaveLength(4);
    expect(area("INV")?.objectives.flatMap((o) => o.tasks)).toHaveLength(4);
    expect(guidance.ready.checklist).toHaveLength(4);
    expect(area("RDY")?.objectives.flatMap((o) => o.tasks)).toHaveLength(4);
    expect(guidance.ready.leadsCan).toHaveLength(4);
    expect(guidance.adopt.elements).toHaveLength(3);
    expect(guidance.govern.map((g) => [g.objective, g.tasks.length])).toEqual([
      ["Track and measure", 2],
      ["Monitor and detect", 1],
      ["Iterate for maturity", 1],
    ]);
    expect(area("GOV")?.objectives.map((o) => o.name)).toEqual(guidance.govern.map((g) => g.objective));
  });

  it("tracks every stage objective of the guidance, with every row of its resource table", () => {
    const rows: Record<string, number[]> = { S1: [5, 5], S2: [4, 5, 2], S3: [3, 5, 3], S4: [4, 3] };
    for (const stage of guidance.stages) {
      const planned = area(stage.id);
      expect(planned?.objectives.map((o) => o.name)).toEqual(stage.objectives);
      expect(planned?.objectives.map((o) => o.tasks.flatMap((t) => t.resources).length)).toEqual(rows[stage.id]);
    }
  });

  it("keeps the breach frameworks and the skills training table in the inventory tasks", () => {
    const resources = area("INV")?.objectives.flatMap((o) => o.tasks.flatMap((t) => t.resources.map((r) => r.url)));
    expect(guidance.breachFrameworks).toHaveLength(4);
    expect(guidance.skillsTraining).toHaveLength(4);
    for (const link of [...guidance.breachFrameworks, ...guidance.skillsTraining]) expect(resources).toContain(link.url);
  });

  it("has the related articles, the Cloud Adoption Framework links and the tracking resources", () => {
    expect(guidance.related.scenario).toHaveLength(2);
    expect(guidance.related.framework).toHaveLength(5);
    expect(guidance.related.cloudAdoptionFramework).toHaveLength(2);
    expect(guidance.trackingResources.map((r) => [r.name, r.links.length])).toEqual([
      ["Adoption Scenario Plan Phase Grid", 2],
      ["Zero Trust adoption tracker", 1],
      ["Business scenario objectives and tasks", 1],
    ]);
  });

  it("has only well-formed https links to the guidance's own hosts", () => {
    const all = [...links(guidance), ...links(plan)];
    expect(all.length).toBeGreaterThan(70);
    for (const { title, url } of all) {
      expect(title.trim(), url).not.toBe("");
      const parsed = new URL(url);
      expect(parsed.protocol, url).toBe("https:");
      expect(HOSTS, url).toContain(parsed.hostname);
      expect(url, url).not.toMatch(/\s|\.md$|\.md#/);
    }
  });
});
