/** Test helpers: a team of people with roles, and looking them up. */
import type { Person } from "../../src/domain/person.js";
import type { TestBot } from "../support/test-bot.js";

/** Makes each name an analyst (the admin runs `role`). */
export async function analysts(t: TestBot, ...names: string[]): Promise<void> {
  for (const name of names) await t.run(`role @${name} analyst`);
}

/** A person of the test workspace by name. */
export async function person(t: TestBot, name: string): Promise<Person> {
  const found = await t.services.people.byPlatformId(t.workspace, name.toLowerCase());
  if (!found) throw new Error(`no person ${name}`);
  return found;
}
