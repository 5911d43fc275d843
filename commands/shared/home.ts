/**
 * The neutral App Home (Slack Home tab, and any other platform's personal dashboard): the person's
 * own open tasks, overdue first, then the stages' progress. Each part is a HomeSection; add a new
 * part (such as training suggestions) by appending a function to HOME_SECTIONS.
 */
import type { CommandContext } from "../../src/app/command.js";
import type { Block, Card } from "../../src/core/reply.js";
import { isOverdue, type Task } from "../../src/domain/task.js";
import { areaProgress } from "./progress.js";
import { taskRow } from "./task-views.js";
import { today } from "./today.js";
import { trainingSection } from "./training-home.js";

/** One part of the home view, computed for the person looking at it. */
export type HomeSection = (ctx: CommandContext) => Promise<Block[]>;

/** Overdue first (oldest due date first), then by due date, undated last, plan order otherwise. */
function byUrgency(day: string) {
  return (a: Task, b: Task): number => {
    const late = Number(isOverdue(b, day)) - Number(isOverdue(a, day));
    if (late !== 0) return late;
    return (a.dueDate ?? "9999-99-99").localeCompare(b.dueDate ?? "9999-99-99");
  };
}

/** The person's open tasks, overdue first. */
export const myTasksSection: HomeSection = async (ctx) => {
  const day = today(ctx);
  const mine = (await ctx.services.tasks.all(ctx.workspace))
    .filter((t) => t.ownerId === ctx.actor.id && t.status !== "done")
    .sort(byUrgency(day));
  const overdue = mine.filter((t) => isOverdue(t, day)).length;
  return [
    { type: "text", spans: [{ bold: `Your open tasks: ${mine.length}` }, overdue ? `, ${overdue} overdue` : ""] },
    { type: "list", items: mine.map((t) => taskRow(t, day)), empty: "You have no open tasks." },
  ];
};

/** Every stage's progress, as in `plan`. */
export const progressSection: HomeSection = async (ctx) => {
  const progress = areaProgress(ctx.services.plan, await ctx.services.tasks.all(ctx.workspace), today(ctx));
  return [
    { type: "divider" },
    { type: "text", spans: [{ bold: "Stage progress" }] },
    ...progress.map((p): Block => ({
      type: "progress",
      label: `${p.id} ${p.name}`,
      done: p.done,
      total: p.total,
      ...(p.overdue ? { note: `${p.overdue} overdue` } : {}),
    })),
  ];
};

/** The parts of the home view, in order. */
export const HOME_SECTIONS: HomeSection[] = [myTasksSection, progressSection, trainingSection];

/** The whole home view for the actor, with a Refresh button. */
export async function homeCard(ctx: CommandContext, sections: readonly HomeSection[] = HOME_SECTIONS): Promise<Card> {
  const parts = await Promise.all(sections.map((s) => s(ctx)));
  return {
    title: "SecOps adoption: your work",
    subtitle: `${ctx.actor.displayName} · ${ctx.actor.role} · ${today(ctx)}`,
    blocks: [
      ...parts.flat(),
      { type: "actions", actions: [{ kind: "button", actionId: "home.show", label: "Refresh", value: "home" }] },
    ],
  };
}
