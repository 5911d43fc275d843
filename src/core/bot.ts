/**
 * The platform-neutral core: takes an Incoming event, resolves who sent it, checks the role,
 * runs the command or action, and turns every failure into a short reply. Adapters call `handle`.
 */
import { randomBytes } from "node:crypto";
import { BotError, forbidden, usageError } from "../errors.js";
import { isListedAdmin } from "../domain/admins.js";
import type { Person } from "../domain/person.js";
import { hasRole, roleRequirement } from "../domain/roles.js";
import { closest } from "../domain/suggest.js";
import { Args, tokenize } from "./args.js";
import type { ActionSpec, CommandContext, CommandSpec } from "./command.js";
import type { Identity, Incoming } from "./incoming.js";
import { errorReply } from "./error-reply.js";
import { checkLine, checkSubmission } from "./input-hygiene.js";
import { resolvePerson } from "./resolve-person.js";
import { requestFields, withRequestId } from "../request-context.js";
import type { Reply } from "./reply.js";
import type { CoreServices } from "./core-services.js";

/** The core's entry point, built once from the command and action registries. */
export interface Bot {
  handle(incoming: Incoming): Promise<Reply>;
  commands: ReadonlyMap<string, CommandSpec>;
}

/** What the composition root may want to hear about from the error boundary. */
export interface BotHooks {
  /** A command failed because the database cannot be written (full, read-only). */
  onUnwritable?: () => void;
}

/** The reply when a change could not be stored. */
export const UNWRITABLE_REPLY = "I couldn't save that: the database is full or read-only; nothing changed.";

/** Builds the router; duplicate command names or action ids fail at start. */
export function createBot<S extends CoreServices>(
  services: S,
  commandList: readonly CommandSpec<S>[],
  actionList: readonly ActionSpec<S>[],
  hooks: BotHooks = {},
): Bot {
  const commands = indexBy(commandList, (c) => c.name, "command");
  const actions = indexBy(actionList, (a) => a.id, "action");
  const seeded = new Set<string>();

  function context(incoming: Incoming, actor: Person, now: Date): CommandContext<S> {
    return {
      actor,
      workspace: incoming.conversation.workspace,
      incoming,
      services,
      now,
      commands,
      person: (token, options) => resolvePerson(services, incoming, token, options),
    };
  }

  async function dispatch(incoming: Incoming): Promise<{ reply: Reply; usage?: string }> {
    const workspace = incoming.conversation.workspace;
    const now = services.clock();
    if (!seeded.has(workspace)) {
      await services.tasks.seed(workspace, services.plan, now);
      seeded.add(workspace);
    }
    const actor = await upsertActor(services, workspace, incoming.actor);
    if (incoming.kind === "action") {
      const spec = actions.get(incoming.actionId);
      if (!spec) throw usageError("That button is no longer supported; run the command again.");
      checkSubmission(incoming.value, incoming.inputs ?? {});
      requireRole(actor, spec.minRole, "That button");
      return { reply: await spec.run(context(incoming, actor, now), incoming.value, incoming.inputs ?? {}) };
    }
    checkLine(incoming.text);
    const line = incoming.text.trim();
    const name = (/^\S+/.exec(line)?.[0] ?? "").toLowerCase();
    const spec = commands.get(name);
    if (!spec) {
      const [guess] = closest(name, commands.keys());
      const hint = guess ? ` — did you mean \`${guess}\`?` : ".";
      throw new BotError("usage", `Unknown command "${truncate(name, 40)}"${hint}`, { usage: "help [command]" });
    }
    try {
      requireRole(actor, spec.minRole, `\`${spec.name}\``);
      const words = tokenize(line.slice(name.length));
      return { reply: await spec.run(context(incoming, actor, now), new Args(words)) };
    } catch (err) {
      if (err instanceof BotError && (err.code === "usage" || err.code === "not-found") && !err.options.usage) {
        throw new BotError(err.code, err.message, { usage: spec.usage, cause: err });
      }
      throw err;
    }
  }

  return {
    commands,
    handle: (incoming) => withRequestId(() => handleEvent(incoming), requestFields().requestId),
  };

  async function handleEvent(incoming: Incoming): Promise<Reply> {
    const started = Date.now();
    try {
      const { reply } = await dispatch(incoming);
      services.log.info(
        {
          platform: incoming.conversation.platform,
          workspace: incoming.conversation.workspace,
          kind: incoming.kind,
          name: eventName(incoming),
          ms: Date.now() - started,
        },
        "handled",
      );
      return reply;
    } catch (err) {
      if (err instanceof BotError) {
        services.log.info(
          {
            platform: incoming.conversation.platform,
            kind: incoming.kind,
            name: eventName(incoming),
            refused: err.code,
          },
          "refused",
        );
        return errorReply(err);
      }
      if (services.storage.isUnwritable(err)) {
        services.log.warn(
          { err: err instanceof Error ? err.message : String(err), platform: incoming.conversation.platform },
          "database not writable",
        );
        hooks.onUnwritable?.();
        return errorReply(new BotError("internal", UNWRITABLE_REPLY));
      }
      const ref = randomBytes(3).toString("hex");
      services.log.error({ err, ref, platform: incoming.conversation.platform, kind: incoming.kind }, "command failed");
      return errorReply(new BotError("internal", `Something went wrong (ref ${ref}). Nothing was changed.`));
    }
  }
}

function requireRole(actor: Person, needed: Person["role"], what: string): void {
  if (!hasRole(actor.role, needed)) {
    throw forbidden(`${what} needs ${roleRequirement(needed)}; your role is ${actor.role}.`);
  }
}

/** Finds or creates the sender; SECOPS_ADMINS members are always admins. */
async function upsertActor(services: CoreServices, workspace: string, identity: Identity): Promise<Person> {
  const listed = isListedAdmin(services.admins, workspace, identity);
  const person = await services.people.upsert(workspace, identity, listed ? "admin" : "none");
  if (listed && person.role !== "admin") {
    await services.people.setRole(person.id, "admin");
    return { ...person, role: "admin" };
  }
  return person;
}

function indexBy<T>(items: readonly T[], key: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k)) throw new Error(`duplicate ${what} "${k}"`);
    map.set(k, item);
  }
  return map;
}

/** The command word or action id, bounded, for logs (never the arguments: they may hold personal data). */
function eventName(incoming: Incoming): string {
  const name = incoming.kind === "action" ? incoming.actionId : (/^\S+/.exec(incoming.text.trim())?.[0] ?? "");
  return name.slice(0, 40);
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + "…" : text;
}
