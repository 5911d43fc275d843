/**
 * Every card the Teams renderer produces is valid Adaptive Cards 1.5 as Microsoft's own
 * `adaptivecards` package reads it: the replies of every command (forms included, with their people
 * picker), the contract corpus's blocks and hostile text. The one note allowed is the people
 * picker's `choices.data`, Teams' directory search, which has a static choice and a text fallback.
 */
import { describe, expect, it } from "vitest";
import { ME_CHOICE } from "../../adapters/teams/form-card.js";
import { renderReply } from "../../adapters/teams/render.js";
import type { Reply } from "../../src/core/reply.js";
import { adaptiveCardProblems, PEOPLE_PICKER_NOTE } from "../support/adaptive-card-check.js";
import { hostileStrings } from "../support/hostile-strings.js";
import { createTestBot } from "../support/test-bot.js";

const COMMANDS = [
  "help",
  "help assign",
  "plan",
  "tasks",
  "tasks S2",
  "task S1-2",
  "assign",
  "add",
  "assign S1-2 @dana due 2026-12-15",
  "roles",
  "me",
  "subscriptions",
  "subscribe digest",
  "digest preview",
  "alerts 7d",
  "incident 41001",
  "assets",
  "skills",
  "team skills",
  "train",
  "train catalog",
  "unknown-command",
];

function cardsOf(reply: Reply): unknown[] {
  const message = renderReply(reply) as { attachments?: { content?: unknown }[] };
  return (message.attachments ?? []).map((a) => a.content);
}

function problems(reply: Reply): string[] {
  return cardsOf(reply)
    .flatMap(adaptiveCardProblems)
    .filter((p) => p.message !== PEOPLE_PICKER_NOTE)
    .map((p) => `${p.phase}: ${p.message}`);
}

describe("Adaptive Cards as Microsoft's package reads them", () => {
  it("finds no problem in any command's card, forms included", async () => {
    const t = await createTestBot({
      capabilities: { ephemeral: false, forms: true, threads: true, updateInPlace: true, images: true },
    });
    try {
      await t.run("subscribe incidents");
      for (const command of COMMANDS) expect(problems(await t.run(command)), command).toEqual([]);
      const resolve = await t.press("incident.resolve", "41001");
      expect(problems(resolve)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it("gives the people picker a static choice and a text fallback with the same id", async () => {
    const t = await createTestBot({
      capabilities: { ephemeral: false, forms: true, threads: true, updateInPlace: true, images: true },
    });
    try {
      const card = JSON.stringify(cardsOf(await t.run("assign")));
      expect(card).toContain(`"choices":[{"title":"Me","value":"${ME_CHOICE}"}]`);
      expect(card).toMatch(/"fallback":\{"type":"Input.Text","id":"owner"/);
    } finally {
      await t.close();
    }
  });

  it.each(hostileStrings().map((s) => [s.slice(0, 30), s]))("stays valid with hostile text %j", (_label, text) => {
    const reply: Reply = {
      kind: "card",
      visibility: "conversation",
      card: {
        title: text,
        subtitle: text,
        blocks: [
          { type: "text", spans: [text, { bold: text }, { code: text }, { link: { label: text, url: text } }] },
          { type: "facts", facts: [{ label: text, value: text }] },
          { type: "list", items: [{ label: text, detail: text }] },
          { type: "actions", actions: [{ kind: "button", label: text, actionId: "task.done", value: "S1-2" }] },
        ],
      },
    };
    expect(problems(reply)).toEqual([]);
  });
});
