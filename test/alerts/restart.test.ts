import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { graphIncident, graphAlert } from "../fakes/graph-data.js";
import { FakeGraph } from "../fakes/graph-server.js";
import { durableTestDatabase, type TestDatabase } from "../support/test-storage.js";
import { graphHarness, outboxRows, type GraphHarness } from "./harness.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
let dir: string;
let fake: FakeGraph;
let database: TestDatabase;
const open: GraphHarness[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "secops-restart-"));
  database = durableTestDatabase(join(dir, "bot.db"));
  fake = await FakeGraph.start({ maxPageSize: 2 });
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<GraphHarness> {
  const h = await graphHarness({ fake, database });
  open.push(h);
  return h;
}

function add(id: string, at: string): void {
  fake.routes.put(graphIncident(id, at, at, { severity: "high" }, [graphAlert(`a-${id}`, at)]));
}

async function roots(h: GraphHarness): Promise<string[]> {
  return (await outboxRows(h.t))
    .filter((r) => r.op === "post" && r.key.endsWith(":root"))
    .map((r) => r.key.split(":")[2] ?? "");
}

describe("a sync cut short", () => {
  it("loses nothing and posts nothing twice when it crashes after page 1 and restarts", async () => {
    add("101", "2026-11-27T01:00:00Z");
    const first = await start();
    await first.t.run("subscribe incidents");
    await first.sync();
    expect(await roots(first)).toEqual(["101"]);

    for (let i = 2; i <= 6; i++) add(`10${i}`, `2026-11-28T09:0${i}:00Z`);
    first.t.clock.set("2026-11-28T09:30:00Z");
    fake.fail({ path: /\/security\/incidents$/, skip: 1, times: 5, drop: true });
    const crashed = await first.sync();
    expect(crashed.error).toMatch(/could not be reached/);
    expect(await roots(first)).toEqual(["101", "106", "105"]);
    const state = await first.t.storage.syncState.get(TENANT, "incidents");
    expect(state?.cursor).toBe("2026-11-27T01:00:00.0000000Z");
    expect(state?.runSince).toBe("2026-11-27T00:58:00.0000000Z");
    const rowsBefore = (await outboxRows(first.t)).length;
    await first.t.close();
    open.splice(0);
    fake.faults.splice(0);

    const second = await start();
    second.t.clock.set("2026-11-28T09:31:00Z");
    const resumed = await second.sync();
    expect(resumed.error).toBeUndefined();
    expect((await roots(second)).sort()).toEqual(["101", "102", "103", "104", "105", "106"]);
    const added = (await outboxRows(second.t)).slice(rowsBefore);
    expect(added.map((r) => r.key.split(":")[2])).toEqual(["104", "103", "102"]);
    expect((await second.t.storage.syncState.get(TENANT, "incidents"))?.cursor).toBe("2026-11-28T09:06:00.0000000Z");
    expect(
      (await second.t.services.incidents.history(TENANT, "105")).filter((c) => c.field === "created"),
    ).toHaveLength(1);
  });

  it("resumes an interrupted backfill from the same window and posts the open incidents once, at its end", async () => {
    for (let i = 1; i <= 5; i++) add(`20${i}`, `2026-11-2${i + 1}T08:00:00Z`);
    const first = await start();
    await first.t.run("subscribe incidents");
    fake.fail({ path: /\/security\/incidents$/, skip: 2, times: 5, drop: true });
    expect((await first.sync()).error).toBeDefined();
    expect(await roots(first)).toEqual([]);
    expect((await first.t.services.incidents.open(TENANT)).length).toBe(4);
    await first.t.close();
    open.splice(0);
    fake.faults.splice(0);

    const second = await start();
    second.t.clock.advance(60_000);
    expect((await second.sync()).error).toBeUndefined();
    expect(await roots(second)).toEqual(["205", "204", "203", "202", "201"]);
    const filters = fake
      .graphRequests()
      .filter((r) => r.path === "/v1.0/security/incidents" && !r.query.get("$skip"))
      .map((r) => r.query.get("$filter"));
    expect(new Set(filters)).toEqual(new Set(["lastUpdateDateTime ge 2026-11-21T10:00:00.0000000Z"]));
    expect((await second.sync()).error).toBeUndefined();
    expect(await roots(second)).toHaveLength(5);
  });

  it("stores a page in one transaction: a failure at its end leaves none of it, and the next run stores it once", async () => {
    add("301", "2026-11-27T01:00:00Z");
    const h = await start();
    await h.t.run("subscribe incidents");
    await h.sync();
    for (let i = 2; i <= 5; i++) add(`30${i}`, `2026-11-28T09:0${i}:00Z`);
    h.t.clock.set("2026-11-28T09:30:00Z");
    const state = h.t.services.syncState;
    const pageStored = state.pageStored.bind(state);
    let pages = 0;
    state.pageStored = async (...args) => {
      if (++pages === 2) throw new Error("the disk went away at the end of page 2");
      return pageStored(...args);
    };
    expect((await h.sync()).error).toBeDefined();
    const stored = async (id: string) => (await h.t.services.incidents.get(TENANT, id)) !== undefined;
    expect([await stored("305"), await stored("304")]).toEqual([true, true]);
    expect([await stored("303"), await stored("302")]).toEqual([false, false]);
    expect(await h.t.services.incidents.history(TENANT, "303")).toEqual([]);
    expect(await roots(h)).toEqual(["301", "305", "304"]);

    state.pageStored = pageStored;
    expect((await h.sync()).error).toBeUndefined();
    expect(await roots(h)).toEqual(["301", "305", "304", "303", "302"]);
    expect((await h.t.services.incidents.history(TENANT, "303")).filter((c) => c.field === "created")).toHaveLength(1);
  });
});
