/**
 * A honeypot touched pings the people on duty in every workspace watching it, by direct message
 * through the outbox, once per incident and honeypot (the touch's row decides, on any replica).
 * On duty: the workspace's on-call list, or its leads and admins. Pings ignore working hours and
 * `me notify`: being on call is the choice. A touch with nobody to ping is kept for the digest.
 */
import { announce, type Reply } from "../core/reply.js";
import { touchedAssets, type AssetTouch } from "../domain/incident-assets.js";
import { enumLabel, incidentEvidence, isOpen, type Incident } from "../domain/incident.js";
import type { EmitContext } from "./emit.js";
import { excerpt } from "./incident-card.js";
import { touchedWhat } from "./thread-messages.js";

function pingReply(incident: Incident, touch: AssetTouch): Reply {
  return announce(
    { bold: "⚠ Honeypot touched" },
    `: ${touchedWhat(touch)}, in incident ${incident.id} · ${excerpt(incident.displayName, 120)} (${enumLabel(incident.severity)}). `,
    "Nobody should use it, so this is likely an attacker; you are on duty for it. ",
    { code: `incident ${incident.id}` },
    " shows it.",
  );
}

/** Records each new honeypot touch of an open incident and DMs the people on duty; call inside the sync's unit of work. */
export async function pingOnDuty(ctx: EmitContext, incident: Incident): Promise<void> {
  if (!isOpen(incident)) return;
  const evidence = incidentEvidence(incident);
  for (const workspace of await ctx.honeypotWorkspaces()) {
    const honeypots = (await ctx.assets(workspace)).filter((a) => a.mark === "honeypot");
    const touches = touchedAssets(evidence, honeypots);
    if (touches.length === 0) continue;
    const people = await ctx.onDuty(workspace);
    const platform = await ctx.platformOf(workspace);
    for (const touch of touches) {
      const fresh = await ctx.services.honeypotTouches.record(
        { workspace, tenant: ctx.tenant, incidentId: incident.id, asset: touch.asset.value, pinged: people.length },
        ctx.now,
      );
      if (!fresh || !platform) continue;
      for (const person of people)
        await ctx.services.outbox.enqueue(
          {
            key: `honeypot:${ctx.tenant}:${incident.id}:${workspace}:${touch.asset.value}:${person.id}`,
            workspace,
            platform,
            conversationId: person.platformUserId,
            op: "dm",
            reply: pingReply(incident, touch),
          },
          ctx.now,
        );
    }
  }
}
