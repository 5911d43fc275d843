/** `help [command]`: what the bot can do, or one command's usage. */
import { defineCommand } from "../src/core/command.js";
import { cardReply } from "../src/core/reply.js";
import { roleRequirement } from "../src/domain/roles.js";
import { usageError } from "../src/errors.js";

/** Lists every command with its summary, or shows one command in full. */
export const helpCommand = defineCommand({
  name: "help",
  summary: "List the commands, or show how to use one",
  usage: "help [command]",
  minRole: "none",
  run(ctx, args) {
    const name = args.next();
    args.end();
    if (name === undefined) {
      return cardReply({
        title: "SecOps bot commands",
        subtitle: "Type help <command> for details.",
        blocks: [
          { type: "list", items: [...ctx.commands.values()].map((c) => ({ label: c.usage, detail: c.summary })) },
        ],
      });
    }
    const spec = ctx.commands.get(name.toLowerCase());
    if (!spec) throw usageError(`There is no command "${name.slice(0, 40)}".`);
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
        ...(spec.details ?? []).map((d) => ({ type: "text" as const, spans: [d] })),
      ],
    });
  },
});
