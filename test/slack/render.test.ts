/** The pure Block Kit renderer: every limit holds whatever the reply holds, overflow is announced, hostile text is inert. */
import { describe, expect, it } from "vitest";
import { formToModal } from "../../adapters/slack/modal.js";
import { renderReply } from "../../adapters/slack/render.js";
import type { Card, Reply } from "../../src/core/reply.js";
import { blockProblems, viewProblems } from "../fakes/block-kit-rules.js";
import { allText, buttons, parsedTexts } from "./blocks.js";

const card = (c: Partial<Card>): Reply => ({
  kind: "card",
  visibility: "requester",
  card: { title: "T", blocks: [], ...c },
});
const rows = (n: number, detail = "owner · due 2026-12-01 · open") =>
  Array.from({ length: n }, (_, i) => ({ label: `ROW-${i} a task title of moderate length`, detail }));
const shownRows = (text: string) => new Set(text.match(/ROW-\d+/g)).size;
const more = (text: string) => Number(/…and (\d+) more(?! characters)/.exec(text)?.[1] ?? 0);
const HOSTILE =
  "<!channel> <!here> <@U0ADMIN> <!subteam^S1|@sec> <https://evil.example|https://security.microsoft.com> & *bold* `code`";
const DANGEROUS = /<!|<@|<https?:|<mailto:/;

describe("Block Kit renderer limits", () => {
  it.each([
    ["message", 50, 600],
    ["home", 100, 3000],
  ] as const)("keeps a long list within a %s's %i blocks and says how many more there are", (surface, max, n) => {
    const out = renderReply(
      card({
        title: "All tasks",
        subtitle: `${n} tasks`,
        blocks: [
          { type: "list", items: rows(n) },
          { type: "actions", actions: [{ kind: "button", actionId: "x.y", label: "Go", value: "1" }] },
        ],
      }),
      surface,
    );
    expect(out.blocks.length).toBeLessThanOrEqual(max);
    expect(blockProblems(out.blocks, surface === "message" ? "message" : "view")).toEqual([]);
    const text = allText(out.blocks);
    expect(more(text)).toBeGreaterThan(0);
    expect(shownRows(text) + more(text)).toBe(n);
    expect(buttons(out.blocks)).toHaveLength(1);
  });

  it("shows a short list whole, without an overflow note", () => {
    const text = allText(renderReply(card({ blocks: [{ type: "list", items: rows(12) }] })).blocks);
    expect(shownRows(text)).toBe(12);
    expect(text).not.toContain("…and");
  });

  it("splits facts ten to a section and clips long values, saying how much was cut", () => {
    const facts = Array.from({ length: 25 }, (_, i) => ({ label: `F${i}`, value: "v".repeat(5000) }));
    const out = renderReply(card({ blocks: [{ type: "facts", facts }] }));
    expect(blockProblems(out.blocks, "message")).toEqual([]);
    expect(out.blocks.filter((b) => b.type === "section")).toHaveLength(3);
    expect(allText(out.blocks)).toMatch(/…and \d+ more characters/);
  });

  it("clips text, titles, labels and values to their limits, and drops (and reports) buttons Slack would refuse", () => {
    const actions = [
      ...Array.from({ length: 60 }, (_, i) => ({
        kind: "button" as const,
        actionId: "task.done",
        label: "L".repeat(200),
        value: `S1-${i}`,
      })),
      { kind: "button" as const, actionId: "a".repeat(300), label: "too long id", value: "1" },
      { kind: "link" as const, label: "bad", url: "javascript:alert(1)" },
    ];
    const out = renderReply(
      card({
        title: "H".repeat(400),
        blocks: [
          { type: "text", spans: ["x".repeat(10_000)] },
          { type: "actions", actions },
        ],
      }),
    );
    expect(blockProblems(out.blocks, "message")).toEqual([]);
    expect(buttons(out.blocks)).toHaveLength(60);
    expect(allText(out.blocks)).toMatch(/2 links not shown/);
    expect(out.text.length).toBeGreaterThan(0);
    expect(out.text.length).toBeLessThanOrEqual(3000);
  });

  it("bounds a card with more fixed blocks than a message holds", () => {
    const out = renderReply(card({ blocks: Array.from({ length: 80 }, () => ({ type: "divider" as const })) }));
    expect(out.blocks).toHaveLength(50);
    expect(allText(out.blocks)).toMatch(/…and 32 more blocks not shown/);
  });

  it("never splits an emoji when clipping", () => {
    const out = renderReply(card({ blocks: [{ type: "text", spans: ["🔥".repeat(3000)] }] }));
    const text = allText(out.blocks);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(blockProblems(out.blocks, "message")).toEqual([]);
  });
});

