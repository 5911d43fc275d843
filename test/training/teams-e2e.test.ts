import { afterEach, describe, expect, it } from "vitest";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { trainingNudgeJob } from "../../src/training/nudge-job.js";
import { nudgeJobDeps } from "../../src/training/nudge-schedule.js";
import { ADA, DANA, EVE, personal, submit } from "../teams/activities.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/harness.js";
import { testPlatforms } from "../support/platforms.js";

let h: TeamsHarness | undefined;
afterEach(async () => h?.close());

describe("training nudge through Teams", () => {
  it("is sent into the person's personal chat through botbuilder, and its Done submit acts only for them", async () => {
    h = await startTeamsHarness({ now: "2026-12-01T10:00:00Z" });
    const { services, connector, workspace } = h;
    for (const member of [DANA, EVE])
      expect((await h.post(personal(connector.serviceUrl, member, "help"))).status).toBe(200);
    for (const member of [DANA, EVE])
      await services.people.setRole(
        (await services.people.byPlatformId(workspace, member.aadObjectId!))!.id,
        "analyst",
      );
    await h.post(personal(connector.serviceUrl, ADA, "skills require analyst hunting 3"));
    await h.post(personal(connector.serviceUrl, EVE, "skills set hunting 4"));
    expect((await services.skills.requirements(workspace, "analyst")).get("hunting")).toBe(3);

    await trainingNudgeJob(
      nudgeJobDeps(services, testPlatforms(services, h.teams.messenger.profile), 7),
      h.clock.now(),
    );
    const before = connector.calls.length;
    const dispatcher = createDispatcher({
      storage: services,
      messengers: [h.teams.messenger],
      clock: h.clock.now,
      log: silentLogger(),
    });
    expect(await dispatcher.tick()).toBe(1);
    const sent = connector.calls.slice(before);
    expect(sent.map((c) => [c.operation, c.conversationId])).toEqual([
      ["sendToConversation", `a:personal-${DANA.aadObjectId}`],
    ]);
    const text = h.cardText(sent[0]);
    expect(text).toContain("Training suggestion for this week");
    expect(text).toContain("You rated yourself 0 in Threat hunting and the analyst role needs 3:");
    expect(JSON.stringify(h.card(sent[0]))).toContain(
      '"data":{"actionId":"training.done","value":"xdr-advanced-hunting"}',
    );

    const completed = async (id: string) =>
      await services.training.completed(workspace, (await services.people.byPlatformId(workspace, id))!.id);
    const done = { actionId: "training.done", value: "xdr-advanced-hunting" };
    await h.post(submit(connector.serviceUrl, EVE, done, "1760000000001"));
    expect((await completed(EVE.aadObjectId!)).size).toBe(0);
    expect(JSON.stringify(h.last()?.body)).toContain("That suggestion was for someone else");
    await h.post(submit(connector.serviceUrl, DANA, done, "1760000000001"));
    expect([...(await completed(DANA.aadObjectId!))]).toEqual(["xdr-advanced-hunting"]);
    expect(JSON.stringify(h.last()?.body)).toContain(
      "Recorded: you completed Advanced hunting in Microsoft Defender XDR",
    );
  });
});
