/** The `report` feed: `subscribe report monthly [<timezone>]`, the leaders' slides on the first working day of each month. */
import { isSchedulableTimezone } from "../../src/digest/schedule.js";
import { usageError } from "../../src/errors.js";
import { REPORT_KIND, reportSettingsSchema, type ReportSettings } from "../../src/reports/monthly.js";
import type { SubscriptionKind } from "./kind.js";

/** The monthly report subscription kind. */
export const reportKind: SubscriptionKind = {
  name: REPORT_KIND,
  usage: "monthly [<timezone>]",
  minRole: "lead",
  parse(ctx, args) {
    const cadence = args.required("monthly").toLowerCase();
    if (cadence !== "monthly") throw usageError(`"${cadence.slice(0, 20)}": the report is monthly.`);
    const timezone = args.next() ?? ctx.actor.timezone;
    if (!isSchedulableTimezone(timezone))
      throw usageError(`"${timezone.slice(0, 60)}" is not a timezone; use a name like Europe/Berlin.`);
    const settings: ReportSettings = { cadence: "monthly", timezone, since: ctx.now.toISOString() };
    return settings;
  },
  describe(settings) {
    const parsed = reportSettingsSchema.safeParse(settings);
    return parsed.success
      ? `Monthly report (slides) on the first working day of each month, 09:00 ${parsed.data.timezone}`
      : "Monthly report (settings unreadable; subscribe again)";
  },
  afterSubscribe() {
    return [
      {
        type: "context",
        spans: ["Named stakeholders get it as a direct message too (", { code: "stakeholders" }, ")."],
      },
    ];
  },
};
