/**
 * Slack installations (OAuth mode), one per workspace or org-wide per Enterprise Grid organisation.
 * What Slack returned on install (tokens included) is sealed with the deployment's encryption key
 * before it is written and opened only when read back; nothing else in the row is secret.
 */
import { count, eq } from "drizzle-orm";
import type { Handle } from "../handle.js";
import { Repository } from "../handle.js";
import type { SecretBox } from "../secret-box.js";

/** Where an installation applies. */
export interface InstallationScope {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

/** One installation: its scope, the bot's user id and what Slack returned (opened). */
export interface SlackInstallationRecord extends InstallationScope {
  botUserId?: string | undefined;
  installation: Record<string, unknown>;
}

/** The row key of a scope: the organisation for an org-wide install, else the workspace. */
export function installationKey(scope: InstallationScope): string {
  if (scope.isEnterpriseInstall) {
    if (!scope.enterpriseId) throw new Error("an org-wide installation needs its enterprise id");
    return `enterprise:${scope.enterpriseId}`;
  }
  if (!scope.teamId) throw new Error("a workspace installation needs its team id");
  return `team:${scope.teamId}`;
}

/** Stores and finds installations; needs the encryption key to read or write one. */
export class SlackInstallationRepository extends Repository {
  constructor(
    h: Handle,
    private readonly box: SecretBox | undefined,
  ) {
    super(h);
  }

  private get sealer(): SecretBox {
    if (!this.box) throw new Error("SECOPS_ENCRYPTION_KEY is not set; Slack installations cannot be read or stored");
    return this.box;
  }

  /** Saves (or replaces) an installation. */
  async save(record: SlackInstallationRecord, now: Date): Promise<void> {
    const { slackInstallations } = this.t;
    const key = installationKey(record);
    const row = {
      teamId: record.teamId ?? null,
      enterpriseId: record.enterpriseId ?? null,
      isEnterpriseInstall: record.isEnterpriseInstall,
      botUserId: record.botUserId ?? null,
      sealed: this.sealer.seal(JSON.stringify(record.installation), key),
      updatedAt: now.toISOString(),
    };
    await this.q((db) =>
      db
        .insert(slackInstallations)
        .values({ key, ...row, installedAt: now.toISOString() })
        .onConflictDoUpdate({ target: slackInstallations.key, set: row }),
    );
  }

  /** The installation for a scope, or undefined. */
  async find(scope: InstallationScope): Promise<SlackInstallationRecord | undefined> {
    return this.byKey(installationKey(scope));
  }

  /** A workspace's own installation, else the org-wide one of its organisation (when known). */
  async forWorkspace(teamId: string, enterpriseId?: string): Promise<SlackInstallationRecord | undefined> {
    return (
      (await this.byKey(installationKey({ teamId, isEnterpriseInstall: false }))) ??
      (enterpriseId ? await this.byKey(installationKey({ enterpriseId, isEnterpriseInstall: true })) : undefined)
    );
  }

  /** Deletes the installation of a scope; true when there was one. */
  async remove(scope: InstallationScope): Promise<boolean> {
    const { slackInstallations } = this.t;
    const key = installationKey(scope);
    const gone = await this.q((db) =>
      db.delete(slackInstallations).where(eq(slackInstallations.key, key)).returning({ key: slackInstallations.key }),
    );
    return gone.length > 0;
  }

  /** How many workspaces and organisations have the app installed. */
  async count(): Promise<number> {
    const { slackInstallations } = this.t;
    const [row] = await this.q((db) => db.select({ n: count() }).from(slackInstallations));
    return Number(row?.n ?? 0);
  }

  private async byKey(key: string): Promise<SlackInstallationRecord | undefined> {
    const { slackInstallations } = this.t;
    const [row] = await this.q((db) => db.select().from(slackInstallations).where(eq(slackInstallations.key, key)));
    if (!row) return undefined;
    const installation = JSON.parse(this.sealer.open(row.sealed, key)) as Record<string, unknown>;
    return {
      ...(row.teamId ? { teamId: row.teamId } : {}),
      ...(row.enterpriseId ? { enterpriseId: row.enterpriseId } : {}),
      isEnterpriseInstall: row.isEnterpriseInstall,
      ...(row.botUserId ? { botUserId: row.botUserId } : {}),
      installation,
    };
  }
}