describe("Block Kit renderer escaping", () => {
  it("makes hostile text inert in every slot, and always sends fallback text", () => {
    const out = renderReply(
      card({
        title: HOSTILE,
        subtitle: HOSTILE,
        severity: "high",
        blocks: [
          { type: "text", spans: [HOSTILE, { bold: HOSTILE }, { code: HOSTILE }] },
          { type: "facts", facts: [{ label: HOSTILE, value: HOSTILE }] },
          { type: "list", items: [{ label: HOSTILE, detail: HOSTILE }] },
          { type: "progress", label: HOSTILE, done: 1, total: 2, note: HOSTILE },
          { type: "context", spans: [HOSTILE] },
          { type: "image", alt: HOSTILE, dataUri: "data:image/png;base64,AAAA" },
          { type: "actions", actions: [{ kind: "button", actionId: "task.done", label: HOSTILE, value: "S1-1" }] },
        ],
      }),
    );
    for (const text of parsedTexts(out)) expect(text).not.toMatch(DANGEROUS);
    expect(allText(out.blocks)).toContain("&lt;!channel&gt;");
    expect(out.text).toMatch(/^High: /);
  });

  it("shows the real address beside a link's label, and links only http(s)", () => {
    const out = renderReply({
      kind: "text",
      visibility: "requester",
      spans: [
        { link: { label: "https://security.microsoft.com", url: "https://evil.example/x|y" } },
        " ",
        { link: { label: "run", url: "javascript:alert(1)" } },
      ],
    });
    const text = String(out.text);
    expect(text).toContain("https://security.microsoft.com (<https://evil.example/x%7Cy>)");
    expect(text).toContain("run (javascript:alert(1))");
    const linkButton = buttons(
      renderReply(
        card({
          blocks: [
            {
              type: "actions",
              actions: [{ kind: "link", label: "Microsoft portal", url: "https://evil.example/login" }],
            },
          ],
        }),
      ).blocks,
    )[0];
    expect(linkButton).toMatchObject({
      url: "https://evil.example/login",
      text: { text: "Microsoft portal (evil.example)" },
    });
  });

  it("pings only a well-formed user id from a mention span", () => {
    const good = renderReply({
      kind: "text",
      visibility: "conversation",
      spans: [{ mention: { platformUserId: "U123ABC", name: "dana" } }],
    });
    const bad = renderReply({
      kind: "text",
      visibility: "conversation",
      spans: [{ mention: { platformUserId: "<!channel>", name: "<!here>" } }],
    });
    expect(good.text).toBe("<@U123ABC>");
    expect(bad.text).toBe("@&lt;!here&gt;");
  });
});

describe("modals", () => {
  it("keeps a form within modal limits and says when options were left out", () => {
    const view = formToModal(
      {
        actionId: "task.assign",
        title: "Assign a task to someone on the team",
        submitLabel: "Assign this task right now please",
        value: "S1-2",
        fields: [
          {
            id: "task",
            label: "Task",
            kind: "choice",
            options: Array.from({ length: 150 }, (_, i) => ({ value: `S1-${i}`, label: `S1-${i} ${"t".repeat(120)}` })),
            initial: "S1-2",
          },
          { id: "owner", label: "Owner", kind: "person" },
          { id: "due", label: "Due", kind: "date", optional: true, initial: "2026-12-01" },
        ],
      },
      { value: "S1-2", channelId: "C1", responseUrl: `https://hooks.slack.com/${"x".repeat(4000)}`, replace: true },
    );
    expect(viewProblems(view)).toEqual([]);
    expect(allText(view)).toContain("…and 50 more");
    expect(JSON.parse(view.private_metadata ?? "{}")).toEqual({ v: "S1-2", c: "C1" });
  });
});
