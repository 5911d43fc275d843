/**
 * Slack users as the core's identities: name and email from users.info, cached briefly so a burst
 * of clicks costs one lookup. A failed lookup falls back to the id (and the name Slack sent), never blocks.
 * The identity says whether its team is the bot's own (auth.test) and whether Slack vouches for its
 * email (a member of that team whose address is in the team's verified email domains, team.info).
 */
import type { webApi } from "@slack/bolt";
import { LRUCache } from "lru-cache";
import type { Identity } from "../../src/core/incoming.js";
import type { Logger } from "../../src/logger.js";

/** How long a looked-up person is reused. */
export const PEOPLE_TTL_MS = 5 * 60 * 1000;
const MAX_CACHED = 1000;

/** The fields of users.info the bot reads. */
interface SlackUser {
  id?: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string; email?: string };
}

/** The bot's own workspace: its team id and the email domains Slack verified for it. */
export interface HomeTeam {
  teamId: string;
  emailDomains: readonly string[];
}

/** Looks people up through users.info with a small, bounded, expiring cache. */
export class SlackDirectory {
  private readonly cache: LRUCache<string, Identity>;
  private home: HomeTeam | undefined;

  constructor(
    private readonly log: Logger,
    now: () => number = Date.now,
  ) {
    this.cache = new LRUCache({ max: MAX_CACHED, ttl: PEOPLE_TTL_MS, perf: { now } });
  }

  /** Records the bot's own workspace (at start); until then no identity is home or has a vouched email. */
  setHome(home: HomeTeam): void {
    this.home = { teamId: home.teamId, emailDomains: home.emailDomains.map((d) => d.trim().toLowerCase()) };
    this.cache.clear();
  }

  /** The identity of a user in a team; `fallbackName` is used (uncached) when Slack cannot answer. */
  async identity(client: webApi.WebClient, teamId: string, userId: string, fallbackName?: string): Promise<Identity> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    try {
      const result = await client.users.info({ user: userId });
      const identity = this.vouch(
        teamId,
        toIdentity(userId, result.user as SlackUser | undefined, fallbackName),
        result.user as SlackUser | undefined,
      );
      this.remember(key, identity);
      return identity;
    } catch (err) {
      this.log.warn({ err: describe(err), userId }, "users.info failed; using the id as the name");
      return this.vouch(teamId, { platform: "slack", userId, displayName: fallbackName?.trim() || userId });
    }
  }

  private vouch(teamId: string, identity: Identity, user?: SlackUser): Identity {
    const home = this.home;
    if (!home || teamId !== home.teamId) return identity;
    const domain = identity.email?.split("@")[1];
    const member = user?.team_id === home.teamId;
    const vouched = member && !!domain && home.emailDomains.includes(domain);
    return { ...identity, homeWorkspace: true, ...(vouched ? { emailVerified: true } : {}) };
  }

  /** The identities behind mentioned user ids, keyed by the `@U…` token the text now holds; `labels` are fallback names. */
  async mentions(
    client: webApi.WebClient,
    teamId: string,
    userIds: readonly string[],
    labels: Record<string, string> = {},
  ): Promise<Record<string, Identity>> {
    const found = await Promise.all(userIds.map((id) => this.identity(client, teamId, id, labels[id])));
    return Object.fromEntries(found.map((identity) => [`@${identity.userId}`, identity]));
  }

  private remember(key: string, identity: Identity): void {
    this.cache.set(key, identity);
  }
}

function toIdentity(userId: string, user: SlackUser | undefined, fallbackName?: string): Identity {
  const name =
    user?.profile?.display_name?.trim() ||
    user?.profile?.real_name?.trim() ||
    user?.real_name?.trim() ||
    user?.name?.trim() ||
    fallbackName?.trim() ||
    userId;
  const email = user?.profile?.email?.trim().toLowerCase();
  return { platform: "slack", userId, displayName: name.slice(0, 200), ...(email ? { email } : {}) };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
