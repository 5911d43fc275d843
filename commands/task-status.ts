/** `start`, `block`, `done` and `reopen`: the commands that only move a task's status, declared from one table. */
import { defineCommand, type CommandSpec } from "../src/app/command.js";
import type { TaskStatus } from "../src/domain/task.js";
import { readTask } from "./shared/task-access.js";
import { setStatus } from "./shared/set-status.js";

interface StatusMove {
  name: string;
  status: TaskStatus;
  summary: string;
  usage: string;
}

const MOVES = {
  start: { name: "start", status: "in_progress", summary: "Mark a task as started", usage: "start <task> [note]" },
  block: {
    name: "block",
    status: "blocked",
    summary: "Mark a task as blocked, with the reason; the leads are told",
    usage: "block <task> <reason>",
  },
  done: { name: "done", status: "done", summary: "Mark a task as done", usage: "done <task> [note]" },
  reopen: { name: "reopen", status: "open", summary: "Reopen a task", usage: "reopen <task> [note]" },
} satisfies Record<string, StatusMove>;

function statusCommand(move: StatusMove): CommandSpec {
  return defineCommand({
    name: move.name,
    summary: move.summary,
    usage: move.usage,
    minRole: "analyst",
    async run(ctx, args) {
      const task = await readTask(ctx, args);
      return setStatus(ctx, task, move.status, args.rest());
    },
  });
}

export const startCommand = statusCommand(MOVES.start);
export const blockCommand = statusCommand(MOVES.block);
export const doneCommand = statusCommand(MOVES.done);
export const reopenCommand = statusCommand(MOVES.reopen);
