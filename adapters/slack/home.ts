/**
 * The Home tab: on app_home_opened (and after a click on it) the neutral home view of the person
 * (commands/shared/home.ts, run as the `home.show` action) is rendered and published with views.publish.
 */
import type { App, webApi } from "@slack/bolt";
import type { Reply } from "../../src/core/reply.js";
import { homeConversation, type SlackContext } from "./context.js";
import { SLACK_CAPABILITIES } from "./profile.js";
import { classify } from "./errors.js";
import { renderReply } from "./render.js";

/** The neutral action that builds the home view. */
export const HOME_ACTION = "home.show";

/** Builds (unless given) and publishes the person's Home tab; failures are logged, there is no one else to tell. */
export async function publishHome(
  ctx: SlackContext,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
  built?: Reply,
): Promise<void> {
  let reply = built;
  if (!reply) {
    const actor = await ctx.directory.identity(client, teamId, userId);
    const conversation = homeConversation(teamId, userId);
    reply = await ctx.bot.handle({
      kind: "action",
      actionId: HOME_ACTION,
      value: "",
      actor,
      conversation,
      mentions: {},
      capabilities: SLACK_CAPABILITIES,
    });
  }
  const { blocks } = renderReply(reply, "home");
  try {
    await client.views.publish({ user_id: userId, view: { type: "home", blocks } });
  } catch (err) {
    ctx.log.warn({ err: classify(err), user: userId }, "views.publish failed");
  }
}

/** Registers the app_home_opened listener (Home tab only, not the Messages tab). */
export function registerHome(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = body.team_id;
    await ctx.later("home", () => publishHome(ctx, client, teamId, event.user));
  });
}
