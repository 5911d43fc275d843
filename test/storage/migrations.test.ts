import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPlan } from "../../src/data/load-plan.js";
import type { Storage } from "../../src/storage/storage.js";
import { openTestStorage, testEngine } from "../support/test-storage.js";

const MIGRATIONS = join(process.cwd(), "migrations");
const NOW = new Date("2026-11-28T10:00:00Z");

/** The committed migrations of one engine, oldest first. */
function journal(engine: "sqlite" | "postgres"): { tag: string; when: number }[] {
  const file = join(MIGRATIONS, engine, "meta", "_journal.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { entries: { tag: string; when: number }[] }).entries;
}

/** The message of an error and of its causes (drizzle wraps the driver's error). */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const messages: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(" / ");
  }
  throw new Error("expected a failure");
}

const open: Storage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe(`migrations (${testEngine()})`, () => {
  it("builds the whole schema from an empty database", async () => {
    const storage = await openTestStorage();
    open.push(storage);
    const expected = journal(storage.engine).length;
    expect(await storage.migrationState()).toEqual({
      ok: true,
      detail: `${expected} of ${expected} migrations applied`,
    });
    // Every table the bot leans on takes and gives back rows.
    await storage.tasks.seed("w", loadPlan(), NOW);
    const dana = await storage.people.upsert("w", { platform: "console", userId: "dana", displayName: "Dana" });
    await storage.tasks.update("w", "S1-1", { ownerId: dana.id }, NOW);
    expect((await storage.tasks.get("w", "S1-1"))?.ownerName).toBe("Dana");
    await storage.audit.record({
      workspace: "w",
      entityType: "task",
      entityId: "S1-1",
      actorId: dana.id,
      actorName: "Dana",
      action: "assign",
      at: NOW,
    });
    expect(await storage.audit.history("w", "task", "S1-1")).toHaveLength(1);
    const key = { workspace: "w", platform: "console" as const, id: "C1" };
    await storage.conversations.remember({ ...key, kind: "channel", reference: {} }, NOW);
    expect(await storage.conversations.get(key)).toMatchObject({ kind: "channel", active: true });
    await storage.subscriptions.put(
      { workspace: "w", platform: "console", conversationId: "C1", kind: "digest", settings: {}, createdBy: dana.id },
      NOW,
    );
    expect((await storage.subscriptions.forConversation(key)).map((s) => s.kind)).toEqual(["digest"]);
  });

  it("enforces foreign keys", async () => {
    const storage = await openTestStorage();
    open.push(storage);
    await storage.tasks.seed("w", loadPlan(), NOW);
    expect(await failureOf(storage.tasks.update("w", "S1-1", { ownerId: 999 }, NOW))).toMatch(/foreign key/i);
    expect((await storage.tasks.get("w", "S1-1"))?.ownerId).toBeNull();
  });
});
