/**
 * The demo source used when no Azure credentials are set: replays src/data/demo-incidents.json as
 * Graph-shaped pages, with times relative to when it was created, so `npm start` shows backfill,
 * new incidents, changes, a honeypot touch and write-back without any cloud account.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fromDate } from "../domain/incident-time.js";
import { projectRoot } from "../storage/project-root.js";
import type { IncidentRepository } from "../storage/repositories/incident-repository.js";
import {
  AlertSourceError,
  type AlertSource,
  type GraphAlert,
  type GraphIncident,
  type SourcePage,
} from "./alert-source.js";

type Json = Record<string, unknown>;

/** One demo incident: when it appears (minutes from the start) and its later changes. */
export interface DemoEntry {
  minutes: number;
  incident: Json & { id: string; alerts?: (Json & { minutes?: number })[] };
  changes?: { minutes: number; set?: Json; alerts?: (Json & { minutes?: number })[] }[];
}

/** Incidents per demo page, small so paging shows. */
export const DEMO_PAGE_SIZE = 3;

/** Loads the shipped demo incident timeline. */
export function loadDemoIncidents(path = join(projectRoot(), "src", "data", "demo-incidents.json")): DemoEntry[] {
  return (JSON.parse(readFileSync(path, "utf8")) as { incidents: DemoEntry[] }).incidents;
}

function pages<T>(items: T[], size: number): SourcePage<T>[] {
  if (items.length === 0) return [{ items: [], last: true }];
  const out: SourcePage<T>[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push({ items: items.slice(i, i + size), last: i + size >= items.length });
  return out;
}

/** Where a restarted demo finds its original start: from a demo incident stored earlier (its created time). */
export function storedDemoStart(
  incidents: Pick<IncidentRepository, "get">,
): (entries: readonly DemoEntry[]) => Promise<Date | undefined> {
  return async (entries) => {
    for (const e of entries) {
      const created = (await incidents.get("demo", e.incident.id))?.createdAt;
      if (created) return new Date(Date.parse(created) - e.minutes * 60_000);
    }
    return undefined;
  };
}

/**
 * A source replaying the demo timeline against `clock`; write-backs change its state like Graph would.
 * The timeline starts at the first use, or where a previous run's stored incidents say it started,
 * so a restart resumes the story instead of replaying it with new times.
 */
export function createDemoSource(
  clock: () => Date,
  entries: DemoEntry[] = loadDemoIncidents(),
  startFrom?: (entries: readonly DemoEntry[]) => Promise<Date | undefined>,
): AlertSource {
  let origin: number | undefined;
  const ready = async () => {
    if (origin === undefined) {
      const stored = await startFrom?.(entries);
      origin ??= (stored ?? clock()).getTime();
    }
  };
  const base = () => (origin ??= clock().getTime());
  const at = (minutes: number) => fromDate(new Date(base() + minutes * 60_000));
  /** Write-backs, kept as changes at the minute they were made (always visible: they already happened). */
  const patches = new Map<string, { minutes: number; set: Json; patch: true }[]>();

  function stateAt(now: number): GraphIncident[] {
    const start = base();
    const minutesNow = (now - start) / 60_000;
    return entries
      .filter((e) => e.minutes <= minutesNow)
      .map((e) => {
        const alert = (a: Json & { minutes?: number }, m: number): GraphAlert => ({
          ...a,
          incidentId: e.incident.id,
          createdDateTime: at(a.minutes ?? m),
          lastUpdateDateTime: at(a.minutes ?? m),
        });
        let incident: Json = { ...e.incident, alerts: (e.incident.alerts ?? []).map((a) => alert(a, e.minutes)) };
        let updated = e.minutes;
        const changes = [...(e.changes ?? []), ...(patches.get(e.incident.id) ?? [])].sort(
          (a, b) => a.minutes - b.minutes,
        );
        for (const c of changes.filter((c) => c.minutes <= minutesNow || "patch" in c)) {
          const added = "alerts" in c ? (c.alerts ?? []) : [];
          incident = {
            ...incident,
            ...c.set,
            alerts: [...(incident.alerts as GraphAlert[]), ...added.map((a) => alert(a, c.minutes))],
          };
          updated = Math.max(updated, c.minutes);
        }
        return {
          "@odata.type": "#microsoft.graph.security.incident",
          ...incident,
          tenantId: "demo",
          incidentWebUrl: `https://security.microsoft.com/incidents/${e.incident.id}?tid=demo`,
          createdDateTime: at(e.minutes),
          lastUpdateDateTime: at(updated),
        };
      });
  }

  return {
    kind: "demo",
    tenant: "demo",
    async *incidentsSince(since) {
      await ready();
      yield* pages(
        stateAt(clock().getTime()).filter((i) => String(i.lastUpdateDateTime) >= since),
        DEMO_PAGE_SIZE,
      );
    },
    async *alertsSince(since) {
      await ready();
      const alerts = stateAt(clock().getTime()).flatMap((i) => i.alerts as GraphAlert[]);
      yield* pages(
        alerts.filter((a) => String(a.lastUpdateDateTime) >= since),
        10,
      );
    },
    async commentIncident(id) {
      await ready();
      if (!stateAt(clock().getTime()).some((i) => i.id === id))
        throw new AlertSourceError(`Incident ${id} is not in the demo data.`, "not-found");
    },
    async updateIncident(id, patch) {
      await ready();
      const current = stateAt(clock().getTime()).find((i) => i.id === id);
      if (!current) throw new AlertSourceError(`Incident ${id} is not in the demo data.`, "not-found");
      const list = patches.get(id) ?? [];
      const lastMinutes = (Date.parse(String(current.lastUpdateDateTime)) - base()) / 60_000;
      list.push({
        minutes: Math.max((clock().getTime() - base()) / 60_000, lastMinutes + 1 / 60_000),
        set: { ...patch },
        patch: true,
      });
      patches.set(id, list);
      return stateAt(clock().getTime()).find((i) => i.id === id) ?? current;
    },
  };
}
