/**
 * The monthly report: on the first working day of each month (from 09:00 in the subscription's timezone)
 * the leaders' slides go to the subscribed conversation and, as direct messages, to the named stakeholders.
 * The outbox key (conversation + month) makes it go out once, across restarts and replicas.
 */
import { DateTime } from "luxon";
import { z } from "zod";
import type { Services } from "../app/services.js";
import type { OutboxItem } from "../storage/repositories/outbox-repository.js";
import { textReply, withFile, type Reply } from "../core/reply.js";
import { applicable, loadTrackingData } from "./tracking-data.js";

/** The subscription kind's name. */
export const REPORT_KIND = "report";

/** What a report subscription stores. */
export const reportSettingsSchema = z.object({
  cadence: z.literal("monthly"),
  timezone: z.string(),
  since: z.string(),
});

export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** The first Monday-to-Friday day of the month `at` falls in, in `zone`. */
export function firstWorkingDay(at: DateTime): DateTime {
  let day = at.startOf("month");
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day;
}

/** The month (YYYY-MM) whose report is due at `now`, or undefined. */
export function dueMonth(settings: ReportSettings, now: Date): string | undefined {
  const local = DateTime.fromJSDate(now, { zone: settings.timezone });
  const sendAt = firstWorkingDay(local).set({ hour: 9 });
  if (local < sendAt || sendAt.toJSDate() < new Date(settings.since)) return undefined;
  return local.toFormat("yyyy-MM");
}

function reportReply(month: string, summary: string, bytes: Buffer): Reply {
  return withFile(textReply(`Monthly adoption report, ${month}: ${summary}`), {
    name: `secops-adoption-${month}.pptx`,
    mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    base64: bytes.toString("base64"),
    title: "Adoption tracker slides",
    command: "export slides",
  });
}

/** Enqueues every report that is due; returns how many conversations got one. */
export async function runMonthlyReports(services: Services, now: Date): Promise<number> {
  let sent = 0;
  for (const sub of await services.subscriptions.ofKind(REPORT_KIND)) {
    const settings = reportSettingsSchema.safeParse(sub.settings);
    const month = settings.success ? dueMonth(settings.data, now) : undefined;
    const key = `report:${sub.workspace}:${sub.platform}:${sub.conversationId}:${month}`;
    const legacyKey = `report:${sub.platform}:${sub.conversationId}:${month}`;
    if (!month || (await services.outbox.hasKey(key)) || (await services.outbox.hasKey(legacyKey))) continue;
    const data = await loadTrackingData(services, sub.workspace, now);
    const { buildSlides } = await import("./slides.js");
    const stages = data.objectives.filter((o) => o.stage.startsWith("Stage "));
    const done = stages.reduce((a, o) => a + o.done, 0);
    const total = stages.reduce((a, o) => a + applicable(o), 0);
    const reply = reportReply(month, `stages 1–4 ${done}/${total} tasks done.`, await buildSlides(data));
    const base = { workspace: sub.workspace, platform: sub.platform };
    const items: OutboxItem[] = [{ ...base, key, conversationId: sub.conversationId, op: "post", reply }];
    const people = new Map((await services.stakeholders.all(sub.workspace)).map((s) => [s.platformUserId, s]));
    for (const person of people.values())
      items.push({
        ...base,
        key: `${key}:dm:${person.platformUserId}`,
        conversationId: person.platformUserId,
        op: "dm",
        reply,
      });
    const fresh = await services.storage.unitOfWork(async (tx) => {
      let n = 0;
      for (const item of items) if (await tx.outbox.enqueue(item, now)) n++;
      return n;
    });
    if (fresh) sent++;
  }
  return sent;
}
