import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/teams/render.js";
import { activityBytes, TEAMS_LIMITS } from "../../adapters/teams/limits.js";
import type { Card, Reply } from "../../src/core/reply.js";
import { unescapedMarkdown } from "../hardening/inert.js";
import { hostileStrings } from "../support/hostile-strings.js";

const ALLOWED_TYPES = new Set([
  "AdaptiveCard",
  "RichTextBlock",
  "TextRun",
  "TextBlock",
  "FactSet",
  "ActionSet",
  "Action.Submit",
  "Action.OpenUrl",
  "Image",
  "Input.ChoiceSet",
  "Input.Text",
  "Input.Date",
  "Data.Query",
  "mention",
]);

function hostileCard(s: string): Card {
  return {
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
          { link: { label: s, url: "https://security.microsoft.com/incidents/1" } },
          { link: { label: "portal", url: s } },
        ],
      },
      { type: "facts", facts: [{ label: s, value: s }] },
      { type: "list", items: [{ label: s, detail: s }] },
      { type: "progress", label: s, done: 3, total: 7, note: s },
      { type: "divider" },
      { type: "context", spans: [s] },
      { type: "image", alt: s, dataUri: s },
      {
        type: "actions",
        actions: [
          { kind: "button", actionId: "task.done", label: s, value: s },
          { kind: "link", label: s, url: s },
        ],
      },
    ],
  };
}

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== "object") return;
  visit(node as Record<string, unknown>);
  Object.values(node).forEach((v) => walk(v, visit));
}

