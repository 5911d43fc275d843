/**
 * `graph`, `graph link <tenant>`, `graph unlink`: which Microsoft Graph tenant's incidents this
 * workspace sees. Linking decides which organisation's incidents people here read, so only a
 * deployment operator (listed in SECOPS_ADMINS for this workspace) may change it, only to a tenant
 * the deployment knows, and never over a link the settings (SECOPS_GRAPH_TENANT_WORKSPACES) make.
 */
import { defineCommand, type CommandContext } from "../src/app/command.js";
import { announce, textReply } from "../src/core/reply.js";
import { isListedAdmin } from "../src/domain/admins.js";
import { forbidden, usageError } from "../src/errors.js";

function requireOperator(ctx: CommandContext): void {
  if (!isListedAdmin(ctx.services.admins, ctx.workspace, ctx.incoming.actor))
    throw forbidden("Only an admin listed in SECOPS_ADMINS may change which tenant this workspace sees.");
}

async function show(ctx: CommandContext) {
  const tenant = await ctx.services.tenants.tenantFor(ctx.workspace);
  const fixed = ctx.services.tenants.configuredFor(ctx.workspace);
  if (!tenant)
    return announce(
      "This workspace sees no incidents yet; an admin links it with ",
      { code: "graph link <tenant>" },
      ".",
    );
  return textReply(
    `This workspace sees the incidents of Microsoft Graph tenant ${tenant}${fixed ? " (set in SECOPS_GRAPH_TENANT_WORKSPACES)" : ""}.`,
  );
}

/** Shows or changes the Graph tenant this workspace sees. */
export const graphCommand = defineCommand({
  name: "graph",
  summary: "Show or link the Microsoft Graph tenant whose incidents this workspace sees",
  usage: "graph [link <tenant id> | unlink]",
  minRole: "admin",
  details: [
    "With no links anywhere every workspace sees the synced tenant; once any workspace is linked, an unlinked one sees none.",
  ],
  async run(ctx, args) {
    const verb = args.next()?.toLowerCase();
    if (verb === undefined) return show(ctx);
    if (verb !== "link" && verb !== "unlink") throw usageError(`"${verb.slice(0, 20)}" is not link or unlink.`);
    const tenant = verb === "link" ? args.required("the tenant id") : undefined;
    args.end();
    requireOperator(ctx);
    const { services, workspace, now } = ctx;
    const fixed = services.tenants.configuredFor(workspace);
    if (fixed) throw usageError(`SECOPS_GRAPH_TENANT_WORKSPACES links this workspace to ${fixed}; change it there.`);
    const known = services.tenants.known.find((t) => t.toLowerCase() === tenant?.toLowerCase());
    if (tenant !== undefined && !known)
      throw usageError(
        `"${tenant.slice(0, 64)}" is not a tenant this deployment reads; use ${services.tenants.known.join(", ")}.`,
      );
    const before = (await services.graphLinks.get(workspace))?.tenant ?? null;
    await services.storage.unitOfWork(async (tx) => {
      if (known) await tx.graphLinks.set(workspace, known, ctx.actor.id, now);
      else await tx.graphLinks.remove(workspace);
      await tx.audit.record({
        workspace,
        entityType: "graph-link",
        entityId: workspace,
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        action: known ? "link" : "unlink",
        oldValue: before,
        newValue: known ?? null,
        at: now,
      });
    });
    return show(ctx);
  },
});
