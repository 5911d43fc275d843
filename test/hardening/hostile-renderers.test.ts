/**
 * Every hostile string in every place untrusted text reaches a reply (task title, person name, fact,
 * list row, button and link, form label, incident title, file name and alert title), drawn by every
 * renderer, must stay inert and within limits; then the nastiest ones go end to end through the real
 * Slack app and the real Teams adapter, and the test reads what the fakes received.
 */
import { afterEach, describe, expect, it } from "vitest";
import { replyToConsole } from "../../adapters/console/render.js";
import { formToModal } from "../../adapters/slack/modal.js";
import { renderReply as renderSlack } from "../../adapters/slack/render.js";
import { renderReply as renderTeams } from "../../adapters/teams/render.js";
import { incidentCard } from "../../src/alerts/incident-card.js";
import { assetLine, changeLines } from "../../src/alerts/thread-messages.js";
import { taskCard, taskRow } from "../../commands/shared/task-views.js";
import type { Incident, IncidentAlert } from "../../src/domain/incident.js";
import type { Person } from "../../src/domain/person.js";
import type { Task } from "../../src/domain/task.js";
import { cardReply, type Reply } from "../../src/core/reply.js";
import type { Services } from "../../src/app/services.js";
import { allStrings, slackVisible, teamsVisible } from "../contract/extract.js";
import { lastPost } from "../slack/blocks.js";
import { startHarness } from "../slack/harness.js";
import { ADA, personal } from "../teams/activities.js";
import { startTeamsHarness } from "../teams/harness.js";
import { hostileStrings } from "../support/hostile-strings.js";
import { testEngine } from "../support/test-storage.js";
import { expectConsoleInert, expectSlackInert, expectTeamsInert, expectWellFormed, OUR_MENTION } from "./inert.js";

const PORTAL = "https://security.microsoft.com/incidents/7";
const TODAY = "2026-11-28";

function task(s: string): Task {
  return {
    workspace: "w",
    id: "S9-1",
    area: "S9",
    objective: "Hostile",
    title: s,
    detail: s,
    resources: [
      { title: s, url: PORTAL },
      { title: "Guide", url: s },
    ],
    position: 1,
    custom: true,
    ownerId: 1,
    ownerName: s,
    dueDate: "2026-12-01",
    status: "open",
    updatedAt: TODAY,
    completedAt: null,
    blockedReason: null,
    blockedAt: null,
    skipReason: null,
    removedAt: null,
  };
}

function incident(s: string): Incident {
  const alert: IncidentAlert = {
    id: "da1",
    title: s,
    severity: "high",
    status: "new",
    serviceSource: s,
    detectionSource: s,
    category: s,
    mitreTechniques: [s],
    evidence: [
      { kind: "file", value: s },
      { kind: "user", value: s },
      { kind: "device", value: s },
    ],
    createdAt: null,
    lastUpdateAt: "2026-11-28T09:00:00Z",
  };
  return {
    tenant: "t",
    id: "42",
    displayName: s,
    description: s,
    severity: "high",
    status: "active",
    classification: "unknown",
    determination: "unknown",
    assignedTo: s,
    webUrl: PORTAL,
    redirectIncidentId: null,
    customTags: [s],
    createdAt: null,
    lastUpdateAt: "2026-11-28T09:00:00Z",
    alerts: [alert],
  };
}

function lead(s: string, platform: keyof typeof OUR_MENTION): Person {
  return {
    id: 1,
    workspace: "w",
    platformUserId: OUR_MENTION[platform],
    displayName: s,
    email: null,
    role: "lead",
    timezone: "UTC",
    workStartHour: 9,
    workEndHour: 17,
    trainingOptOut: false,
    notify: "all",
    dateFormat: null,
  };
}

