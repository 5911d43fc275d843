/**
 * The console adapter: one command per line from a stream, each reply printed. It is the
 * no-credentials default and the end-to-end harness for tests (streams are injected).
 */
import { createInterface } from "node:readline";
import type { Bot } from "../../src/core/bot.js";
import type { ConversationRef, Identity } from "../../src/core/incoming.js";
import type { DeliveryTarget, Messenger, SentMessage } from "../../src/core/messenger.js";
import type { Reply } from "../../src/core/reply.js";
import { textReply } from "../../src/core/reply.js";
import { importFileOf, saveExport } from "./files.js";
import { consoleUserId, mentionsIn, nearMissRefusal } from "./mentions.js";
import { CONSOLE_PROFILE, CONSOLE_WORKSPACE } from "./profile.js";
import { replyToConsole, type ConsoleOutput } from "./render.js";

/** What the console needs: the bot, streams, and who is typing. */
export interface ConsoleAdapterOptions {
  bot: Bot;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  user: string;
  /** Show a prompt (interactive terminal) or not (piped input). */
  prompt: boolean;
  clock?: () => Date;
  /** The platform ids of the console's known people, to catch a mistyped @name before it creates someone. */
  knownPeople?: (workspace: string) => Promise<readonly string[]>;
  /** Where exported files are written (default ./exports). */
  exportsDir?: string;
}

/** Runs the read–handle–print loop; resolves when input ends. */
export async function runConsole(options: ConsoleAdapterOptions): Promise<void> {
  const { bot, input, output, user } = options;
  const actor: Identity = { platform: "console", userId: consoleUserId(user), displayName: user, homeWorkspace: true };
  const conversation: ConversationRef = {
    platform: "console",
    workspace: CONSOLE_WORKSPACE,
    id: "console",
    kind: "personal",
  };
  const rl = createInterface({ input, terminal: false });
  let last: ConsoleOutput | undefined;
  const write = (text: string) => output.write(text + "\n");
  if (options.prompt) write('secops-bot console. Type "help", or a button number after a card. Ctrl-D quits.');
  const ask = () => options.prompt && output.write("secops> ");
  ask();
  for await (const raw of rl) {
    const line = raw.replace(/\r$/, "");
    const number = /^\s*(\d{1,2})\s*$/.exec(line);
    const button = number && last ? last.buttons[Number(number[1]) - 1] : undefined;
    const imported = button ? undefined : await importFileOf(line);
    if (typeof imported === "string") {
      write(imported);
      ask();
      continue;
    }
    const refusal = button ? undefined : nearMissRefusal(line, (await options.knownPeople?.(CONSOLE_WORKSPACE)) ?? []);
    const reply = refusal
      ? textReply(refusal)
      : button
        ? await bot.handle({
            kind: "action",
            actionId: button.actionId,
            value: button.value,
            actor,
            conversation,
            mentions: {},
            capabilities: CONSOLE_PROFILE.capabilities,
          })
        : await bot.handle({
            kind: "command",
            text: imported ? "import" : line,
            ...(imported ? { files: [imported] } : {}),
            actor,
            conversation,
            mentions: mentionsIn(line),
            capabilities: CONSOLE_PROFILE.capabilities,
          });
    last = replyToConsole(reply);
    write(last.text);
    if (reply.kind !== "form" && reply.file)
      write(`Saved ${reply.file.title}: ${await saveExport(reply.file, options.exportsDir)}`);
    ask();
  }
}

/** Proactive messages in the console: printed with a timestamp and where they would go. */
export function createConsoleMessenger(output: NodeJS.WritableStream, clock: () => Date = () => new Date()): Messenger {
  let counter = 0;
  const print = (where: string, reply: Reply): SentMessage => {
    counter += 1;
    const id = `console-${counter}`;
    output.write(`\n[${clock().toISOString()}] ${where}\n${replyToConsole(reply).text}\n`);
    return { messageId: id, threadId: id };
  };
  return {
    profile: CONSOLE_PROFILE,
    post: async (t: DeliveryTarget, reply) => print(`#${t.conversationId}`, reply),
    reply: async (t, threadId, reply) => ({ ...print(`#${t.conversationId} (thread ${threadId})`, reply), threadId }),
    update: async (t, messageId, reply) => {
      print(`#${t.conversationId} (updated ${messageId})`, reply);
    },
    dm: async (_w, userId, reply) => ({ ...print(`DM @${userId}`, reply), conversationId: `dm:${userId}` }),
  };
}
