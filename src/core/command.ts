/** How commands and button actions are declared: one spec per file under commands/. */
import type { Person } from "../domain/person.js";
import type { Role } from "../domain/roles.js";
import type { Args } from "./args.js";
import type { Incoming } from "./incoming.js";
import type { Reply } from "./reply.js";
import type { Services } from "./services.js";

/** What a command or action runs with: the resolved actor, the event, services and the time. */
export interface CommandContext {
  actor: Person;
  workspace: string;
  incoming: Incoming;
  services: Services;
  now: Date;
  /** Every registered command, for `help`. */
  commands: ReadonlyMap<string, CommandSpec>;
  /**
   * Resolves a mention token (`@dana`, `@U123`) to a person in this workspace, or throws a usage error.
   * With `create: false` (filters, lookups) a person the bot does not know yet is refused, never created.
   */
  person(token: string, options?: { create?: boolean }): Promise<Person>;
}

/** A text command such as `assign S1-2 @dana due friday`. */
export interface CommandSpec {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** The usage line shown with every error. */
  usage: string;
  /** The least role that may run it; finer rules (own tasks) are checked inside. */
  minRole: Role;
  /** Extra lines for `help <command>`. */
  details?: string[];
  run(ctx: CommandContext, args: Args): Reply | Promise<Reply>;
}

/** A button or form submission such as `task.done`; its value names an entity and grants nothing. */
export interface ActionSpec {
  id: string;
  minRole: Role;
  run(ctx: CommandContext, value: string, inputs: Record<string, string>): Reply | Promise<Reply>;
}

/** Identity helper so command files read as declarations. */
export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}

/** Identity helper for action files. */
export function defineAction(spec: ActionSpec): ActionSpec {
  return spec;
}
