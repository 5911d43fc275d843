/** Task card buttons and the modals they open, end to end through Bolt and the fake Slack. */
import { describe, expect, it } from "vitest";
import { allText, button, lastPost } from "./blocks.js";
import { useHarness, type Harness, type Who } from "./harness.js";

const WS = "slack:T0FAKE";
let h: Harness;
useHarness((started) => (h = started));

/** Shows a task card as `who` and returns it. */
async function card(id: string, who: Who = "admin") {
  const sent = await h.command(`task ${id}`, who);
  return lastPost(h.fake, sent.responseUrl);
}

describe("task card buttons", () => {
  it("Start and Done change the task and replace the card in place", async () => {
    const started = await h.click(button(await card("S1-2"), "Start"));
    const after = lastPost(h.fake, started.responseUrl);
    expect(after.replace_original).toBe(true);
    expect(allText(after)).toContain("in progress");
    const done = await h.click(button(after, "Done"));
    expect(allText(lastPost(h.fake, done.responseUrl))).toContain("S1-2 done ✓");
    expect((await h.services.tasks.get(WS, "S1-2"))?.status).toBe("done");
  });

  it("a change clicked on a private card moves into the channel, and the private card goes away", async () => {
    const clicked = await h.click(button(await card("S1-2"), "Done"), "admin", { ephemeral: true });
    const [moved, removed] = h.fake.postsTo(clicked.responseUrl);
    expect(moved).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(allText(moved)).toContain("S1-2 done ✓");
    expect(removed).toEqual({ delete_original: true });
  });

  it("a private answer never replaces a card the channel sees", async () => {
    const clicked = await h.click(
      { type: "button", action_id: "home.show#0", value: "home", text: { type: "plain_text", text: "Refresh" } },
      "dana",
    );
    expect(lastPost(h.fake, clicked.responseUrl)).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
    });
  });

  it("Snooze moves the due date a week", async () => {
    await h.command("assign S1-2 <@UDANA> due 2026-12-01");
    const snoozed = await h.click(button(await card("S1-2"), "Snooze a week"));
    expect(allText(lastPost(h.fake, snoozed.responseUrl))).toContain("S1-2 snoozed to Tue 8 Dec");
    expect((await h.services.tasks.get(WS, "S1-2"))?.dueDate).toBe("2026-12-08");
  });

  it("re-checks the clicker's rights: a refusal goes to them alone and the card stays", async () => {
    await h.command("role <@UDANA> analyst");
    await h.command("assign S1-2 <@ULEAD>");
    const clicked = await h.click(button(await card("S1-2", "dana"), "Done"), "dana");
    const post = lastPost(h.fake, clicked.responseUrl);
    expect(post.replace_original).toBe(false);
    expect(post.response_type).toBe("ephemeral");
    expect(post.text).toMatch(/Only S1-2's owner, a lead or an admin may change it/);
    expect((await h.services.tasks.get(WS, "S1-2"))?.status).toBe("open");
  });

  it("grants nothing from a forged button: the action and value are checked like a command", async () => {
    const forged = await h.click(
      { type: "button", action_id: "task.done#0", value: "S1-2", text: { type: "plain_text", text: "Done" } },
      "eve",
    );
    expect(lastPost(h.fake, forged.responseUrl).text).toMatch(/needs an analyst, a lead or an admin/);
    const unknown = await h.click(
      { type: "button", action_id: "role.grant#0", value: "admin", text: { type: "plain_text", text: "x" } },
      "eve",
    );
    expect(lastPost(h.fake, unknown.responseUrl).text).toMatch(/no longer supported/);
    expect((await h.services.tasks.get(WS, "S1-2"))?.status).toBe("open");
    expect((await h.services.people.byPlatformId(WS, "UEVE"))?.role).toBe("none");
  });

  it("Reassign opens a modal with a person and a date picker; submitting replaces the card", async () => {
    const clicked = await h.click(button(await card("S1-2"), "Reassign"));
    const open = h.fake.callsTo("views.open")[0];
    expect(open?.args.trigger_id).toBe(clicked.triggerId);
    const view = open?.args.view as Record<string, unknown>;
    const elements = (view.blocks as { element: { type: string } }[]).map((b) => b.element.type);
    expect(elements).toEqual(["static_select", "users_select", "datepicker"]);
    const status = await h.submit(view, {
      task: {
        value: {
          type: "static_select",
          selected_option: { value: "S1-2", text: { type: "plain_text", text: "S1-2" } },
        },
      },
      owner: { value: { type: "users_select", selected_user: "UDANA" } },
      due: { value: { type: "datepicker", selected_date: "2026-12-10" } },
    });
    expect(status).toBe(200);
    const post = lastPost(h.fake, clicked.responseUrl);
    expect(post.replace_original).toBe(true);
    expect(allText(post)).toContain("S1-2 → dana, due Thu 10 Dec");
    expect((await h.services.people.byPlatformId(WS, "UDANA"))?.email).toBe("dana@example.com");
    expect((await h.services.tasks.get(WS, "S1-2"))?.dueDate).toBe("2026-12-10");
  });
});

describe("modals from commands", () => {
  it("/secops assign with no arguments opens the assign modal and posts the result in the channel", async () => {
    const sent = await h.command("assign");
    const view = h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
    expect(view).toMatchObject({ type: "modal", callback_id: "task.assign" });
    await h.submit(view, {
      task: { value: { type: "static_select", selected_option: { value: "S2-1" } } },
      owner: { value: { type: "users_select", selected_user: "ULEAD" } },
      due: { value: { type: "datepicker", selected_date: null } },
    });
    const post = lastPost(h.fake, sent.responseUrl);
    expect(post).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect((await h.services.tasks.get(WS, "S2-1"))?.ownerName).toBe("Lee");
  });

  it("/secops add with no arguments opens the add-task modal; its title is stored as typed", async () => {
    await h.command("add");
    const view = h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
    expect(view).toMatchObject({ callback_id: "task.add" });
    await h.submit(view, {
      area: { value: { type: "static_select", selected_option: { value: "S3" } } },
      title: { value: { type: "plain_text_input", value: "Review <!here> exclusions & <https://evil.example|docs>" } },
      owner: { value: { type: "users_select", selected_user: null } },
      due: { value: { type: "datepicker", selected_date: "2026-12-31" } },
    });
    const added = (await h.services.tasks.all(WS)).find((t) => t.custom);
    expect(added).toMatchObject({
      area: "S3",
      title: "Review <!here> exclusions & <https://evil.example|docs>",
      dueDate: "2026-12-31",
    });
  });

  it("a submission with a bad value is refused privately and changes nothing", async () => {
    await h.command("assign");
    const view = h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
    await h.submit(view, {
      task: { value: { type: "static_select", selected_option: { value: "S2-1" } } },
      owner: { value: { type: "users_select", selected_user: "UDANA" } },
      due: { value: { type: "datepicker", selected_date: "2026-01-01" } },
    });
    const posts = h.fake.responses.map((r) => r.body);
    expect(posts.at(-1)).toMatchObject({ response_type: "ephemeral" });
    expect(String(posts.at(-1)?.text)).toContain("in the past");
    expect((await h.services.tasks.get(WS, "S2-1"))?.ownerId).toBeNull();
  });

  it("when the trigger has expired, says so and shows the command to type instead", async () => {
    h.fake.fail("views.open", { error: "expired_trigger_id" });
    const sent = await h.command("assign");
    const post = lastPost(h.fake, sent.responseUrl);
    expect(post.response_type).toBe("ephemeral");
    expect(post.text).toMatch(/took too long to open[\s\S]*assign &lt;task&gt; @person/);
  });
});
