/**
 * Bolt's InstallationStore over the database: Bolt stores what oauth.v2.access returned when a
 * workspace installs the app and fetches it (for the workspace's token) on every request; the
 * repository seals the tokens at rest. Deleting is what uninstall and token revocation do.
 */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { SlackInstallationRepository } from "../../src/storage/repositories/slack-installation-repository.js";

/** The store Bolt's OAuth support uses; `now` stamps rows. */
export function databaseInstallationStore(repo: SlackInstallationRepository, now: () => Date): InstallationStore {
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      await repo.save(
        {
          teamId: installation.team?.id,
          enterpriseId: installation.enterprise?.id,
          isEnterpriseInstall,
          botUserId: installation.bot?.userId,
          installation: installation as unknown as Record<string, unknown>,
        },
        now(),
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await repo.find(scopeOf(query));
      if (!found) throw new Error(`no Slack installation for ${describe(query)}`);
      return found.installation as unknown as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repo.remove(scopeOf(query));
    },
  };
}

function scopeOf(query: InstallationQuery<boolean>) {
  return { teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall };
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `organisation ${query.enterpriseId ?? "?"}` : `workspace ${query.teamId ?? "?"}`;
}
