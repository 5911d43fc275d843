import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activityBytes, TEAMS_LIMITS } from "../../adapters/teams/limits.js";
import type { FakeMember } from "../fakes/bot-connector.js";
import { ADA, channel, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

let h: TeamsHarness;
beforeEach(async () => {
  h = await startTeamsHarness();
});
afterEach(() => h.close());

const MALLORY: FakeMember = {
  id: "29:1mallory",
  name: '<at>Everyone</at> [Admin](https://evil.example) & <b>x</b> "}]}',
  aadObjectId: "f0000000-0000-4000-8000-000000000009",
};

describe("hostile text through Teams", () => {
  it("shows a hostile task title literally: no mention, no link, no broken card", async () => {
    const title = `<at>Everyone</at> [click](https://evil.example) & <b>x</b> "}]},{"type":"Action.OpenUrl","url":"https://evil.example"`;
    await h.post(personal(h.connector.serviceUrl, ADA, `add S2 '${title}'`));
    const call = h.last();
    const card = h.card(call);
    expect(card.msteams).toEqual({ width: "Full" });
    expect(h.cardText(call)).toContain(title);
    const urls: string[] = [];
    JSON.stringify(
      card,
      (key, value: unknown) => (key === "url" && typeof value === "string" && urls.push(value), value),
    );
    expect(urls.filter((u) => u.includes("evil.example"))).toEqual([]);
    expect((await h.services.tasks.all(h.workspace)).some((t) => t.title === title)).toBe(true);
  });

  it("escapes a hostile display name where Teams reads markdown (the owner fact)", async () => {
    h.connector.members.push(MALLORY);
    await h.post(channel(h.connector.serviceUrl, ADA, `assign S1-2 <at>${MALLORY.name}</at>`, [MALLORY]));
    await h.post(channel(h.connector.serviceUrl, ADA, "task S1-2"));
    const facts = JSON.stringify(h.card(h.last()));
    expect(facts).toContain("\\\\<at>Everyone\\\\</at> \\\\[Admin\\\\](https://evil.example) & <b>x</b>");
    expect(h.card(h.last()).msteams).toEqual({ width: "Full" });
  });

  it("does not crash on malformed entities, text or values, and answers", async () => {
    const odd = {
      ...personal(h.connector.serviceUrl, ADA, "help"),
      entities: [null, 7, { type: 5 }, { type: "mention" }, { type: "mention", text: "<at>x</at>", mentioned: {} }],
    };
    expect((await h.post(odd)).status).toBe(200);
    expect(h.cardText(h.last())).toContain("SecOps bot commands");
    expect((await h.post({ ...personal(h.connector.serviceUrl, ADA, "x"), text: { evil: true } })).status).toBe(200);
    expect((await h.post({ ...personal(h.connector.serviceUrl, ADA, ""), value: "task.done S1-2" })).status).toBe(200);
    expect(
      (
        await h.post({
          ...personal(h.connector.serviceUrl, ADA, "help"),
          from: { id: 5, name: { x: 1 }, aadObjectId: [] },
          conversation: { id: 7 },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await h.post({
          ...personal(h.connector.serviceUrl, ADA, "help"),
          from: { id: "29:x", name: 5, aadObjectId: 9 },
        })
      ).status,
    ).toBe(200);
    expect((await h.services.people.byPlatformId(h.workspace, "29:x"))?.displayName).toBe("Teams user");
    await h.post(personal(h.connector.serviceUrl, ADA, "plan"));
    expect(h.cardText(h.last())).toContain("adoption plan");
    expect((await h.services.tasks.get(h.workspace, "S1-2"))?.status).toBe("open");
  });
});

describe("long lists through Teams", () => {
  it("keeps the activity under the size limit and says how many tasks were left out", async () => {
    await h.post(personal(h.connector.serviceUrl, ADA, "help"));
    for (let i = 0; i < 70; i++)
      await h.services.tasks.addCustom(
        h.workspace,
        "S2",
        "Team tasks",
        `Custom task ${i} ${"with a long descriptive title ".repeat(3)}`,
        h.clock.now(),
      );
    const total = (await h.services.tasks.all(h.workspace)).length;
    await h.post(personal(h.connector.serviceUrl, ADA, "tasks"));
    const call = h.last();
    expect(call?.status).toBe(201);
    expect(activityBytes(call?.body)).toBeLessThanOrEqual(TEAMS_LIMITS.maxActivityBytes);
    expect(h.cardText(call)).toMatch(/…and \d+ more — /);
    expect(h.cardText(call)).toContain(`${total} tasks`);
  });
});
