/** The card that shows suggestions (nudge DM and `train`): why, then each module with Open, Done, Not now, Not relevant. */
import type { Block, Card } from "../core/reply.js";
import { sentence } from "./reasons.js";
import type { Suggestion } from "./suggestions.js";

/** Button ids of the three answers to a suggestion; the value is only the module id. */
export const TRAINING_ACTIONS = {
  done: "training.done",
  snooze: "training.snooze",
  dismiss: "training.dismiss",
} as const;

/** Days "Not now" hides a module. */
export const SNOOZE_DAYS = 14;

const KIND_WORDS: Record<Suggestion["kind"], string> = {
  module: "module",
  "learning-path": "learning path",
  documentation: "documentation",
};

/** The blocks for one suggested module. */
export function suggestionBlocks(s: Suggestion): Block[] {
  return [
    { type: "text", spans: [{ bold: s.title }, ` (${KIND_WORDS[s.kind]}, ${s.duration}) `, { code: s.moduleId }] },
    { type: "context", spans: [s.description] },
    {
      type: "actions",
      actions: [
        { kind: "link", label: "Open", url: s.url },
        { kind: "button", actionId: TRAINING_ACTIONS.done, label: "Done", value: s.moduleId, style: "primary" },
        {
          kind: "button",
          actionId: TRAINING_ACTIONS.snooze,
          label: `Not now (${SNOOZE_DAYS} days)`,
          value: s.moduleId,
        },
        { kind: "button", actionId: TRAINING_ACTIONS.dismiss, label: "Not relevant", value: s.moduleId },
      ],
    },
  ];
}

/** Suggestions grouped under the reason they share, as card blocks. */
export function suggestionsBody(suggestions: readonly Suggestion[]): Block[] {
  const blocks: Block[] = [];
  let lastWhy = "";
  for (const s of suggestions) {
    if (s.why !== lastWhy) {
      if (blocks.length > 0) blocks.push({ type: "divider" });
      blocks.push({ type: "text", spans: [`${sentence(s.why)}:`] });
      lastWhy = s.why;
    }
    blocks.push(...suggestionBlocks(s));
  }
  return blocks;
}

/** The weekly nudge sent by direct message. */
export function nudgeCard(suggestions: readonly Suggestion[]): Card {
  return {
    title: "Training suggestion for this week",
    blocks: [
      ...suggestionsBody(suggestions),
      {
        type: "context",
        spans: [
          "Durations are estimates. ",
          { code: "train" },
          " shows more; ",
          { code: "training off" },
          " stops these messages.",
        ],
      },
    ],
  };
}
