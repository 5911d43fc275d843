/**
 * The renderer contract: one set of neutral replies covering every block and span type, drawn by the
 * Block Kit, Adaptive Card and console renderers. Each platform must show the same content (title,
 * facts, rows or an honest "…and N more", buttons, progress), stay within its limits and never throw.
 * Where a platform legitimately differs (capabilities, mention syntax, forms), the test says so.
 */
import { describe, expect, it } from "vitest";
import { replyToConsole } from "../../adapters/console/render.js";
import { SLACK_CAPABILITIES } from "../../adapters/slack/profile.js";
import { formToModal } from "../../adapters/slack/modal.js";
import { renderReply as renderSlack, type SlackMessage } from "../../adapters/slack/render.js";
import { activityBytes } from "../../adapters/teams/limits.js";
import { TEAMS_CAPABILITIES } from "../../adapters/teams/profile.js";
import { renderReply as renderTeams, type TeamsMessage } from "../../adapters/teams/render.js";
import type { Block, Card, Form, Reply, Span } from "../../src/core/reply.js";
import { blockProblems, viewProblems } from "../fakes/block-kit-rules.js";
import { allStrings, slackLinks, slackVisible, teamsLinks, teamsVisible, walk } from "./extract.js";

const PORTAL = "https://security.microsoft.com/incidents/42?tid=contoso";
const RUNBOOK = "https://learn.microsoft.com/defender-xdr/runbook";
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const FACTS = Array.from({ length: 12 }, (_, i) => ({ label: `Fact label ${i}`, value: `fact value ${i} & more` }));
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    label: `ROW-${String(i).padStart(4, "0")} Turn on protection ${i}`,
    detail: `owner ${i} · due 2026-12-01 · open`,
  }));
const BUTTONS = ["Start", "Done", "Snooze a week", "Reassign"];

/** A card with every block type and span type (mention spans are added per platform, with that platform's ids). */
function fullCard(mention?: Span): Card {
  const blocks: Block[] = [
    {
      type: "text",
      spans: [
        "Plain & simple <text> ",
        { bold: "bold part" },
        " and ",
        { code: "code part" },
        " see ",
        { link: { label: "the runbook", url: RUNBOOK } },
        ...(mention ? [" for ", mention] : []),
      ],
    },
    { type: "facts", facts: FACTS },
    { type: "list", items: rows(5) },
    { type: "progress", label: "Adoption progress", done: 3, total: 7, note: "2 overdue" },
    { type: "divider" },
    { type: "image", alt: "Alerts per day chart", dataUri: PNG },
    {
      type: "actions",
      actions: [
        { kind: "button", actionId: "task.start", label: "Start", value: "S1-2" },
        { kind: "button", actionId: "task.done", label: "Done", value: "S1-2", style: "primary" },
        { kind: "button", actionId: "task.snooze", label: "Snooze a week", value: "S1-2" },
        { kind: "button", actionId: "task.reassign", label: "Reassign", value: "S1-2", style: "danger" },
        { kind: "link", label: "Open in Defender", url: PORTAL },
      ],
    },
    { type: "context", spans: ["Updated 2026-11-28 10:00 UTC · demo data"] },
  ];
  return { title: "Weekly SecOps status", subtitle: "Contoso · week 48", severity: "high", blocks };
}

const FORM: Form = {
  actionId: "task.assign",
  title: "Assign a task",
  submitLabel: "Assign",
  value: "S1-2",
  fields: [
    {
      id: "task",
      label: "Which task",
      kind: "choice",
      options: [
        { value: "S1-2", label: "S1-2 Turn on MFA" },
        { value: "S1-3", label: "S1-3 Block legacy auth" },
      ],
      initial: "S1-2",
    },
    { id: "owner", label: "New owner", kind: "person" },
    { id: "due", label: "Due date", kind: "date", optional: true },
    { id: "note", label: "Note for the owner", kind: "text", optional: true },
  ],
};
const FORM_REPLY: Reply = {
  kind: "form",
  form: FORM,
  fallback: ["Type ", { code: "assign S1-2 @person" }, " to assign."],
  visibility: "requester",
};

interface Drawn {
  slack: SlackMessage;
  teams: TeamsMessage;
  console: string;
}

/** Renders a reply on all three platforms; `forPlatform` lets mention ids follow each platform's people table. */
function draw(build: (platform: "slack" | "teams" | "console") => Reply): Drawn {
  return {
    slack: renderSlack(build("slack")),
    teams: renderTeams(build("teams")),
    console: replyToConsole(build("console")).text,
  };
}

