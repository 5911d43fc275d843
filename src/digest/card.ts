/** The weekly digest as a neutral Card: a pure function of its inputs, shared by the job and `digest preview`. */
import type { Block, Card, ListItem } from "../core/reply.js";
import { quietWeek, type AlertWeekStats } from "../domain/alert-stats.js";
import { blockedFor, type DigestFacts, type ListName } from "./facts.js";

/** Done/total of one plan area; what a snapshot stores and a progress bar shows. */
export interface AreaCount {
  id: string;
  done: number;
  total: number;
}

/** Everything the digest shows. */
export interface DigestInput {
  week: string;
  /** First and last calendar day of the reporting period (YYYY-MM-DD). */
  from: string;
  to: string;
  timezone: string;
  areas: (AreaCount & { name: string })[];
  /** Last week's snapshot for this conversation; absent for the first digest. */
  previous?: AreaCount[];
  facts: DigestFacts;
  alerts?: AlertWeekStats;
  /** One line of team skill coverage, for leads reading the digest. */
  skills?: string;
  /** A PNG chart as a data URI, only where the platform shows images. */
  chart?: string;
  /** The chart's alt text with its numbers (defaults to each area's percentage). */
  chartAlt?: string;
}

/** Rows shown per list before "…and N more". */
export const LIST_LIMIT = 10;

/** Whole percent done. */
export function percent(a: Pick<AreaCount, "done" | "total">): number {
  return a.total === 0 ? 0 : Math.round((a.done / a.total) * 100);
}

/** "+2 done, 25% → 50% since last week", "no change since last week", or "first digest". */
export function changeNote(now: AreaCount, before: AreaCount | undefined): string {
  if (!before) return "first digest";
  const delta = now.done - before.done;
  if (delta === 0 && percent(now) === percent(before)) return "no change since last week";
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  return `${sign}${Math.abs(delta)} done, ${percent(before)}% → ${percent(now)}% since last week`;
}

/** True when no task was completed, no area moved and no alert activity happened. */
export function nothingMoved(input: DigestInput): boolean {
  const moved = input.areas.some((a) => {
    const before = input.previous?.find((p) => p.id === a.id);
    return before !== undefined && (before.done !== a.done || before.total !== a.total);
  });
  return !moved && input.facts.completed.length === 0 && quietWeek(input.alerts);
}

export function digestCard(input: DigestInput): Card {
  const { facts } = input;
  const blocks: Block[] = [];
  if (nothingMoved(input)) {
    const what = input.alerts
      ? "no task was completed, no stage moved and no alert came in."
      : "no task was completed and no stage moved.";
    blocks.push({ type: "text", spans: [{ bold: "No change this week: " }, what] });
  }
  for (const a of input.areas) {
    blocks.push({
      type: "progress",
      label: `${a.id} ${a.name}`,
      done: a.done,
      total: a.total,
      note: changeNote(
        a,
        input.previous?.find((p) => p.id === a.id),
      ),
    });
  }
  if (input.chart) blocks.push({ type: "image", alt: input.chartAlt ?? chartAlt(input.areas), dataUri: input.chart });
  blocks.push({ type: "divider" });
  section(
    blocks,
    `Completed this week (${total(facts, "completed")})`,
    facts.completed.map((c) => ({ label: `${c.taskId}  ${c.title}`, detail: `by ${c.by}` })),
    "None this week.",
    total(facts, "completed"),
  );
  section(
    blocks,
    `Blocked (${total(facts, "blocked")})`,
    facts.blocked.map((b) => ({
      label: `${b.taskId}  ${b.title}`,
      detail: `${b.owner ?? "no owner"} · ${blockedFor(b.daysBlocked)} · ${b.reason}`,
    })),
    "Nothing is blocked.",
    total(facts, "blocked"),
  );
  section(
    blocks,
    `Overdue (${total(facts, "overdue")})`,
    facts.overdue.map((o) => ({
      label: `${o.taskId}  ${o.title}`,
      detail: `${o.owner ?? "no owner"} · ${o.daysLate} day${o.daysLate === 1 ? "" : "s"} late`,
    })),
    "Nothing is overdue.",
    total(facts, "overdue"),
  );
  section(
    blocks,
    `Due in the next 7 days (${total(facts, "dueSoon")})`,
    facts.dueSoon.map((d) => ({
      label: `${d.taskId}  ${d.title}`,
      detail: `${d.owner ?? "no owner"} · due ${d.dueDate}`,
    })),
    "Nothing is due.",
    total(facts, "dueSoon"),
  );
  section(
    blocks,
    `No owner (${total(facts, "unowned")})`,
    facts.unowned.map((u) => ({ label: `${u.taskId}  ${u.title}` })),
    "Every open task has an owner.",
    total(facts, "unowned"),
  );
  if (input.alerts) blocks.push(...alertBlocks(input.alerts));
  if (input.skills) blocks.push({ type: "divider" }, { type: "text", spans: [input.skills] });
  return {
    title: `Weekly digest · ${input.week}`,
    subtitle: `${input.from} to ${input.to} (${input.timezone})`,
    blocks,
  };
}

/** How many rows a list holds in all (its rows may be only the first of them). */
function total(facts: DigestFacts, list: ListName): number {
  return facts.totals?.[list] ?? facts[list].length;
}

function section(blocks: Block[], heading: string, items: ListItem[], empty: string, all = items.length): void {
  const shown = items.slice(0, LIST_LIMIT);
  if (all > shown.length) shown.push({ label: `…and ${all - shown.length} more` });
  blocks.push({ type: "text", spans: [{ bold: heading }] }, { type: "list", items: shown, empty });
}

function alertBlocks(s: AlertWeekStats): Block[] {
  const open = Object.entries(s.openBySeverity).filter(([, n]) => n > 0);
  return [
    { type: "divider" },
    { type: "text", spans: [{ bold: "Alerts and incidents this week" }] },
    {
      type: "facts",
      facts: [
        { label: "Incidents", value: `${s.newIncidents} new, ${s.resolvedIncidents} resolved` },
        { label: "Alerts", value: `${s.newAlerts} new, ${s.resolvedAlerts} resolved` },
        {
          label: "Open by severity",
          value: open.length ? open.map(([sev, n]) => `${sev} ${n}`).join(", ") : "none open",
        },
        { label: "Mean time to acknowledge", value: duration(s.meanMinutesToAcknowledge) },
        { label: "Mean time to resolve", value: duration(s.meanMinutesToResolve) },
        {
          label: "Honeypot touches",
          value: `${s.honeypotTouches}${s.honeypotUnanswered ? ` (${s.honeypotUnanswered} with nobody to ping)` : ""}`,
        },
      ],
    },
  ];
}

/** "45 min", "3 h 20 min", "2 d 4 h", or "n/a". */
export function duration(minutes: number | undefined): string {
  if (minutes === undefined) return "n/a";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} h ${m % 60} min`;
  return `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`;
}

function chartAlt(areas: DigestInput["areas"]): string {
  return `Progress chart: ${areas.map((a) => `${a.id} ${percent(a)}%`).join(", ")}`;
}
