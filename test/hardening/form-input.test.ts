/**
 * Text from forms and cards passes the same checks as typed commands: a Teams Action.Submit and a
 * Slack modal submission carrying control characters, bidi overrides or an enormous field are
 * refused with the reason, and nothing is added.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ADA, personal, submit } from "../teams/activities.js";
import { startTeamsHarness, type TeamsHarness } from "../teams/harness.js";
import { useHarness, type Harness } from "../slack/harness.js";

const HOSTILE_TITLES: [string, string, RegExp][] = [
  ["a right-to-left override", "Invoice \u202egpj.exe", /control characters/],
  ["a bell and an escape", "Ring \u0007\u001b[31m red", /control characters/],
  ["a title of 2,500 characters", "x".repeat(2500), /limit is 2000/],
];

describe("Teams card submissions", () => {
  let h: TeamsHarness;
  afterEach(() => h.close());

  it.each(HOSTILE_TITLES)("refuses %s in a form field and adds nothing", async (_what, title, reason) => {
    h = await startTeamsHarness();
    await h.post(personal(h.connector.serviceUrl, ADA, "help"));
    const before = (await h.services.tasks.all(h.workspace)).length;
    const value = { actionId: "task.add", value: "", area: "S3", title };
    expect((await h.post(submit(h.connector.serviceUrl, ADA, value, "1760000000042"))).status).toBe(200);
    expect(JSON.stringify(h.last()?.body)).toMatch(reason);
    expect(await h.services.tasks.all(h.workspace)).toHaveLength(before);
  });
});

describe("Slack modal submissions", () => {
  let h: Harness;
  useHarness((started) => (h = started));

  it.each(HOSTILE_TITLES)("refuses %s in a modal field and adds nothing", async (_what, title, reason) => {
    await h.command("add");
    const view = h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
    await h.submit(view, {
      area: { value: { type: "static_select", selected_option: { value: "S3" } } },
      title: { value: { type: "plain_text_input", value: title } },
      owner: { value: { type: "users_select", selected_user: null } },
      due: { value: { type: "datepicker", selected_date: null } },
    });
    expect((await h.services.tasks.all("slack:T0FAKE")).filter((t) => t.custom)).toEqual([]);
    expect(JSON.stringify(h.fake.responses.at(-1)?.body ?? h.fake.calls.at(-1)?.args)).toMatch(reason);
  });
});
