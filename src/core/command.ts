/** How commands and button actions are declared, over whatever services the composition root hands the core. */
import type { Person } from "../domain/person.js";
import type { Role } from "../domain/roles.js";
import type { Args } from "./args.js";
import type { Incoming } from "./incoming.js";
import type { Reply } from "./reply.js";
import type { CoreServices } from "./core-services.js";

/** What a command or action runs with: the resolved actor, the event, services and the time. */
export interface CommandContext<S extends CoreServices = CoreServices> {
  actor: Person;
  workspace: string;
  incoming: Incoming;
  services: S;
  now: Date;
  /** Every registered command, for `help`. */
  commands: ReadonlyMap<string, CommandSpec<S>>;
  /**
   * Resolves a mention token (`@dana`, `@U123`) to a person in this workspace, or throws a usage error.
   * With `create: false` (filters, lookups) a person the bot does not know yet is refused, never created.
   */
  person(token: string, options?: { create?: boolean }): Promise<Person>;
}

/** A text command such as `assign S1-2 @dana due friday`. */
export interface CommandSpec<S extends CoreServices = CoreServices> {
  name: string;
  /** One line for `help`. */
  summary: string;
  /** The usage line shown with every error. */
  usage: string;
  /** The least role that may run it; finer rules (own tasks) are checked inside. */
  minRole: Role;
  /** Extra lines for `help <command>`. */
  details?: string[];
  run(ctx: CommandContext<S>, args: Args): Reply | Promise<Reply>;
}

/** A button or form submission such as `task.done`; its value names an entity and grants nothing. */
export interface ActionSpec<S extends CoreServices = CoreServices> {
  id: string;
  minRole: Role;
  run(ctx: CommandContext<S>, value: string, inputs: Record<string, string>): Reply | Promise<Reply>;
}
