/** `alerts [24h | 7d] [severity <level>]`: alert counts by severity, source and status, and the top open incidents. */
import { defineCommand } from "../src/app/command.js";
import { cardReply, type Block } from "../src/core/reply.js";
import { enumLabel, parseSeverityWord, severityRank } from "../src/domain/incident.js";
import { sourceLabel } from "../src/domain/incident-sources.js";
import { fromDate } from "../src/domain/incident-time.js";
import { usageError } from "../src/errors.js";
import { visibleTenant } from "../src/alerts/incident-access.js";

const TOP = 5;

function readWindow(word: string): { hours: number; label: string } | undefined {
  const m = /^(\d{1,3})(h|d)$/i.exec(word);
  if (!m) return undefined;
  const n = Number(m[1]);
  const hours = m[2]?.toLowerCase() === "d" ? n * 24 : n;
  if (n < 1 || hours > 30 * 24) return undefined;
  return {
    hours,
    label: m[2]?.toLowerCase() === "d" ? `${n} day${n === 1 ? "" : "s"}` : `${n} hour${n === 1 ? "" : "s"}`,
  };
}

function tally(rows: { key: string; count: number }[]): string {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.key, (sums.get(r.key) ?? 0) + r.count);
  return (
    [...sums.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(", ") || "none"
  );
}

/** Summarises the synced alerts of a recent window and lists the most severe open incidents. */
export const alertsCommand = defineCommand({
  name: "alerts",
  summary: "Alert counts by severity, source and status, and the top open incidents",
  usage: "alerts [24h | 7d] [severity <low|medium|high>]",
  minRole: "analyst",
  async run(ctx, args) {
    let window = { hours: 24, label: "24 hours" };
    let minSeverity = "unknown";
    for (let word = args.next(); word !== undefined; word = args.next()) {
      const lower = word.toLowerCase();
      const w = readWindow(lower);
      if (w) window = w;
      else if (lower === "severity") {
        let level = args.required("the severity");
        if (level === ">=" || level === "≥") level = args.required("the severity");
        const s = parseSeverityWord(level);
        if (!s) throw usageError(`"${level.slice(0, 20)}" is not a severity; use informational, low, medium or high.`);
        minSeverity = s;
      } else throw usageError(`"${word.slice(0, 20)}" is neither a window (24h, 7d) nor severity <level>.`);
    }
    const { source } = ctx.services.alertFeed;
    const tenant = await visibleTenant(ctx);
    const minRank = severityRank(minSeverity);
    const since = fromDate(new Date(ctx.now.getTime() - window.hours * 3_600_000));
    const rows = (await ctx.services.incidents.alertCounts(tenant, since)).filter(
      (r) => severityRank(r.severity) >= minRank,
    );
    const total = rows.reduce((n, r) => n + r.count, 0);
    const top = await ctx.services.incidents.open(tenant, minRank, TOP);
    const openCount = await ctx.services.incidents.countOpen(tenant, minRank);
    const state = await ctx.services.syncState.get(tenant, "incidents");
    const sync = state?.lastError
      ? `Last sync failed: ${state.lastError}`
      : state?.lastSuccessAt
        ? `Last synced ${state.lastSuccessAt.slice(0, 16).replace("T", " ")} UTC`
        : "Not synced yet";
    const blocks: Block[] = [
      {
        type: "facts",
        facts: [
          { label: "Alerts", value: String(total) },
          { label: "By severity", value: tally(rows.map((r) => ({ key: enumLabel(r.severity), count: r.count }))) },
          {
            label: "By source",
            value: tally(rows.map((r) => ({ key: sourceLabel(r.serviceSource), count: r.count }))),
          },
          { label: "By status", value: tally(rows.map((r) => ({ key: enumLabel(r.status), count: r.count }))) },
          { label: "Open incidents", value: String(openCount) },
        ],
      },
      { type: "text", spans: [{ bold: `Top open incidents${openCount > TOP ? ` (${TOP} of ${openCount})` : ""}` }] },
      {
        type: "list",
        items: top.map((i) => ({
          label: `${i.id} ${i.displayName.slice(0, 120)}`,
          detail: `${enumLabel(i.severity)} · ${enumLabel(i.status)} · ${i.assignedTo ?? "unassigned"} · ${i.alerts.length} alert${i.alerts.length === 1 ? "" : "s"}`,
        })),
        empty: "No open incidents.",
      },
      {
        type: "context",
        spans: [
          sync,
          source.kind === "demo" ? " · demo data (no Azure credentials)" : "",
          ". See one with ",
          { code: "incident <id>" },
          ".",
        ],
      },
    ];
    const scope = minSeverity === "unknown" ? "" : `, severity ${enumLabel(minSeverity)}+`;
    return cardReply({ title: `Alerts in the last ${window.label}${scope}`, blocks });
  },
});
