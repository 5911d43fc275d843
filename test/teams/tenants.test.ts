/**
 * Teams tenants end to end through the real CloudAdapter and fake Bot Connectors: by default the bot
 * answers only its own tenant; with MicrosoftAppType=MultiTenant two tenants are two workspaces whose
 * tasks, subscriptions and replies stay apart, even on a channel id both of them use.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startFakeBotConnector, type FakeBotConnector, type FakeMember } from "../fakes/bot-connector.js";
import { ADA, CHANNEL, TENANT, channel, personal } from "./activities.js";
import { startTeamsHarness, type TeamsHarness } from "./harness.js";

const OTHER = "0b5e0c8e-1f0a-4b6e-9c3d-5a7f2e9d4c11";
const GIL: FakeMember = {
  id: "29:1gil-mri",
  name: "Gil Other",
  aadObjectId: "90000000-0000-4000-8000-000000000009",
  email: "gil@other.example",
  userPrincipalName: "gil@other.example",
};

/** The same activity as sent from the other tenant (every tenant id in it replaced). */
function inOther(activity: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(activity).split(TENANT).join(OTHER)) as Record<string, unknown>;
}

let h: TeamsHarness;
let otherConnector: FakeBotConnector | undefined;
afterEach(async () => {
  await h?.close();
  await otherConnector?.close();
  otherConnector = undefined;
});

describe("Teams tenants", () => {
  it("answers only its own tenant by default: another tenant gets 403 and leaves nothing behind", async () => {
    h = await startTeamsHarness();
    const res = await h.post(inOther(personal(h.connector.serviceUrl, GIL, "help")));
    expect(res.status).toBe(403);
    expect(h.connector.calls).toEqual([]);
    expect(await h.services.conversations.latestActive(`teams:${OTHER}`, "teams")).toBeUndefined();
    expect((await h.post(personal(h.connector.serviceUrl, ADA, "help"))).status).toBe(200);
    expect(h.connector.callsOf("replyToActivity")).toHaveLength(1);
  });

  it("with MicrosoftAppType=MultiTenant keeps two tenants' tasks, subscriptions and replies apart", async () => {
    h = await startTeamsHarness({ multiTenant: true, admins: [ADA.aadObjectId ?? "", `${OTHER}/${GIL.aadObjectId}`] });
    otherConnector = await startFakeBotConnector(`/emea/${OTHER}/`);
    otherConnector.members.push(GIL);
    const here = (text: string) => h.post(channel(h.connector.serviceUrl, ADA, text));
    const there = (text: string) => h.post(inOther(channel(otherConnector?.serviceUrl ?? "", GIL, text)));

    expect((await here('add S1 "Rotate the Acme break-glass keys"')).status).toBe(200);
    expect((await there('add S1 "Review the Other Corp conditional access"')).status).toBe(200);
    await here("subscribe digest weekly monday 09:00 UTC");
    await there("subscribe digest weekly friday 16:00 UTC");

    await here("tasks S1");
    const mine = h.cardText(h.last());
    expect(mine).toContain("Rotate the Acme break-glass keys");
    expect(mine).not.toContain("Other Corp");
    await there("tasks S1");
    const theirs = h.cardText(otherConnector.calls.at(-1));
    expect(theirs).toContain("Review the Other Corp conditional access");
    expect(theirs).not.toContain("Acme");

    // Both tenants use the same channel id, and each keeps its own digest subscription.
    const subs = await h.services.subscriptions.ofKind("digest");
    expect(subs.map((s) => [s.workspace, s.conversationId, s.settings.day])).toEqual([
      [`teams:${TENANT}`, CHANNEL, 1],
      [`teams:${OTHER}`, CHANNEL, 5],
    ]);
    // Each tenant's replies went to its own connector only.
    const conversationsOf = (c: FakeBotConnector) => [...new Set(c.calls.map((call) => call.prefix))];
    expect(conversationsOf(h.connector)).toEqual([new URL(h.connector.serviceUrl).pathname]);
    expect(conversationsOf(otherConnector)).toEqual([`/emea/${OTHER}/`]);
    expect(otherConnector.callsOf("replyToActivity")).toHaveLength(3);
  });

  it("reads the tenant mode from the settings: one tenant unless MultiTenant is spelt out", () => {
    const app = { MicrosoftAppId: "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", MicrosoftAppPassword: "x" };
    expect(() => loadConfig(app)).toThrow(/MicrosoftAppTenantId: name the one tenant this bot serves/);
    expect(loadConfig({ ...app, MicrosoftAppTenantId: TENANT }).teams).toMatchObject({
      multiTenant: false,
      homeTenantId: TENANT,
    });
    expect(loadConfig({ ...app, MicrosoftAppType: "MultiTenant" }).teams).toMatchObject({ multiTenant: true });
  });
});
