/** Commands and actions as the files under commands/ declare them: over the application's Services. */
import type * as core from "../core/command.js";
import type { Services } from "./services.js";

export type CommandContext = core.CommandContext<Services>;
export type CommandSpec = core.CommandSpec<Services>;
export type ActionSpec = core.ActionSpec<Services>;

/** Identity helper so command files read as declarations. */
export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}

/** Identity helper for action files. */
export function defineAction(spec: ActionSpec): ActionSpec {
  return spec;
}
