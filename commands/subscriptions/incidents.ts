/** The `incidents` feed: `subscribe incidents [severity >= medium] [source <name>…]` — one thread per incident. */
import type { Args } from "../../src/core/args.js";
import type { Block } from "../../src/core/reply.js";
import { emitContext, filterOf } from "../../src/alerts/emit.js";
import { postOpenIncidents } from "../../src/alerts/open-incidents.js";
import { enumLabel, parseSeverityWord } from "../../src/domain/incident.js";
import { SOURCE_ALIASES, parseSourceWord, sourceLabel } from "../../src/domain/incident-sources.js";
import { usageError } from "../../src/errors.js";
import { visibleTenant } from "../../src/alerts/incident-access.js";
import type { SubscriptionKind } from "./kind.js";

function readSeverity(word: string, args: Args): string {
  let rest = word.slice("severity".length);
  if (rest === "") rest = args.required("the severity (low, medium or high)");
  rest = rest.replace(/^(>=|≥)/, "");
  const level = rest === "" ? args.required("the severity (low, medium or high)") : rest;
  const severity = parseSeverityWord(level);
  if (!severity) throw usageError(`"${level.slice(0, 20)}" is not a severity; use informational, low, medium or high.`);
  return severity;
}

function readSources(args: Args): string[] {
  const sources: string[] = [];
  while (args.peek() !== undefined && !/^severity/i.test(args.peek() ?? "")) {
    const word = args.next() ?? "";
    const source = parseSourceWord(word);
    if (!source)
      throw usageError(
        `"${word.slice(0, 40)}" is not a source; use ${SOURCE_ALIASES.join(", ")} or a Graph serviceSource/detectionSource name.`,
      );
    if (!sources.includes(source)) sources.push(source);
  }
  if (sources.length === 0) throw usageError("Name at least one source after `source`.");
  return sources;
}

/** The incident threads subscription kind. */
export const incidentsKind: SubscriptionKind = {
  name: "incidents",
  usage: "[severity >= low|medium|high] [source <name>…]",
  minRole: "analyst",
  async parse(ctx, args) {
    await visibleTenant(ctx);
    let minSeverity = "unknown";
    let sources: string[] = [];
    for (let word = args.next(); word !== undefined; word = args.next()) {
      const lower = word.toLowerCase();
      if (lower.startsWith("severity")) minSeverity = readSeverity(lower, args);
      else if (lower === "source" || lower === "sources") sources = readSources(args);
      else throw usageError(`Unexpected "${word.slice(0, 40)}"; give severity >= <level> and/or source <name>….`);
    }
    return { minSeverity, sources };
  },
  describe(settings) {
    const filter = filterOf(settings);
    const severity =
      filter.minSeverity === "unknown" ? "every severity" : `severity ${enumLabel(filter.minSeverity)} or higher`;
    const sources = filter.sources.length ? `, from ${filter.sources.map(sourceLabel).join(", ")}` : "";
    return `Incident threads: ${severity}${sources}`;
  },
  async afterSubscribe(ctx, settings) {
    const { conversation } = ctx.incoming;
    const target = { workspace: ctx.workspace, platform: conversation.platform, conversationId: conversation.id };
    const { posted, rest } = await ctx.services.storage.unitOfWork(() =>
      postOpenIncidents(emitContext(ctx.services, ctx.now), target, filterOf(settings)),
    );
    const blocks: Block[] = [
      {
        type: "text",
        spans: [
          posted || rest
            ? `Posting ${posted} open incident${posted === 1 ? "" : "s"} as threads here${rest ? ` and counting ${rest} more` : ""}; new and changed ones follow.`
            : "No open incident matches yet; new and changed ones will get a thread here.",
        ],
      },
    ];
    if (ctx.services.alertFeed.source.kind === "demo") {
      blocks.push({
        type: "context",
        spans: [
          "Demo data (no Azure credentials). Try ",
          { code: "asset honeypot hp-fileshare-01" },
          " and ",
          { code: "asset critical srv-sql-01" },
          " to see watched assets flagged.",
        ],
      });
    }
    return blocks;
  },
};
