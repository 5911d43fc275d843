/** The Slack Messenger the outbox dispatcher uses: Web API calls out, DeliveryErrors back. */
import { describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/core/messenger.js";
import { cardReply, textReply } from "../../src/core/reply.js";
import type { Failure } from "../fakes/slack-web-api.js";
import { CHANNEL, useHarness, type Harness } from "./harness.js";

const target = { platform: "slack" as const, workspace: "slack:T0FAKE", conversationId: CHANNEL };
let h: Harness;
useHarness((started) => (h = started));

describe("Slack messenger", () => {
  it("posts, replies in the thread, updates and DMs with Slack's ids", async () => {
    const m = h.adapter.messenger;
    const root = await m.post(
      target,
      cardReply({ title: "Weekly digest", blocks: [{ type: "text", spans: ["<!channel> hi"] }] }),
    );
    expect(root.messageId).toMatch(/^\d+\.\d+$/);
    expect(root.threadId).toBe(root.messageId);
    const reply = await m.reply(target, root.threadId, textReply("in the thread"));
    expect(reply.threadId).toBe(root.threadId);
    expect(h.fake.callsTo("chat.postMessage")[1]?.args.thread_ts).toBe(root.threadId);
    await m.update(target, root.messageId, textReply("updated"));
    expect(h.fake.callsTo("chat.update")[0]?.args).toMatchObject({
      channel: CHANNEL,
      ts: root.messageId,
      text: "updated",
    });
    const dm = await m.dm("slack:T0FAKE", "UDANA", textReply("your task is due"));
    expect(dm.conversationId).toBe("DDANA");
    expect(h.fake.callsTo("conversations.open")[0]?.args.users).toBe("UDANA");
    expect(String(h.fake.callsTo("chat.postMessage")[0]?.args.text)).not.toContain("<!channel>");
  });

  const cases: [string, Failure, Partial<DeliveryError>][] = [
    [
      "429 with Retry-After",
      { status: 429, retryAfter: 7 },
      { permanent: false, retryAfterMs: 7000, conversationGone: false },
    ],
    ["a 503", { status: 503 }, { permanent: false, retryAfterMs: undefined }],
    ["channel_not_found", { error: "channel_not_found" }, { permanent: true, conversationGone: true }],
    ["is_archived", { error: "is_archived" }, { permanent: true, conversationGone: true }],
    ["not_in_channel", { error: "not_in_channel" }, { permanent: true, conversationGone: false }],
    ["invalid_auth", { error: "invalid_auth" }, { permanent: true, conversationGone: false }],
    ["account_inactive", { error: "account_inactive" }, { permanent: true, conversationGone: false }],
  ];
  it.each(cases)(
    "maps %s to a DeliveryError after a single call, leaving the waiting to the dispatcher",
    async (_what, failure, expected) => {
      h.fake.fail("chat.postMessage", failure);
      const error = await h.adapter.messenger.post(target, textReply("hello")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject(expected);
      expect(h.fake.callsTo("chat.postMessage")).toHaveLength(1);
    },
  );
});