/** Every reply a hostile string can reach, for one platform (mentions carry that platform's id). */
function replies(s: string, platform: keyof typeof OUR_MENTION): [string, Reply][] {
  const hostileIncident = incident(s);
  const touch = {
    asset: { type: "device" as const, value: "decoy-01", label: s, mark: "honeypot" as const },
    evidence: { kind: "device" as const, value: s },
  };
  return [
    ["task card", cardReply(taskCard(task(s), TODAY))],
    [
      "task list",
      cardReply({
        title: "All tasks",
        subtitle: s,
        blocks: [{ type: "list", items: [taskRow(task(s), TODAY), { label: s, detail: s }] }],
      }),
    ],
    [
      "every slot",
      cardReply({
        title: s,
        subtitle: s,
        severity: "high",
        blocks: [
          {
            type: "text",
            spans: [
              s,
              { bold: s },
              { code: s },
              { link: { label: s, url: PORTAL } },
              { link: { label: "portal", url: s } },
            ],
          },
          { type: "facts", facts: [{ label: s, value: s }] },
          { type: "list", items: [{ label: s, detail: s }], empty: s },
          { type: "progress", label: s, done: 3, total: 7, note: s },
          { type: "image", alt: s, dataUri: s },
          {
            type: "actions",
            actions: [
              { kind: "button", actionId: "task.done", label: s, value: "S1-2" },
              { kind: "link", label: s, url: PORTAL },
              { kind: "link", label: "Open", url: s },
            ],
          },
          { type: "context", spans: [s, { link: { label: s, url: s } }] },
        ],
      }),
    ],
    [
      "mention",
      {
        kind: "text",
        visibility: "conversation",
        spans: [
          s,
          " ",
          { mention: { platformUserId: OUR_MENTION[platform], name: s } },
          " ",
          { link: { label: s, url: PORTAL } },
          s,
        ],
      },
    ],
    [
      "text",
      { kind: "text", visibility: "requester", spans: [s, { bold: s }, { code: s }, { link: { label: s, url: s } }] },
    ],
    [
      "form",
      {
        kind: "form",
        visibility: "requester",
        fallback: [s],
        form: {
          actionId: "task.assign",
          title: s,
          submitLabel: s,
          value: "S1-2",
          fields: [
            { id: "task", label: s, kind: "choice", options: [{ value: "S1-2", label: s }] },
            { id: "owner", label: s, kind: "person" },
            { id: "note", label: s, kind: "text", initial: s },
          ],
        },
      },
    ],
    ["incident card", cardReply(incidentCard(hostileIncident, [touch], "graph"), "conversation")],
    ...changeLines(
      hostileIncident,
      [
        { kind: "alert-added", alert: hostileIncident.alerts[0] as IncidentAlert },
        { kind: "field", field: "assignedTo", from: null, to: s },
      ],
      s,
    ).map((l): [string, Reply] => [`thread line ${l.identity}`, l.reply]),
    ["honeypot line", assetLine(touch, [lead(s, platform)]).reply],
  ];
}

describe("hostile text over every renderer", () => {
  const strings = hostileStrings();

  it("has at least 100 hostile strings, including broken UTF-16 and 100 KB strings", () => {
    expect(strings.length).toBeGreaterThanOrEqual(100);
    expect(strings.some((s) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(s))).toBe(true);
    expect(strings.some((s) => s.length >= 100_000)).toBe(true);
  });

  it("keeps every string inert and within limits in Block Kit messages and modals", () => {
    for (const [i, s] of strings.entries()) {
      for (const [what, reply] of replies(s, "slack")) {
        const where = `slack #${i} ${what}`;
        expectSlackInert(renderSlack(reply), reply, "message", where);
        if (reply.kind === "card")
          expectSlackInert(
            { type: "home", blocks: renderSlack(reply, "home").blocks },
            reply,
            "view",
            `${where} (home)`,
          );
        if (reply.kind === "form")
          expectSlackInert(
            formToModal(reply.form, { value: reply.form.value, replace: false }),
            reply,
            "view",
            `${where} (modal)`,
          );
      }
    }
  });

  it("keeps every string inert and within limits in Adaptive Cards", () => {
    for (const [i, s] of strings.entries()) {
      for (const [what, reply] of replies(s, "teams"))
        expectTeamsInert(renderTeams(reply), reply, `teams #${i} ${what}`);
    }
  });

  it("keeps every string free of escapes, controls, bidi overrides and broken UTF-16 on the console", () => {
    for (const [i, s] of strings.entries()) {
      for (const [what, reply] of replies(s, "teams"))
        expectConsoleInert(replyToConsole(reply).text, `console #${i} ${what}`);
    }
  });

  it("turns broken UTF-16 into U+FFFD on every platform", () => {
    const reply: Reply = cardReply({
      title: "lone \ud800 high",
      blocks: [
        { type: "facts", facts: [{ label: "File", value: "x\udfffy.exe" }] },
        { type: "actions", actions: [{ kind: "button", actionId: "task.done", label: "\udc00\ud800", value: "S1-2" }] },
      ],
    });
    const texts = [
      ...allStrings(renderSlack(reply)),
      ...allStrings(renderTeams(reply)),
      replyToConsole(reply).text,
    ].join("\n");
    expect(texts).toContain("lone \ufffd high");
    expect(texts).toContain("x\ufffdy.exe");
    expectWellFormed(renderSlack(reply), "slack");
    expectWellFormed(renderTeams(reply), "teams");
  });
});

