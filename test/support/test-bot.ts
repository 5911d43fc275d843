/** Builds the real core over a fresh database of the run's engine (real migrations) with a controllable clock. */
import { actions, commands } from "../../commands/index.js";
import { createBot, type Bot } from "../../src/core/bot.js";
import { createServices } from "../../src/app/create-services.js";
import type { AlertFeed } from "../../src/alerts/alert-source.js";
import type { Capabilities, Identity, Incoming, IncomingFile } from "../../src/core/incoming.js";
import { spansToPlain, type Reply } from "../../src/core/reply.js";
import type { Services } from "../../src/app/services.js";
import { loadPlan } from "../../src/data/load-plan.js";
import { silentLogger } from "../../src/logger.js";
import type { Storage } from "../../src/storage/storage.js";
import { testClock, type TestClock } from "./clock.js";
import { openTestStorage, type TestDatabase } from "./test-storage.js";

/** Capabilities of a plain text surface (no forms, no ephemeral). */
export const PLAIN: Capabilities = {
  ephemeral: false,
  forms: false,
  threads: true,
  updateInPlace: true,
  images: false,
};

/** A person in the test workspace, by short name. */
export function who(name: string): Identity {
  return { platform: "console", userId: name.toLowerCase(), displayName: name, homeWorkspace: true };
}

/** The bot, its services and helpers to talk to it as anyone. */
export interface TestBot {
  bot: Bot;
  services: Services;
  clock: TestClock;
  storage: Storage;
  workspace: string;
  /** Runs a command line as `as` (default the admin "lead-admin"); `@name` words become mentions. */
  run(text: string, as?: string): Promise<Reply>;
  /** Runs a command line with files shared alongside it (as a platform's upload would). */
  runWithFiles(text: string, files: IncomingFile[], as?: string): Promise<Reply>;
  /** Presses a button as `as`. */
  press(actionId: string, value: string, as?: string, inputs?: Record<string, string>): Promise<Reply>;
  /** A reply flattened to plain text, for assertions. */
  text(reply: Reply): string;
  close(): Promise<void>;
}

/** Builds a test bot; "admin" is listed in SECOPS_ADMINS. */
export async function createTestBot(
  options: {
    now?: string;
    workspace?: string;
    capabilities?: Capabilities;
    /** A database that survives `close()`, to test restarts (default: a fresh one). */
    database?: TestDatabase;
    /** Storage opened by the test itself (default: opened here on `database`). */
    storage?: Storage;
    /** Where incidents come from (default: the demo source on this clock). */
    alertFeed?: (clock: TestClock) => AlertFeed;
    /** Each role's default skill needs (production passes the guidance's; default none). */
    roleNeeds?: Readonly<Record<string, Readonly<Record<string, number>>>>;
    /** SECOPS_GRAPH_TENANT_WORKSPACES, parsed (default none). */
    tenantWorkspaces?: readonly { tenant: string; workspace: string }[];
  } = {},
): Promise<TestBot> {
  const clock = testClock(options.now);
  const storage =
    options.storage ??
    (await openTestStorage(options.database, options.roleNeeds ? { roleNeeds: options.roleNeeds } : {}));
  const alertFeed = options.alertFeed?.(clock);
  const services = createServices({
    storage,
    plan: loadPlan(),
    log: silentLogger(),
    clock: clock.now,
    admins: ["admin"],
    ...(alertFeed ? { alertFeed } : {}),
    ...(options.tenantWorkspaces ? { tenantWorkspaces: options.tenantWorkspaces } : {}),
  });
  const bot = createBot(services, commands, actions);
  const workspace = options.workspace ?? "test";
  const capabilities = options.capabilities ?? PLAIN;
  const base = (as: string) => ({
    actor: who(as),
    conversation: { platform: "console" as const, workspace, id: "C1", kind: "channel" as const },
    capabilities,
  });
  const mentions = (text: string) =>
    Object.fromEntries([...text.matchAll(/@([\w.-]+)/g)].map((m) => [`@${m[1]}`, who(m[1] ?? "")]));
  return {
    bot,
    services,
    clock,
    storage,
    workspace,
    run: (text, as = "admin") =>
      bot.handle({ kind: "command", text, mentions: mentions(text), ...base(as) } satisfies Incoming),
    runWithFiles: (text, files, as = "admin") =>
      bot.handle({ kind: "command", text, files, mentions: mentions(text), ...base(as) } satisfies Incoming),
    press: (actionId, value, as = "admin", inputs) =>
      bot.handle({
        kind: "action",
        actionId,
        value,
        mentions: inputs ? mentions(Object.values(inputs).join(" ")) : {},
        ...(inputs ? { inputs } : {}),
        ...base(as),
      }),
    text: replyText,
    close: () => storage.close(),
  };
}

/** Flattens any reply to plain text: card title, blocks, facts, list rows and button labels. */
export function replyText(reply: Reply): string {
  if (reply.kind === "text") return spansToPlain(reply.spans);
  if (reply.kind === "form") return `${reply.form.title}\n${spansToPlain(reply.fallback)}`;
  const { card } = reply;
  const lines = [card.title, card.subtitle ?? ""];
  for (const b of card.blocks) {
    if (b.type === "text" || b.type === "context") lines.push(spansToPlain(b.spans));
    else if (b.type === "facts") lines.push(...b.facts.map((f) => `${f.label}: ${f.value}`));
    else if (b.type === "list")
      lines.push(
        ...(b.items.length ? b.items.map((i) => `${i.label} | ${i.detail ?? ""}`) : [b.empty ?? ""]),
        ...(b.more ? [`…and ${b.more} more`] : []),
      );
    else if (b.type === "progress") lines.push(`${b.label} ${b.done}/${b.total} ${b.note ?? ""}`);
    else if (b.type === "actions") lines.push(b.actions.map((a) => `[${a.label}]`).join(" "));
    else if (b.type === "image") lines.push(`[image ${b.alt}]`);
  }
  return lines.filter(Boolean).join("\n");
}
