/**
 * SECOPS_ADMINS across workspaces: Teams admins by <tenant>/<object id>, Slack admins by
 * <team>/<user id>, bare ids only in the bot's own workspace, and emails only where the platform
 * vouches for them (the Slack workspace's verified domain, the configured tenant). Through the real
 * adapters: a stranger tenant whose user carries an admin's email is not an admin.
 */
import { afterEach, describe, expect, it } from "vitest";
import { isListedAdmin } from "../../src/domain/admins.js";
import type { FakeMember } from "../fakes/bot-connector.js";
import { ADA, DANA, personal, TENANT } from "../teams/activities.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/harness.js";
import { startHarness, type Harness } from "../slack/harness.js";

const OTHER_TENANT = "0ther000-0000-4000-8000-00000000beef";
/** A user in another tenant whose directory sets Ada's email on them. */
const MALLORY: FakeMember = {
  id: "29:1mallory-mri",
  name: "Mallory",
  aadObjectId: "f0000000-0000-4000-8000-00000000000f",
  email: "ada@contoso.com",
  userPrincipalName: "ada@contoso.com",
};

function inTenant(activity: Record<string, unknown>, tenant: string): Record<string, unknown> {
  const conversation = activity.conversation as Record<string, unknown>;
  return { ...activity, conversation: { ...conversation, tenantId: tenant }, channelData: { tenant: { id: tenant } } };
}

describe("Teams admins", () => {
  let h: TeamsHarness;
  afterEach(() => h.close());
  const roleOf = async (tenant: string, member: FakeMember) =>
    (await h.services.people.byPlatformId(`teams:${tenant}`, member.aadObjectId ?? ""))?.role;

  it("does not make a stranger tenant's user an admin for carrying a listed email", async () => {
    h = await startTeamsHarness({ admins: ["ada@contoso.com"], multiTenant: true });
    h.connector.members.push(MALLORY);
    expect((await h.post(inTenant(personal(h.connector.serviceUrl, MALLORY, "help"), OTHER_TENANT))).status).toBe(200);
    expect(await roleOf(OTHER_TENANT, MALLORY)).toBe("none");
    await h.post(personal(h.connector.serviceUrl, ADA, "help"));
    expect(await roleOf(TENANT, ADA)).toBe("admin");
  });

  it("matches <tenant>/<object id> only in that tenant", async () => {
    h = await startTeamsHarness({ admins: [`${TENANT}/${DANA.aadObjectId}`], multiTenant: true });
    await h.post(inTenant(personal(h.connector.serviceUrl, DANA, "help"), OTHER_TENANT));
    expect(await roleOf(OTHER_TENANT, DANA)).toBe("none");
    await h.post(personal(h.connector.serviceUrl, DANA, "help"));
    expect(await roleOf(TENANT, DANA)).toBe("admin");
  });

  it("honours a bare object id only in the configured tenant", async () => {
    h = await startTeamsHarness({ admins: [DANA.aadObjectId ?? ""], multiTenant: true });
    await h.post(inTenant(personal(h.connector.serviceUrl, DANA, "help"), OTHER_TENANT));
    expect(await roleOf(OTHER_TENANT, DANA)).toBe("none");
  });
});

describe("Slack admins", () => {
  let h: Harness;
  afterEach(() => h.close());
  const roleOf = async (userId: string) => (await h.services.people.byPlatformId("slack:T0FAKE", userId))?.role;

  it("matches <team>/<user id>, and an email of the workspace's verified domain", async () => {
    h = await startHarness({ admins: ["T0FAKE/UDANA", "lee@example.com"] });
    await h.command("help", "dana");
    await h.command("help", "lead");
    await h.command("help", "admin");
    expect(await roleOf("UDANA")).toBe("admin");
    expect(await roleOf("ULEAD")).toBe("admin");
    expect(await roleOf("UADMIN")).toBe("none");
  });

  it("ignores an email whose domain the workspace has not verified", async () => {
    h = await startHarness({ admins: ["dana@gmail.example"] });
    h.fake.state.users.set("UDANA", { id: "UDANA", name: "dana", displayName: "dana", email: "dana@gmail.example" });
    await h.command("help", "dana");
    expect(await roleOf("UDANA")).toBe("none");
  });

  it("ignores <team>/<user id> of another team", async () => {
    h = await startHarness({ admins: ["T0OTHER/UDANA"] });
    await h.command("help", "dana");
    expect(await roleOf("UDANA")).toBe("none");
  });
});

describe("the matching rule", () => {
  const base = { platform: "slack" as const, userId: "U1", displayName: "x", email: "a@b.example" };
  it.each([
    [["U1"], { ...base }, false],
    [["U1"], { ...base, homeWorkspace: true }, true],
    [["a@b.example"], { ...base, homeWorkspace: true }, false],
    [["A@B.example"], { ...base, emailVerified: true }, true],
    [["T1/U1"], { ...base }, true],
    [["T2/U1"], { ...base, homeWorkspace: true, emailVerified: true }, false],
  ])("%j for %j → %s", (entries, identity, expected) => {
    expect(isListedAdmin(entries, "slack:T1", identity)).toBe(expected);
  });
});