describe("the nastiest strings end to end", () => {
  // PostgreSQL text cannot hold NUL at all, so there the stored title carries another C0 control in its place.
  const NUL = testEngine() === "postgres" ? "\u0001" : "\u0000";
  const TITLES = [
    "<!channel> <@UADMIN> <https://evil.example|https://security.microsoft.com/incidents/1> &lt;!here&gt;",
    '<at>Everyone</at> [Open portal](https://evil.example) **boss** "}]},{"type":"Action.OpenUrl","url":"https://evil.example"',
    `Invoice\u202efdp.exe ${NUL} \u001b[2J lone \ud800 high`,
    "x".repeat(100_000),
  ];
  const NAME = "<!here> Mallory <at>Everyone</at> [Admin](https://evil.example) \u202eexe.txt";
  const noLinks: Reply = { kind: "text", spans: [], visibility: "requester" };
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  /** Adds the hostile tasks to area S2, owned by a person with a hostile name. */
  async function plant(services: Services, workspace: string, platformUserId: string, now: Date): Promise<void> {
    const owner = await services.people.upsert(workspace, {
      platform: platformUserId.startsWith("U") ? "slack" : "teams",
      userId: platformUserId,
      displayName: NAME,
    });
    for (const title of TITLES)
      await services.tasks.update(
        workspace,
        await services.tasks.addCustom(workspace, "S2", "Team tasks", title, now),
        { ownerId: owner.id },
        now,
      );
  }

  it("shows them inert through the real Slack app, and Slack accepts every message", async () => {
    const h = await startHarness();
    close = () => h.close();
    await h.command("help");
    await plant(h.services, "slack:T0FAKE", "UEVIL01", new Date("2026-11-28T10:00:00Z"));
    for (const command of ["tasks", "tasks S2"]) {
      const post = lastPost(h.fake, (await h.command(command)).responseUrl);
      expectSlackInert(post, noLinks, "message", `slack ${command}`);
    }
    expect(h.fake.rejected).toEqual([]);
    const shown = slackVisible(lastPost(h.fake, (await h.command("tasks S2")).responseUrl));
    // A list line shows a title's first 41 characters, then "…" (`task <id>` shows it whole).
    expect(shown).toContain(`${TITLES[0]?.slice(0, 41)}…`);
    expect(shown).toContain(`${TITLES[1]?.slice(0, 41)}…`);
    expect(shown).toMatch(/Invoice\ufffdfdp\.exe \ufffd \ufffd\[2J lone \ufffd+ high/);
    expect(shown).toMatch(/x{41}…/);
    expect(shown).toContain("<!here> Mallory <at>Everyone</at> [Admin](https://evil.example) \ufffdexe.txt");
  });

  it("shows them inert through the real Teams adapter, and the card stays under Teams' size limit", async () => {
    const h = await startTeamsHarness();
    close = () => h.close();
    await h.post(personal(h.connector.serviceUrl, ADA, "help"));
    await plant(h.services, h.workspace, "29:1evil-mri", h.clock.now());
    for (const command of ["tasks", "tasks S2"]) {
      expect((await h.post(personal(h.connector.serviceUrl, ADA, command))).status).toBe(200);
      const call = h.last();
      expect(call?.status).toBe(201);
      expectTeamsInert(call?.body as never, noLinks, `teams ${command}`);
    }
    const shown = teamsVisible(h.card(h.last()));
    // A list line shows a title's first 41 characters, then "…" (`task <id>` shows it whole).
    expect(shown).toContain(`${TITLES[0]?.slice(0, 41)}…`);
    expect(shown).toContain(`${TITLES[1]?.slice(0, 41)}…`);
    expect(shown).toMatch(/Invoice\ufffdfdp\.exe \ufffd \ufffd\[2J lone \ufffd+ high/);
    expect(shown).toMatch(/x{41}…/);
    expect(shown).toContain("<!here> Mallory <at>Everyone</at> [Admin](https://evil.example) \ufffdexe.txt");
  });
});
