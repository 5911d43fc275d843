/** `asset honeypot|critical <name>` and `asset remove <name>`: which assets this workspace watches. */
import { defineCommand } from "../src/app/command.js";
import { announce } from "../src/core/reply.js";
import { parseAssetName } from "../src/domain/incident-assets.js";
import { usageError } from "../src/errors.js";

/** Marks a device, account, IP or cloud resource as a honeypot or business-critical, or stops watching it. */
export const assetCommand = defineCommand({
  name: "asset",
  summary: "Watch an asset: a honeypot (touching it pings whoever is on call) or a business-critical one",
  usage: "asset honeypot|critical|remove <device | user@domain | IP | cloud resource id>",
  minRole: "lead",
  details: [
    "Incidents whose evidence touches a watched asset are marked on their card; a honeypot touch also pings whoever is on call (`oncall`; by default the leads and admins).",
  ],
  async run(ctx, args) {
    const verb = args.required("honeypot, critical or remove").toLowerCase();
    const name = args.required("the asset name");
    args.end();
    const parsed = parseAssetName(name);
    if ("error" in parsed) throw usageError(parsed.error);
    const { services, workspace, now } = ctx;
    const audit = (action: string, oldValue: string | null, newValue: string | null) =>
      services.audit.record({
        workspace,
        entityType: "asset",
        entityId: parsed.value,
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        action,
        oldValue,
        newValue,
        at: now,
      });
    if (verb === "remove") {
      const before = await services.assets.get(workspace, parsed.value);
      if (!before) throw usageError(`${name} is not a watched asset here.`);
      await services.storage.unitOfWork(async (tx) => {
        await tx.assets.remove(workspace, parsed.value);
        await audit("unwatch", before.mark, null);
      });
      return announce(`Stopped watching ${before.type} ${before.label} (was ${before.mark}).`);
    }
    if (verb !== "honeypot" && verb !== "critical")
      throw usageError(`"${verb.slice(0, 20)}" is not honeypot, critical or remove.`);
    const before = await services.storage.unitOfWork(async (tx) => {
      const previous = await tx.assets.put(workspace, { ...parsed, label: name, mark: verb }, ctx.actor.id, now);
      await audit("watch", previous ?? null, verb);
      return previous;
    });
    const what =
      verb === "honeypot"
        ? "a honeypot: any incident touching it pings whoever is on call (`oncall`)"
        : "business-critical: incidents touching it are flagged";
    return announce(`${parsed.type} ${name} is now ${what}${before && before !== verb ? ` (was ${before})` : ""}.`);
  },
});
