import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeEach(async () => {
  t = await createTestBot({ now: "2026-11-28T10:00:00Z" });
  await t.run("role @lee lead");
});
afterEach(() => t.close());

describe("plan", () => {
  it("shows each phase with its elements in the guidance's order, and each role name once", async () => {
    const text = t.text(await t.run("plan", "nobody"));
    expect(text).toContain("Define strategy: Outcomes · Organizational alignment · Strategic goals");
    expect(text).toContain("Ready: Evaluate · Test · Pilot");
    expect(text).toContain("Govern and manage: Track and measure · Monitor and detect · Iterate for maturity");
    const order = ["INV Understand", "RDY Ready", "S1 Stage 1", "S4 Stage 4", "GOV Govern"].map((s) => text.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(text).toContain("SecOps lead: nobody named yet (Implement incident response procedures");
    expect(text).not.toMatch(/SecOps lead: SecOps lead/);
    expect(text).toContain("Stakeholder team: 0 of 5 roles named");
  });

  it("shows the strategy tables, Ready, Adopt, Govern and the resources from the guidance", async () => {
    const strategy = t.text(await t.run("plan strategy"));
    expect(strategy).toContain("Business needs: To prevent an impact on or disruption");
    expect(strategy).toContain("Organizational resilience: Between security breach prevention and recovery");
    const ready = t.text(await t.run("plan ready"));
    expect(ready).toContain("Your honeypot resources are in place");
    expect(ready).toContain("Define or refine the SecOps team procedures and processes");
    const adopt = t.text(await t.run("plan adopt"));
    expect(adopt).toContain("Using the features of Microsoft Sentinel with Microsoft Defender XDR integration.");
    expect(adopt).toMatch(/S3 Stage 3 0\/6/);
    expect(t.text(await t.run("plan govern"))).toContain("Create actionable plans with dates and schedules");
    const resources = t.text(await t.run("plan resources"));
    expect(resources).toContain("https://learn.microsoft.com/azure/cloud-adoption-framework/plan/plan-intro");
    expect(resources).toContain("zero-trust-business-scenario-objectives-tracking-workbook.xlsx");
    expect(resources).toContain("Adoption Scenario Plan Phase Grid");
  });

  it("refuses an unknown part", async () => {
    expect(t.text(await t.run("plan later"))).toMatch(/Unexpected "later": use one of strategy/);
  });
});

describe("stakeholders", () => {
  it("names people on a role; plan and stakeholders show them; the change is audited", async () => {
    const said = t.text(await t.run("stakeholder secops-lead @dana @kim", "lee"));
    expect(said).toContain("SecOps lead: dana, kim");
    await t.run("stakeholder sponsor @cleo", "lee");
    expect(t.text(await t.run("stakeholders", "nobody"))).toContain("CISO, CIO, or Director of Data Security: cleo");
    const plan = t.text(await t.run("plan"));
    expect(plan).toContain("SecOps lead: dana, kim (Implement");
    expect(plan).toContain("Stakeholder team: 2 of 5 roles named");
    await t.run("stakeholder secops-lead @kim", "lee");
    expect(t.text(await t.run("stakeholders"))).toContain("SecOps lead: kim (");
    const history = await t.services.audit.history(t.workspace, "stakeholder", "secops-lead");
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
      [null, "dana, kim"],
      ["dana, kim", "kim"],
    ]);
  });

  it("is for leads, and refuses a role the guidance does not have", async () => {
    await t.run("role @ana analyst");
    expect(t.text(await t.run("stakeholder sponsor @cleo", "ana"))).toMatch(/lead/i);
    expect(t.text(await t.run("stakeholder ciso @cleo", "lee"))).toMatch(/Unknown role "ciso"/);
  });
});
