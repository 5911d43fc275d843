/**
 * When a workspace uninstalls the app (app_uninstalled) or revokes the bot's token (tokens_revoked),
 * its tokens are deleted and its feeds stop: the workspace's subscriptions are removed and the
 * messages still waiting in the outbox for it are failed, so nothing is sent with a dead token.
 * Slack may send the two events in either order, or both; doing it twice is harmless.
 * Bolt calls these listeners without authorizing (the token may already be gone).
 */
import type { App } from "@slack/bolt";
import type { SlackContext } from "./context.js";
import { workspaceOf } from "./parse.js";

/** Where the event applies, from Bolt's context. */
interface Scope {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** Registers the two listeners; `oauth` says whether tokens are stored (OAuth mode). */
export function registerUninstall(app: App, ctx: SlackContext, oauth: boolean): void {
  const forget = async (scope: Scope, why: string) => {
    const { services } = ctx;
    const isEnterpriseInstall = scope.isEnterpriseInstall === true;
    await services.storage.unitOfWork(async (tx) => {
      const removed = oauth
        ? await tx.slackInstallations.remove({
            teamId: scope.teamId,
            enterpriseId: scope.enterpriseId,
            isEnterpriseInstall,
          })
        : false;
      const workspace = !isEnterpriseInstall && scope.teamId ? workspaceOf(scope.teamId) : undefined;
      const subscriptions = workspace ? await tx.subscriptions.removeWorkspace(workspace, "slack") : 0;
      const failed = workspace
        ? await tx.outbox.failPendingInWorkspace(workspace, "slack", `the Slack app was ${why}`)
        : 0;
      ctx.log.info(
        { team: scope.teamId, enterprise: scope.enterpriseId, removed, subscriptions, failed },
        `Slack: the app was ${why}; its tokens and feeds there are gone`,
      );
    });
  };
  app.event("app_uninstalled", async ({ context }) => {
    await ctx.later("app_uninstalled", () => forget(context, "uninstalled"));
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    if (!event.tokens.bot?.length) return;
    await ctx.later("tokens_revoked", () => forget(context, "revoked"));
  });
}
