/** `train` and `train catalog [<skill>]`: training suggested for the asker's gaps, or the whole catalog. */
import { defineCommand, type CommandContext } from "../src/app/command.js";
import { cardReply, type Reply } from "../src/core/reply.js";
import { aboutDuration, parseSkill } from "../src/training/catalog.js";
import { suggestionsBody } from "../src/training/suggestion-card.js";
import { currentSuggestions } from "../src/training/suggestions.js";
import { usageError } from "../src/errors.js";

async function suggestions(ctx: CommandContext): Promise<Reply> {
  const { services, actor, now } = ctx;
  const list = await currentSuggestions(services, actor, now);
  await services.training.recordOffers(
    ctx.workspace,
    actor.id,
    list.map((s) => s.moduleId),
    now,
  );
  if (list.length === 0) {
    return cardReply({
      title: "Training suggestions",
      blocks: [
        {
          type: "text",
          spans: [
            "No gaps to close right now. Rate yourself with ",
            { code: "skills set <skill> <level>" },
            ", or browse ",
            { code: "train catalog" },
            ".",
          ],
        },
      ],
    });
  }
  return cardReply({
    title: "Training suggestions",
    subtitle: "Durations are estimates.",
    blocks: suggestionsBody(list),
  });
}

function catalog(ctx: CommandContext, skillWord: string | undefined): Reply {
  const skill = skillWord === undefined ? undefined : parseSkill(ctx.services.catalog, skillWord).id;
  const modules = ctx.services.catalog.modules.filter((m) => !skill || m.skills.includes(skill));
  return cardReply({
    title: skill ? `Training for ${skill}` : "Training catalog",
    subtitle: "Record one with trained <id>. Durations are estimates.",
    blocks: [
      {
        type: "list",
        items: modules.map((m) => ({
          label: `${m.id}: ${m.title}`,
          detail: `${m.kind}, ${aboutDuration(m.minutes)} · ${m.skills.join(", ")} · ${m.url}`,
        })),
      },
    ],
  });
}

/** Suggests training for the actor's largest gaps, or lists the catalog. */
export const trainCommand = defineCommand({
  name: "train",
  summary: "Suggest training for your largest skill gaps, or list the catalog",
  usage: "train [catalog [<skill>]]",
  minRole: "analyst",
  run(ctx, args) {
    const sub = args.next()?.toLowerCase();
    if (sub === undefined) return suggestions(ctx);
    if (sub !== "catalog") throw usageError(`"${sub.slice(0, 40)}" is not a train subcommand; use catalog.`);
    const skill = args.next();
    args.end();
    return catalog(ctx, skill);
  },
});
