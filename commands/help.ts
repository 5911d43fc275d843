/** `help [command]`: what the bot can do in at most 20 lines, or one command with every option. */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Block } from "../src/core/reply.js";
import { roleRequirement } from "../src/domain/roles.js";
import { usageError } from "../src/errors.js";
import { HELP_GROUPS } from "./shared/help-groups.js";
import { subscriptionKinds } from "./subscriptions/registry.js";

/** The options of every subscription kind, for `help subscribe`. */
function subscribeDetails(): string[] {
  return subscriptionKinds.map((k) => `subscribe ${k.name} ${k.usage} — ${roleRequirement(k.minRole)}`);
}

/** Lists the commands by what people do, or shows one command in full. */
export const helpCommand = defineCommand({
  name: "help",
  summary: "List the commands, or show one with every option",
  usage: "help [command]",
  minRole: "none",
  run(ctx, args) {
    const name = args.next();
    args.end();
    if (name === undefined) {
      const grouped = new Set(HELP_GROUPS.flatMap((g) => g.commands));
      const others = [...ctx.commands.keys()].filter((c) => !grouped.has(c));
      const blocks: Block[] = HELP_GROUPS.flatMap((g): Block[] => [
        {
          type: "text",
          spans: [{ bold: `${g.name}: ` }, g.commands.filter((c) => ctx.commands.has(c)).join(", ")],
        },
        { type: "context", spans: ["e.g. ", { code: g.example }] },
      ]);
      if (others.length) blocks.push({ type: "text", spans: [{ bold: "Also: " }, others.join(", ")] });
      return cardReply({ title: "SecOps bot commands", subtitle: "Type help <command> for every option.", blocks });
    }
    const spec = ctx.commands.get(name.toLowerCase());
    if (!spec) throw usageError(`There is no command "${name.slice(0, 40)}".`);
    const details = [...(spec.details ?? []), ...(spec.name === "subscribe" ? subscribeDetails() : [])];
    return cardReply({
      title: spec.name,
      blocks: [
        { type: "text", spans: [spec.summary] },
        {
          type: "facts",
          facts: [
            { label: "Usage", value: spec.usage },
            { label: "Who", value: roleRequirement(spec.minRole) },
          ],
        },
        ...details.map((d) => ({ type: "text" as const, spans: [d] })),
      ],
    });
  },
});
