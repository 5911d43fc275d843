/**
 * Teams refuses messages over about 100 KB, counted in UTF-16; the bot stays within 80 KB. The
 * largest real replies (a 400-task list, an incident with 150 alerts, the digest with its chart,
 * the whole training catalog) stay within it once rendered, both as an answer in the turn and as a
 * proactive message from the outbox.
 */
import { describe, expect, it } from "vitest";
import { activityFor } from "../../adapters/teams/proactive.js";
import { renderReply } from "../../adapters/teams/render.js";
import type { GraphIncident } from "../../src/alerts/alert-source.js";
import { incidentCard } from "../../src/alerts/incident-card.js";
import { mapIncident } from "../../src/alerts/mapper.js";
import type { Reply } from "../../src/core/reply.js";
import { graphAlert, graphIncident, deviceEvidence, userEvidence } from "../fakes/graph-data.js";
import { createTestBot, type TestBot } from "../support/test-bot.js";

/** Teams' documented ceiling is about 100 KB; the bot's budget is 80 KB. */
const BUDGET = 80 * 1024;
const utf16Bytes = (activity: unknown) => JSON.stringify(activity).length * 2;

const REF = {
  channelId: "msteams",
  serviceUrl: "https://smba.trafficmanager.net/amer/",
  conversation: { id: "19:abc@thread.tacv2", isGroup: true, conversationType: "channel", name: "" },
  bot: { id: "28:bot", name: "SecOps" },
};

function expectWithinBudget(what: string, reply: Reply): void {
  const inTurn = renderReply(reply);
  const proactive = activityFor(REF, reply);
  expect(utf16Bytes(inTurn), `${what} in the turn`).toBeLessThanOrEqual(BUDGET);
  expect(utf16Bytes(proactive), `${what} proactively`).toBeLessThanOrEqual(BUDGET);
  expect(JSON.stringify(inTurn), what).toMatch(/AdaptiveCard/);
}

async function bot(): Promise<TestBot> {
  return await createTestBot({
    capabilities: { ephemeral: false, forms: true, threads: true, updateInPlace: true, images: true },
  });
}

describe("Teams message size", () => {
  it("keeps a 400-task list within 80 KB", async () => {
    const t = await bot();
    try {
      await t.run("plan");
      const now = t.clock.now();
      const existing = (await t.services.tasks.all(t.workspace)).length;
      for (let i = existing; i < 400; i++)
        await t.services.tasks.addCustom(
          t.workspace,
          "S2",
          "custom",
          `Task ${i} ${"Ω review the exclusions ".repeat(8)}`,
          now,
        );
      expect(await t.services.tasks.all(t.workspace)).toHaveLength(400);
      expectWithinBudget("tasks", await t.run("tasks"));
      expectWithinBudget("tasks open", await t.run("tasks open"));
    } finally {
      await t.close();
    }
  });

  it("keeps an incident with 150 alerts within 80 KB", () => {
    const alerts = Array.from({ length: 150 }, (_, i) =>
      graphAlert(`da${i}`, "2026-11-27T08:00:00Z", {
        title: `Suspicious PowerShell ${i} ${"東京 encoded command ".repeat(10)}`,
        description: "Long description ".repeat(60),
        evidence: [deviceEvidence(`host-${i}.contoso.com`), userEvidence(`user${i}@contoso.com`)],
      }),
    );
    const raw = graphIncident("8001", "2026-11-27T08:00:00Z", "2026-11-27T09:00:00Z", {}, alerts);
    const incident = mapIncident(raw as unknown as GraphIncident, "tenant-1");
    expect(incident?.alerts).toHaveLength(150);
    const card: Reply = { kind: "card", visibility: "conversation", card: incidentCard(incident!, [], "graph") };
    expectWithinBudget("incident", card);
  });

  it("keeps the digest with its chart and the whole training catalog within 80 KB", async () => {
    const t = await bot();
    try {
      const digest = await t.run("digest preview");
      expect(JSON.stringify(renderReply(digest))).toContain('"type":"Image"');
      expectWithinBudget("digest preview", digest);
      expectWithinBudget("train catalog", await t.run("train catalog"));
    } finally {
      await t.close();
    }
  });
});
