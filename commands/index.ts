/** The registry: every command and button action the bot knows. Duplicates fail at start. */
import type { ActionSpec, CommandSpec } from "../src/core/command.js";
import { taskAddAction } from "./actions/task-add.js";
import { taskAssignAction } from "./actions/task-assign.js";
import { taskDoneAction } from "./actions/task-done.js";
import { taskReassignAction } from "./actions/task-reassign.js";
import { taskSnoozeAction } from "./actions/task-snooze.js";
import { taskStartAction } from "./actions/task-start.js";
import { addCommand } from "./add.js";
import { assignCommand } from "./assign.js";
import { blockCommand } from "./block.js";
import { doneCommand } from "./done.js";
import { dueCommand } from "./due.js";
import { helpCommand } from "./help.js";
import { meCommand } from "./me.js";
import { planCommand } from "./plan.js";
import { reopenCommand } from "./reopen.js";
import { roleCommand } from "./role.js";
import { rolesCommand } from "./roles.js";
import { startCommand } from "./start.js";
import { subscribeCommand } from "./subscribe.js";
import { subscriptionsCommand } from "./subscriptions.js";
import { taskCommand } from "./task.js";
import { tasksCommand } from "./tasks.js";
import { unassignCommand } from "./unassign.js";
import { unsubscribeCommand } from "./unsubscribe.js";

/** Commands in the order `help` lists them. */
export const commands: readonly CommandSpec[] = [
  helpCommand,
  planCommand,
  tasksCommand,
  taskCommand,
  assignCommand,
  dueCommand,
  unassignCommand,
  startCommand,
  blockCommand,
  doneCommand,
  reopenCommand,
  addCommand,
  roleCommand,
  rolesCommand,
  meCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
];

/** Button and form actions. */
export const actions: readonly ActionSpec[] = [
  taskStartAction,
  taskDoneAction,
  taskSnoozeAction,
  taskReassignAction,
  taskAssignAction,
  taskAddAction,
];
