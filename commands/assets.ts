/** `assets`: the honeypot and business-critical assets this workspace watches. */
import { defineCommand } from "../src/app/command.js";
import { cardReply } from "../src/core/reply.js";

/** Lists watched assets, honeypots first. */
export const assetsCommand = defineCommand({
  name: "assets",
  summary: "List the honeypot and business-critical assets watched here",
  usage: "assets",
  minRole: "analyst",
  async run(ctx, args) {
    args.end();
    const all = await ctx.services.assets.all(ctx.workspace);
    const list = (mark: "honeypot" | "critical") =>
      all.filter((a) => a.mark === mark).map((a) => ({ label: a.label, detail: a.type }));
    return cardReply({
      title: "Watched assets",
      blocks: [
        { type: "text", spans: [{ bold: "Honeypots" }, " (a touch pings whoever is on call: `oncall`)"] },
        { type: "list", items: list("honeypot"), empty: "None; add one with `asset honeypot <name>`." },
        { type: "text", spans: [{ bold: "Business-critical" }] },
        { type: "list", items: list("critical"), empty: "None; add one with `asset critical <name>`." },
      ],
    });
  },
});