function checkInert(reply: Reply, mentions = false): void {
  const message = renderReply(reply);
  expect(JSON.parse(JSON.stringify(message))).toEqual(message);
  expect(message.attachments).toHaveLength(1);
  expect(activityBytes(message)).toBeLessThanOrEqual(TEAMS_LIMITS.maxActivityBytes);
  const card = (message.attachments[0]?.content ?? {}) as Record<string, unknown>;
  if (!mentions) expect(card.msteams).toEqual({ width: "Full" });
  const ours = ((card.msteams as { entities?: { text: string }[] }).entities ?? []).map((e) => e.text);
  const withoutOurMentions = (text: string) =>
    ours.reduce((t, m) => t.replace(new RegExp(`(?<!\\\\)${m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "g"), ""), text);
  walk(card, (o) => {
    if (typeof o.type === "string") expect(ALLOWED_TYPES.has(o.type), `element type ${o.type.slice(0, 40)}`).toBe(true);
    if (o.type === "TextBlock") expect(unescapedMarkdown(withoutOurMentions(String(o.text)))).toEqual([]);
    if (o.type === "FactSet")
      for (const f of o.facts as { title: string; value: string }[])
        expect([...unescapedMarkdown(f.title), ...unescapedMarkdown(f.value)]).toEqual([]);
    if (o.type === "TextRun")
      expect(String(o.text)).not.toMatch(
        /[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
      );
    if (o.type === "Action.OpenUrl") expect(String(o.url)).toMatch(/^https?:\/\//);
    if (o.type === "Image") expect(String(o.url)).toMatch(/^data:image\/(png|jpeg|gif);base64,/);
  });
}

describe("Teams renderer: hostile text is inert", () => {
  const strings = hostileStrings();

  it("has over 100 hostile strings to try", () => {
    expect(strings.length).toBeGreaterThan(100);
  });

  it("renders every hostile string in every block as plain, valid card JSON within the size limit", () => {
    for (const s of strings) {
      checkInert({ kind: "card", card: hostileCard(s), visibility: "conversation" });
      checkInert({ kind: "text", spans: [s, { bold: s }], visibility: "requester" });
      checkInert({
        kind: "form",
        visibility: "requester",
        fallback: [s],
        form: {
          actionId: "task.assign",
          title: s,
          submitLabel: s,
          value: s,
          fields: [
            { id: "task", label: s, kind: "choice", options: [{ value: s, label: s }] },
            { id: "owner", label: s, kind: "person" },
            { id: "note", label: s, kind: "text", initial: s },
          ],
        },
      });
      checkInert(
        {
          kind: "text",
          spans: [s, { mention: { platformUserId: "d0000000-0000-4000-8000-000000000002", name: s } }, s],
          visibility: "conversation",
        },
        true,
      );
    }
  });

  it("shows a disguised link, a mention tag and card JSON literally in a TextRun", () => {
    const s = '<at>Everyone</at> [Open portal](https://evil.example) & <b>x</b> "}]}, {"type":"Action.OpenUrl"';
    const card = renderReply({ kind: "text", spans: [s], visibility: "requester" }).attachments[0]
      ?.content as unknown as { body: { inlines: { text: string }[] }[] };
    expect(card.body[0]?.inlines[0]?.text).toBe(s);
    expect(JSON.stringify(card)).not.toContain('evil.example"');
  });

  it("escapes markdown in facts so a fact cannot become a link, bold text or a mention", () => {
    const card = renderReply({
      kind: "card",
      visibility: "requester",
      card: {
        title: "t",
        blocks: [
          {
            type: "facts",
            facts: [{ label: "Owner", value: "[Admin](https://evil.example) **boss** <at>Everyone</at>" }],
          },
        ],
      },
    });
    const facts = JSON.stringify(card);
    expect(facts).toContain("\\\\[Admin\\\\](https://evil.example) \\\\*\\\\*boss\\\\*\\\\* \\\\<at>Everyone\\\\</at>");
  });

  it("pings only the person a reply names, through an entity whose text the hostile text cannot match", () => {
    const card = renderReply({
      kind: "text",
      visibility: "conversation",
      spans: [
        "<at>Dana</at> ",
        { mention: { platformUserId: "d0000000-0000-4000-8000-000000000002", name: "Dana" } },
        " is due",
      ],
    }).attachments[0]?.content;
    expect(card?.msteams).toEqual({
      width: "Full",
      entities: [
        {
          type: "mention",
          text: "<at>Dana</at>",
          mentioned: { id: "d0000000-0000-4000-8000-000000000002", name: "Dana" },
        },
      ],
    });
    expect((card?.body as { text: string }[])[0]?.text).toBe("\\<at>Dana\\</at> <at>Dana</at> is due");
  });
});

describe("Teams renderer: limits", () => {
  it("caps a long list with '…and N more' and stays under 80 KB", () => {
    const items = Array.from({ length: 500 }, (_, i) => ({
      label: `T-${i} ${"long title ".repeat(20)}`,
      detail: "owner · due 2026-12-01 · open",
    }));
    const message = renderReply({
      kind: "card",
      visibility: "requester",
      card: { title: "All tasks", blocks: [{ type: "list", items }] },
    });
    const text = JSON.stringify(message);
    expect(text).toContain("…and 450 more");
    expect(text).toContain("T-49 ");
    expect(text).not.toContain("T-50 ");
    expect(activityBytes(message)).toBeLessThanOrEqual(TEAMS_LIMITS.maxActivityBytes);
  });

  it("shrinks further when capped parts still do not fit, and says how much was cut", () => {
    const huge = "y".repeat(2900);
    const items = Array.from({ length: 300 }, (_, i) => ({ label: `row ${i} ${huge}`, detail: huge }));
    const facts = Array.from({ length: 80 }, (_, i) => ({ label: `fact ${i}`, value: huge }));
    const message = renderReply({
      kind: "card",
      visibility: "requester",
      card: {
        title: "Big",
        blocks: [
          { type: "list", items },
          { type: "facts", facts },
        ],
      },
    });
    expect(activityBytes(message)).toBeLessThanOrEqual(TEAMS_LIMITS.maxActivityBytes);
    expect(JSON.stringify(message)).toMatch(/…and \d+ more/);
  });
});