/** The visible text on each platform, without the bold and code marks Slack and the console draw with `*` and backticks. */
function visible(d: Drawn): Record<keyof Drawn, string> {
  const unmark = (text: string) => text.replace(/[*`]/g, "");
  return { slack: unmark(slackVisible(d.slack)), teams: teamsVisible(d.teams), console: unmark(d.console) };
}

const MENTION_IDS = { slack: "UDANA01", teams: "d0000000-0000-4000-8000-000000000002", console: "dana" } as const;
const mention = (p: keyof typeof MENTION_IDS): Span => ({
  mention: { platformUserId: MENTION_IDS[p], name: "Dana Lee" },
});

/** Slack's published Block Kit limits and Teams' size and version, checked on every output. */
function expectWithinLimits(d: Drawn): void {
  expect(blockProblems(d.slack.blocks, "message")).toEqual([]);
  expect(d.slack.blocks.length).toBeLessThanOrEqual(50);
  expect(d.slack.text.length).toBeGreaterThan(0);
  expect(d.slack.text.length).toBeLessThanOrEqual(40_000);
  walk(d.slack.blocks, (o) => {
    if (o.type === "header") expect(String((o.text as { text: string }).text).length).toBeLessThanOrEqual(150);
    if (o.type === "section" && o.text)
      expect(String((o.text as { text: string }).text).length).toBeLessThanOrEqual(3000);
    if (o.type === "section" && Array.isArray(o.fields)) {
      expect(o.fields.length).toBeLessThanOrEqual(10);
      for (const f of o.fields as { text: string }[]) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (o.type === "button") {
      expect((o.text as { text: string }).text.length).toBeLessThanOrEqual(75);
      expect(String(o.value ?? "").length).toBeLessThanOrEqual(2000);
      expect(String(o.action_id).length).toBeLessThanOrEqual(255);
    }
  });
  const json = JSON.stringify(d.teams);
  expect(Math.max(Buffer.byteLength(json, "utf8"), json.length * 2)).toBeLessThan(80 * 1024);
  expect(activityBytes(d.teams)).toBeLessThan(80 * 1024);
  expect(d.teams.attachments).toHaveLength(1);
  expect(d.teams.attachments[0]?.content).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
  expect(JSON.parse(JSON.stringify(d.slack))).toEqual(d.slack);
  expect(JSON.parse(json)).toEqual(d.teams);
}

describe("renderer contract: the same content on every platform", () => {
  const drawn = draw((p) => ({ kind: "card", card: fullCard(mention(p)), visibility: "conversation" }));
  const seen = visible(drawn);

  it.each(["slack", "teams", "console"] as const)(
    "%s shows the title, subtitle, severity, every fact, row, button and the progress numbers",
    (platform) => {
      const text = seen[platform];
      expect(text).toContain("Weekly SecOps status");
      expect(text).toContain("Contoso · week 48");
      expect(text.toLowerCase()).toContain("high");
      expect(text).toContain("Plain & simple <text> ");
      expect(text).toContain("bold part");
      expect(text).toContain("code part");
      for (const f of FACTS) {
        expect(text).toContain(f.label);
        expect(text).toContain(f.value);
      }
      for (const r of rows(5)) {
        expect(text).toContain(r.label);
        expect(text).toContain(r.detail);
      }
      expect(text).toContain("Adoption progress");
      expect(text).toMatch(/43% \(3\/7\)/);
      expect(text).toContain("2 overdue");
      for (const label of [...BUTTONS, "Open in Defender", "the runbook"]) expect(text).toContain(label);
      expect(text).toContain("Updated 2026-11-28 10:00 UTC · demo data");
      expect(text).toContain("Alerts per day chart");
      expect(text).not.toMatch(/…and \d+ more/);
    },
  );

  it.each([
    ["with a mention (Teams markdown text)", drawn],
    [
      "without a mention (Teams text runs)",
      draw(() => ({ kind: "card", card: fullCard(), visibility: "conversation" })),
    ],
  ])("links only to the reply's own URLs, showing the real address beside each label, %s", (_what, d) => {
    const shown = visible(d);
    expect(new Set(slackLinks(d.slack))).toEqual(new Set([RUNBOOK, PORTAL]));
    expect(shown.slack).toContain(`the runbook (${RUNBOOK})`);
    expect(shown.slack).toContain("Open in Defender (security.microsoft.com)");
    const teams = teamsLinks(d.teams);
    expect(new Set(teams.map((l) => l.url))).toEqual(new Set([RUNBOOK, PORTAL]));
    for (const link of teams) expect(link.shown).toContain(new URL(link.url).host);
    expect(shown.teams).toContain(`the runbook (${RUNBOOK})`);
    expect(shown.teams).toContain("Open in Defender (security.microsoft.com)");
    expect(shown.console).toContain(`the runbook <${RUNBOOK}>`);
    expect(shown.console).toContain(`Open in Defender <${PORTAL}>`);
  });

  it("pings the mentioned person in each platform's own way", () => {
    expect(drawn.slack.blocks.some((b) => b.type === "section" && b.text?.text.includes("<@UDANA01>"))).toBe(true);
    const card = drawn.teams.attachments[0]?.content as unknown as { msteams: { entities?: unknown[] } };
    expect(card.msteams.entities).toEqual([
      { type: "mention", text: "<at>Dana Lee</at>", mentioned: { id: MENTION_IDS.teams, name: "Dana Lee" } },
    ]);
    expect(seen.teams).toContain("@Dana Lee");
    expect(seen.console).toContain("@Dana Lee");
  });

  it("differs where the platforms do: Slack has no card images, Teams has no ephemeral replies", () => {
    expect(SLACK_CAPABILITIES.images).toBe(false);
    expect(allStrings(drawn.slack)).not.toContain(PNG);
    expect(seen.slack).toContain("[image: Alerts per day chart]");
    expect(TEAMS_CAPABILITIES.images).toBe(true);
    const images: unknown[] = [];
    walk(drawn.teams, (o) => void (o.type === "Image" && images.push(o)));
    expect(images).toMatchObject([{ type: "Image", url: PNG, altText: "Alerts per day chart" }]);
    expect(seen.console).toContain("[image: Alerts per day chart]");

    expect(SLACK_CAPABILITIES.ephemeral).toBe(true);
    expect(TEAMS_CAPABILITIES.ephemeral).toBe(false);
    const privately = draw((p) => ({ kind: "card", card: fullCard(mention(p)), visibility: "requester" }));
    expect(privately.teams).toEqual(drawn.teams);
    expect(privately.slack).toEqual(drawn.slack);
    expect(privately.console).toEqual(drawn.console);
  });

  it("stays within every platform's limits", () => {
    expectWithinLimits(drawn);
  });
});

describe("renderer contract: long lists", () => {
  const rowNumbers = (text: string) => [...new Set([...text.matchAll(/ROW-(\d{4})/g)].map((m) => Number(m[1])))];
  const more = (text: string) => Number(/…and (\d+) more(?! characters)/.exec(text)?.[1] ?? 0);

  it.each([12, 50, 120, 2000])(
    "with %i rows, each platform shows the first rows in order and counts every row it left out",
    (n) => {
      const drawn = draw(() => ({
        kind: "card",
        card: { title: "All tasks", subtitle: `${n} tasks`, blocks: [{ type: "list", items: rows(n) }] },
        visibility: "requester",
      }));
      expectWithinLimits(drawn);
      for (const [platform, text] of Object.entries(visible(drawn))) {
        const shown = rowNumbers(text);
        expect(shown, platform).toEqual(Array.from({ length: shown.length }, (_, i) => i));
        expect(shown.length + more(text), platform).toBe(n);
        if (shown.length === n) expect(text, platform).not.toMatch(/…and \d+ more/);
      }
      // The console has no size limit, so it lists every row; the chat platforms cap by their own limits.
      expect(rowNumbers(drawn.console)).toHaveLength(n);
      if (n <= 50) for (const text of Object.values(visible(drawn))) expect(rowNumbers(text)).toHaveLength(n);
    },
  );

  it("shows an empty list's message everywhere", () => {
    const drawn = draw(() => ({
      kind: "card",
      card: { title: "Overdue", blocks: [{ type: "list", items: [], empty: "Nothing is overdue." }] },
      visibility: "requester",
    }));
    for (const text of Object.values(visible(drawn))) expect(text).toContain("Nothing is overdue.");
  });
});

describe("renderer contract: text replies and forms", () => {
  it("shows a text reply's spans on every platform", () => {
    const drawn = draw((p) => ({
      kind: "text",
      spans: [
        "Assigned ",
        { bold: "S1-2" },
        " to ",
        mention(p),
        "; usage: ",
        { code: "assign <task> @person" },
        " · ",
        { link: { label: "docs", url: RUNBOOK } },
      ],
      visibility: "conversation",
    }));
    expectWithinLimits(drawn);
    const seen = visible(drawn);
    for (const text of Object.values(seen)) {
      expect(text).toContain("Assigned S1-2 to ");
      expect(text).toContain("; usage: assign <task> @person");
      expect(text).toContain("docs");
    }
    expect(seen.slack).toContain("@UDANA01");
    expect(seen.teams).toContain("@Dana Lee");
    expect(seen.console).toContain("@Dana Lee");
  });

  it("keeps bold spans bold in Slack when they carry spaces or line breaks (Slack bolds only `*x*` hugging its text)", () => {
    const slack = renderSlack({
      kind: "text",
      spans: [{ bold: "Assigned to " }, "Dana · ", { bold: " two\nlines " }],
      visibility: "requester",
    });
    expect(slack.blocks[0]).toMatchObject({ type: "section", text: { text: "*Assigned to* Dana ·  *two*\n*lines* " } });
  });

  it("draws a form as a Slack modal and a Teams input card with the same fields; messages and the console show the typed command", () => {
    const modal = formToModal(FORM, { value: "S1-2", replace: false });
    expect(viewProblems(modal)).toEqual([]);
    const drawn = draw(() => FORM_REPLY);
    expectWithinLimits(drawn);
    const slackModal = slackVisible(modal);
    const teams = teamsVisible(drawn.teams);
    for (const text of [slackModal, teams]) {
      for (const s of [
        "Assign a task",
        "Assign",
        "Which task",
        "New owner",
        "Due date",
        "Note for the owner",
        "S1-2 Turn on MFA",
        "S1-3 Block legacy auth",
      ])
        expect(text).toContain(s);
    }
    const inputs: string[] = [];
    walk(drawn.teams, (o) => void (typeof o.type === "string" && o.type.startsWith("Input.") && inputs.push(o.type)));
    // The people picker carries an Input.Text fallback (for hosts without choice sets).
    expect(inputs).toEqual(["Input.ChoiceSet", "Input.ChoiceSet", "Input.Text", "Input.Date", "Input.Text"]);
    expect(modal.blocks.map((b) => ("element" in b ? b.element.type : b.type))).toEqual([
      "static_select",
      "users_select",
      "datepicker",
      "plain_text_input",
    ]);
    expect(visible(drawn).slack).toContain("Type assign S1-2 @person to assign.");
    expect(drawn.console).toBe("Type `assign S1-2 @person` to assign.");
  });
});

describe("renderer contract: nothing throws, whatever the reply holds", () => {
  const odd: Reply[] = [
    { kind: "card", card: { title: "", blocks: [] }, visibility: "requester" },
    { kind: "text", spans: [], visibility: "requester" },
    {
      kind: "text",
      spans: [
        "",
        { bold: "" },
        { code: "" },
        { link: { label: "", url: "" } },
        { mention: { platformUserId: "", name: "" } },
      ],
      visibility: "requester",
    },
    ...[
      [0, 0],
      [5, 0],
      [9, 3],
      [-4, 7],
      [Number.NaN, 7],
      [Number.POSITIVE_INFINITY, 7],
      [3, Number.POSITIVE_INFINITY],
      [1e12, 1e12 + 1],
    ].map(([done, total]): Reply => ({
      kind: "card",
      card: { title: "Progress", blocks: [{ type: "progress", label: "", done: done ?? 0, total: total ?? 0 }] },
      visibility: "requester",
    })),
    {
      kind: "card",
      card: {
        title: "Odd",
        blocks: [
          { type: "image", alt: "", dataUri: "" },
          { type: "actions", actions: [] },
          { type: "facts", facts: [] },
          { type: "list", items: [] },
          { type: "context", spans: [] },
          { type: "text", spans: [] },
        ],
      },
      visibility: "requester",
    },
    {
      kind: "card",
      card: {
        title: "Many blocks",
        blocks: Array.from({ length: 500 }, (_, i): Block =>
          i % 2 ? { type: "divider" } : { type: "facts", facts: FACTS },
        ),
      },
      visibility: "requester",
    },
    {
      kind: "card",
      card: {
        title: "Many buttons",
        blocks: [
          {
            type: "actions",
            actions: Array.from({ length: 300 }, (_, i) => ({
              kind: "button" as const,
              actionId: "task.done",
              label: `Done ${i}`,
              value: `S1-${i}`,
            })),
          },
        ],
      },
      visibility: "requester",
    },
    {
      kind: "form",
      form: {
        actionId: "x",
        title: "",
        submitLabel: "",
        value: "",
        fields: [
          { id: "c", label: "", kind: "choice", options: [] },
          ...Array.from({ length: 150 }, (_, i) => ({ id: `f${i}`, label: `Field ${i}`, kind: "text" as const })),
        ],
      },
      fallback: [],
      visibility: "requester",
    },
  ];

  it("renders every odd reply on every platform within limits", () => {
    for (const reply of odd) {
      const drawn = draw(() => reply);
      expectWithinLimits(drawn);
      if (reply.kind === "form")
        expect(viewProblems(formToModal(reply.form, { value: "", replace: false }))).toEqual([]);
    }
  });

  it("keeps the console's progress bar whole for counts outside 0…total", () => {
    for (const [done, total] of [
      [9, 3],
      [-4, 7],
      [Number.POSITIVE_INFINITY, 7],
    ] as const) {
      const text = replyToConsole({
        kind: "card",
        card: { title: "P", blocks: [{ type: "progress", label: "Done", done, total }] },
        visibility: "requester",
      }).text;
      expect(text).toMatch(/\[[#-]{20}\]/);
    }
  });
});
