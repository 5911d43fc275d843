/** What a feed a conversation can subscribe to must provide (digest, incidents, …). */
import type { Args } from "../../src/core/args.js";
import type { CommandContext } from "../../src/app/command.js";
import type { Block } from "../../src/core/reply.js";
import type { Role } from "../../src/domain/roles.js";

/** One kind of subscription, plugged into `subscribe`, `unsubscribe` and `subscriptions`. */
export interface SubscriptionKind {
  /** The word after `subscribe`, e.g. `digest`. */
  name: string;
  /** Usage of the arguments after the name, e.g. `[weekly <day> <HH:MM>] [<timezone>]`. */
  usage: string;
  /** Least role that may subscribe or unsubscribe the conversation. */
  minRole: Role;
  /** Reads the arguments into settings, or throws a usage error (nothing saved). */
  parse(ctx: CommandContext, args: Args): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** One line describing saved settings, for `subscriptions`. */
  describe(settings: Record<string, unknown>): string;
  /** Work done after saving (e.g. posting what matches now); returns extra blocks for the confirmation. */
  afterSubscribe?(ctx: CommandContext, settings: Record<string, unknown>): Block[] | Promise<Block[]>;
}
