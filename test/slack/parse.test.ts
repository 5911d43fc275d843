/** Slack input parsing: command text, action ids, conversation kinds, request keys and modal metadata. */
import { describe, expect, it } from "vitest";
import { requestKey } from "../../adapters/slack/dedupe.js";
import { decodeOrigin, encodeOrigin, readSubmission } from "../../adapters/slack/modal.js";
import { actionIdOf, conversationKind, parseCommandText } from "../../adapters/slack/parse.js";

describe("parseCommandText", () => {
  it("turns escaped mentions into @U tokens, once per person", () => {
    expect(parseCommandText("assign S1-2 <@U123|dana> due friday <@U123> <@W9>")).toEqual({
      text: "assign S1-2 @U123 due friday @U123 @W9",
      userIds: ["U123", "W9"],
      labels: { U123: "dana" },
    });
  });

  it("turns broadcasts, groups, channels and links into plain words", () => {
    expect(
      parseCommandText(
        "<!channel> <!here|here> <!subteam^S1|@secops> <#C1|ops> <https://x.example/a|label> <!date^1^{date}|Nov 1>",
      ).text,
    ).toBe("@channel @here @secops #ops https://x.example/a Nov 1");
  });

  it("decodes Slack's entities last, so typed angle brackets stay text", () => {
    expect(parseCommandText('add S2 "&lt;@U999&gt; &amp;lt; A &amp; B"')).toEqual({
      text: 'add S2 "<@U999> &lt; A & B"',
      userIds: [],
      labels: {},
    });
  });
});

describe("small parsers", () => {
  it("maps rendered action ids back and ignores link buttons", () => {
    expect(actionIdOf("task.done#3")).toBe("task.done");
    expect(actionIdOf("home.show")).toBe("home.show");
    expect(actionIdOf("link#0")).toBeUndefined();
  });

  it("tells channels, group DMs and DMs apart", () => {
    expect(conversationKind("C1", "secops")).toBe("channel");
    expect(conversationKind("G1", "mpdm-a--b-1")).toBe("group");
    expect(conversationKind("D1", "directmessage")).toBe("personal");
  });

  it("keys events by event_id and interactions by trigger_id", () => {
    expect(requestKey({ type: "event_callback", event_id: "Ev1", team_id: "T1" })).toEqual({
      team: "T1",
      key: "slack:event:Ev1",
    });
    expect(requestKey({ command: "/secops", trigger_id: "t1", team_id: "T1" })).toEqual({
      team: "T1",
      key: "slack:command:t1",
    });
    expect(requestKey({ type: "block_actions", trigger_id: "t2", team: { id: "T1" } })).toEqual({
      team: "T1",
      key: "slack:block_actions:t2",
    });
    expect(requestKey({ type: "url_verification" })).toBeUndefined();
  });

  it("reads modal state by element type and keeps picked users apart", () => {
    const values = {
      task: { value: { type: "static_select", selected_option: { value: "S1-2" } } },
      owner: { value: { type: "users_select", selected_user: "U1" } },
      due: { value: { type: "datepicker", selected_date: null } },
      title: { value: { type: "plain_text_input", value: "A <b>" } },
      file: { value: { type: "file_input", files: [{ id: "F0ABC123" }, { id: "../etc/passwd" }] } },
    };
    expect(readSubmission(values)).toEqual({
      inputs: { task: "S1-2", title: "A <b>" },
      people: { owner: "U1" },
      files: ["F0ABC123"],
    });
  });

  it("round-trips modal metadata and refuses anything else", () => {
    const origin = { value: "S1-2", channelId: "C1", responseUrl: "https://hooks.slack.com/actions/1", replace: true };
    expect(decodeOrigin(encodeOrigin(origin))).toEqual(origin);
    expect(decodeOrigin("not json")).toEqual({ value: "", replace: false });
    expect(decodeOrigin(JSON.stringify({ v: "S1-2", u: "javascript:alert(1)" }))).toEqual({
      value: "S1-2",
      replace: false,
    });
  });
});
