/** Turns a mention token from a command into a person of the workspace. */
import { usageError } from "../errors.js";
import { isListedAdmin } from "../domain/admins.js";
import type { Person } from "../domain/person.js";
import type { Incoming } from "./incoming.js";
import type { CoreServices } from "./core-services.js";

/**
 * Mentions the adapter resolved (`@U123`, or every `@name` in the console) come first; otherwise a
 * known person's exact display name. An unknown or ambiguous name is refused, never guessed.
 */
export async function resolvePerson(
  services: CoreServices,
  incoming: Incoming,
  token: string,
  options: { create?: boolean } = {},
): Promise<Person> {
  const workspace = incoming.conversation.workspace;
  if (!token.startsWith("@") || token.length < 2)
    throw usageError(`"${token}" is not a person; mention them as @name.`);
  const identity = incoming.mentions[token];
  if (identity && options.create === false) {
    const known = await services.people.byPlatformId(workspace, identity.userId);
    if (known) return known;
    throw usageError(`I don't know ${token} yet; nobody was created.`);
  }
  if (identity?.platform === "console") {
    const known = await services.people.byPlatformId(workspace, identity.userId);
    if (known) return known;
  }
  if (identity) {
    const listed = isListedAdmin(services.admins, workspace, identity);
    return services.people.upsert(workspace, identity, listed ? "admin" : "none");
  }
  const name = token.slice(1);
  const byId = await services.people.byPlatformId(workspace, name);
  if (byId) return byId;
  const matches = await services.people.byName(workspace, name);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) throw usageError(`More than one person is called ${name}; mention them instead.`);
  throw usageError(`I don't know ${token}; mention them so the platform tells me who they are.`);
}
