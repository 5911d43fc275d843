/** Incident threads end to end on Slack: sync → outbox → dispatcher → the real Slack Messenger → the fake Web API. */
import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { createSlackMessenger, MESSENGER_CLIENT_OPTIONS } from "../../adapters/slack/messenger.js";
import { createDispatcher } from "../../src/delivery/dispatcher.js";
import { silentLogger } from "../../src/logger.js";
import { deviceEvidence, graphAlert, graphIncident } from "../fakes/graph-data.js";
import { FakeSlack } from "../fakes/slack-web-api.js";
import { scriptedBot } from "./harness.js";

const WORKSPACE = "slack:T0FAKE";
const CHANNEL = "C0INCIDENTS";
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

describe("incident threads on Slack", () => {
  it("posts the root, edits it in place with chat.update, replies with thread_ts and pings leads by id", async () => {
    const slack = await FakeSlack.start();
    slack.state.channels.set(CHANNEL, { member: true, archived: false });
    const { t, source, sync } = await scriptedBot();
    cleanup = async () => {
      await t.close();
      await new Promise<void>((resolve) =>
        slack.close().then(
          () => resolve(),
          () => resolve(),
        ),
      );
    };
    const lead = await t.services.people.upsert(WORKSPACE, {
      platform: "slack",
      userId: "U0DANA",
      displayName: "Dana <!channel>",
    });
    await t.services.people.setRole(lead.id, "lead");
    await t.services.assets.put(
      WORKSPACE,
      { type: "device", value: "hp-01", label: "hp-01", mark: "honeypot" },
      null,
      t.clock.now(),
    );
    await t.services.subscriptions.put(
      {
        workspace: WORKSPACE,
        platform: "slack",
        conversationId: CHANNEL,
        kind: "incidents",
        settings: { minSeverity: "unknown", sources: [] },
        createdBy: null,
      },
      t.clock.now(),
    );
    await sync();

    const title = "Ransomware <!channel> on <https://evil.example|portal>";
    source.put(
      graphIncident("77", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", { displayName: title }, [
        graphAlert("s1", "2026-11-28T09:00:00Z", { evidence: [deviceEvidence("hp-01")] }),
      ]),
    );
    await sync();
    source.put(
      graphIncident("77", "2026-11-28T09:00:00Z", "2026-11-28T09:10:00Z", { displayName: title, severity: "high" }, [
        graphAlert("s1", "2026-11-28T09:00:00Z", { evidence: [deviceEvidence("hp-01")] }),
      ]),
    );
    t.clock.set("2026-11-28T10:15:00Z");
    await sync();

    const client = new webApi.WebClient(slack.token, { slackApiUrl: slack.apiUrl, ...MESSENGER_CLIENT_OPTIONS });
    const dispatcher = createDispatcher({
      storage: t.storage,
      messengers: [createSlackMessenger(client)],
      clock: t.clock.now,
      log: silentLogger(),
    });
    for (let i = 0; i < 8; i++) {
      await dispatcher.tick();
      t.clock.advance(2_000);
    }

    const posts = slack.callsTo("chat.postMessage");
    const updates = slack.callsTo("chat.update");
    const rootTs = String([...slack.state.messages.values()][0]?.ts);
    expect(posts.map((p) => p.args.thread_ts ?? "root")).toEqual(["root", rootTs, rootTs]);
    expect(updates.map((u) => u.args.ts)).toEqual([rootTs]);
    const ping = posts.find((p) => String(p.args.text).includes("Honeypot"));
    expect(String(ping?.args.text)).toContain("<@U0DANA>");
    expect(String(ping?.args.text)).not.toContain("<!channel>");
    const mrkdwn = JSON.stringify(
      [...posts, ...updates].map((p) => [p.args.text, p.args.blocks]),
      (_k, v: unknown) =>
        v && typeof v === "object" && (v as { type?: string }).type === "plain_text" ? undefined : v,
    );
    expect(mrkdwn).toContain("Ransomware &lt;!channel&gt;");
    expect(mrkdwn).not.toContain("<!channel>");
    expect(mrkdwn).not.toContain("<https://evil.example");
    expect(posts.find((p) => String(p.args.text).includes("Severity raised"))?.args.thread_ts).toBe(rootTs);
    expect(slack.rejected).toEqual([]);
  });
});
