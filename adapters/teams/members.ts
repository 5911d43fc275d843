/**
 * Looks people up over the Bot Connector (TeamsInfo.getMember) to learn their Entra object id,
 * email and UPN, with a small per-process cache. Any failure (404, throttling, a personal chat
 * where the person is not a member) falls back to what the activity itself said.
 */
import { TeamsInfo, type TurnContext } from "botbuilder";
import { LRUCache } from "lru-cache";
import type { Identity } from "../../src/core/incoming.js";
import type { Logger } from "../../src/logger.js";
import { replaceOnce, identityOf, workspaceOf, type MentionEntity } from "./parse.js";
import { TeamsUserIds } from "./user-ids.js";

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 2000;

/**
 * Resolves Teams accounts to identities, remembering answers for an hour. People in `homeTenant`
 * (the organisation's own tenant) are marked as such, and only there is a looked-up email vouched for.
 */
export class MemberDirectory {
  private readonly cache: LRUCache<string, Identity>;

  constructor(
    private readonly log: Logger,
    private readonly homeTenant: string = "",
    private readonly userIds: TeamsUserIds = new TeamsUserIds(),
    clock: () => number = Date.now,
  ) {
    this.cache = new LRUCache({ max: MAX_ENTRIES, ttl: TTL_MS, perf: { now: clock } });
  }

  private vouch(ctx: TurnContext, identity: Identity, emailFromLookup: boolean): Identity {
    const tenant = workspaceOf(ctx.activity).slice("teams:".length).toLowerCase();
    if (!this.homeTenant || tenant !== this.homeTenant.toLowerCase()) return identity;
    return { ...identity, homeWorkspace: true, ...(emailFromLookup && identity.email ? { emailVerified: true } : {}) };
  }

  /** The identity behind a Teams user id, Entra object id or UPN, or undefined when Teams does not say. */
  async lookup(ctx: TurnContext, id: string): Promise<Identity | undefined> {
    const key = `${ctx.activity.conversation?.tenantId ?? ""}|${id}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    try {
      const member = await TeamsInfo.getMember(ctx, id);
      if (!member || typeof member.id !== "string") return undefined;
      this.userIds.remember(workspaceOf(ctx.activity), member.aadObjectId, member.id);
      const identity = this.vouch(ctx, identityOf(member), true);
      this.cache.set(key, identity);
      return identity;
    } catch (err) {
      this.log.debug({ err: String(err) }, "teams: member lookup failed; using the activity's own data");
      return undefined;
    }
  }

  /** The sender, with email/UPN filled in when Teams will tell (SECOPS_ADMINS may list emails). */
  async sender(ctx: TurnContext): Promise<Identity | undefined> {
    const from = ctx.activity.from;
    if (!from || typeof from.id !== "string" || !from.id) return undefined;
    this.userIds.remember(workspaceOf(ctx.activity), from.aadObjectId, from.id);
    const basic = this.vouch(ctx, withoutEmail(identityOf(from)), false);
    const found = await this.lookup(ctx, from.id);
    return found && found.userId === basic.userId ? found : basic;
  }

  /** Replaces each person mention in `text` with `@<userId>` and returns who each token is. */
  async resolveMentions(
    ctx: TurnContext,
    text: string,
    people: MentionEntity[],
    others: MentionEntity[],
  ): Promise<{ text: string; mentions: Record<string, Identity> }> {
    const mentions: Record<string, Identity> = {};
    let out = text;
    for (const m of people) {
      const aad =
        m.mentioned.aadObjectId ??
        (m.mentioned.id.startsWith("8:orgid:") ? m.mentioned.id.slice("8:orgid:".length) : undefined);
      const fallback = this.vouch(
        ctx,
        identityOf({
          id: m.mentioned.id,
          name: m.mentioned.name ?? stripTags(m.text),
          ...(aad ? { aadObjectId: aad } : {}),
        }),
        false,
      );
      const identity = (await this.lookup(ctx, m.mentioned.id)) ?? fallback;
      const token = `@${identity.userId}`;
      mentions[token] = identity;
      out = replaceOnce(out, m.text, token);
    }
    for (const m of others) out = replaceOnce(out, m.text, stripTags(m.text));
    return { text: out, mentions };
  }
}

function withoutEmail(identity: Identity): Identity {
  const { email: _email, ...rest } = identity;
  return rest;
}

function stripTags(text: string): string {
  return text.replace(/<\/?at[^>]*>/gi, "");
}
