/** The registry: every command and button action the bot knows. Duplicates fail at start. */
import type { ActionSpec, CommandSpec } from "../src/app/command.js";
import { homeShowAction } from "./actions/home-show.js";
import { tasksNextAction } from "./actions/tasks-next.js";
import { taskAddAction } from "./actions/task-add.js";
import { taskAssignAction } from "./actions/task-assign.js";
import { taskDoneAction } from "./actions/task-done.js";
import { taskReassignAction } from "./actions/task-reassign.js";
import { taskSnoozeAction } from "./actions/task-snooze.js";
import { taskStartAction } from "./actions/task-start.js";
import { addCommand } from "./add.js";
import { renameCommand } from "./rename.js";
import { removeCommand } from "./remove.js";
import { restoreCommand } from "./restore.js";
import { skipCommand } from "./skip.js";
import { unskipCommand } from "./unskip.js";
import { assignCommand } from "./assign.js";
import { dueCommand } from "./due.js";
import { helpCommand } from "./help.js";
import { meCommand } from "./me.js";
import { planCommand } from "./plan.js";
import { chartCommand } from "./chart.js";
import { exportCommand } from "./export.js";
import { importCommand } from "./import.js";
import { importApplyAction } from "./actions/import-apply.js";
import { importUploadAction } from "./actions/import-upload.js";
import { importCancelAction } from "./actions/import-cancel.js";
import { stakeholderCommand } from "./stakeholder.js";
import { stakeholdersCommand } from "./stakeholders.js";
import { roleCommand } from "./role.js";
import { rolesCommand } from "./roles.js";
import { blockCommand, doneCommand, reopenCommand, startCommand } from "./task-status.js";
import { subscribeCommand } from "./subscribe.js";
import { subscriptionsCommand } from "./subscriptions.js";
import { taskCommand } from "./task.js";
import { tasksCommand } from "./tasks.js";
import { unassignCommand } from "./unassign.js";
import { unsubscribeCommand } from "./unsubscribe.js";
import { digestCommand } from "./digest.js";
import { skillsCommand } from "./skills.js";
import { trainCommand } from "./train.js";
import { trainedCommand } from "./trained.js";
import { trainingCommand } from "./training.js";
import { teamCommand } from "./team.js";
import { trainingDoneAction } from "./actions/training-done.js";
import { trainingSnoozeAction } from "./actions/training-snooze.js";
import { trainingDismissAction } from "./actions/training-dismiss.js";
import { alertsCommand } from "./alerts.js";
import { incidentCommand } from "./incident.js";
import { assetCommand } from "./asset.js";
import { assetsCommand } from "./assets.js";
import { oncallCommand } from "./oncall.js";
import { arealeadCommand } from "./arealead.js";
import { graphCommand } from "./graph.js";
import { incidentAssignAction } from "./actions/incident-assign.js";
import { incidentStartAction } from "./actions/incident-start.js";
import { incidentReopenAction } from "./actions/incident-reopen.js";
import { incidentResolveAction } from "./actions/incident-resolve.js";
import { incidentResolvedAction } from "./actions/incident-resolved.js";

/** Commands in the order `help` lists them. */
export const commands: readonly CommandSpec[] = [
  helpCommand,
  planCommand,
  stakeholdersCommand,
  stakeholderCommand,
  arealeadCommand,
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
  renameCommand,
  removeCommand,
  restoreCommand,
  skipCommand,
  unskipCommand,
  roleCommand,
  rolesCommand,
  meCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  digestCommand,
  chartCommand,
  exportCommand,
  importCommand,
  skillsCommand,
  trainCommand,
  trainedCommand,
  trainingCommand,
  teamCommand,
  alertsCommand,
  incidentCommand,
  assetCommand,
  assetsCommand,
  oncallCommand,
  graphCommand,
];

/** Button and form actions. */
export const actions: readonly ActionSpec[] = [
  taskStartAction,
  taskDoneAction,
  taskSnoozeAction,
  taskReassignAction,
  taskAssignAction,
  taskAddAction,
  homeShowAction,
  tasksNextAction,
  trainingDoneAction,
  trainingSnoozeAction,
  trainingDismissAction,
  incidentAssignAction,
  incidentStartAction,
  incidentReopenAction,
  incidentResolveAction,
  incidentResolvedAction,
  importApplyAction,
  importUploadAction,
  importCancelAction,
];
