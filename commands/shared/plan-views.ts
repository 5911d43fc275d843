/** The `plan` views: the whole cycle with where the team stands, and each part of the guidance in its own words. */
import type { Block, Card, Span } from "../../src/core/reply.js";
import type { Guidance } from "../../src/domain/guidance.js";
import type { Stakeholder } from "../../src/storage/repositories/stakeholder-repository.js";
import type { AreaProgress } from "./progress.js";

/** Which plan areas show under each phase: Understand under Plan, the Ready checklist, the stages under Adopt. */
const PHASE_AREAS: Record<string, readonly string[]> = {
  strategy: [],
  plan: ["INV"],
  ready: ["RDY"],
  adopt: ["S1", "S2", "S3", "S4"],
  govern: ["GOV"],
};

/** The names on each stakeholder role, or a dash. */
export function stakeholderFacts(guidance: Guidance, named: readonly Stakeholder[]): Block {
  return {
    type: "facts",
    facts: guidance.stakeholders.map((role) => {
      const names = named.filter((s) => s.role === role.id).map((s) => s.name);
      return {
        label: role.name,
        value: `${names.length ? names.join(", ") : "nobody named yet"} (${role.accountability})`,
      };
    }),
  };
}

function progressBlock(p: AreaProgress): Block {
  return {
    type: "progress",
    label: `${p.id} ${p.name}`,
    done: p.done,
    total: p.total,
    ...(p.overdue ? { note: `${p.overdue} overdue` } : {}),
  };
}

/** `plan`: the five phases with their elements and where the team stands in each, then the stakeholders. */
export function overviewCard(
  guidance: Guidance,
  progress: readonly AreaProgress[],
  named: readonly Stakeholder[],
  attention: readonly Block[] = [],
): Card {
  const rolesNamed = guidance.stakeholders.filter((r) => named.some((s) => s.role === r.id)).length;
  const blocks: Block[] = [
    { type: "text", spans: [{ bold: "Phases: " }, guidance.phases.map((p) => p.name).join(" → ")] },
  ];
  for (const phase of guidance.phases) {
    blocks.push({ type: "text", spans: [{ bold: phase.name }, ": ", phase.elements.join(" · ")] });
    if (phase.id === "strategy")
      blocks.push({ type: "context", spans: ["Motivations and outcomes: ", { code: "plan strategy" }] });
    if (phase.id === "plan")
      blocks.push({
        type: "context",
        spans: [`Stakeholder team: ${rolesNamed} of ${guidance.stakeholders.length} roles named`],
      });
    for (const id of PHASE_AREAS[phase.id] ?? []) {
      const p = progress.find((a) => a.id === id);
      if (p) blocks.push(progressBlock(p));
    }
  }
  blocks.push(...attention, { type: "divider" }, stakeholderFacts(guidance, named), {
    type: "context",
    spans: [
      "More: ",
      ...["strategy", "ready", "adopt", "govern", "resources"].flatMap((v, i): Span[] => [
        i ? " · " : "",
        { code: `plan ${v}` },
      ]),
    ],
  });
  return { title: "Threat protection and XDR adoption plan", blocks };
}

/** `plan strategy`: the motivations table and the objectives-and-outcomes table. */
export function strategyCard(guidance: Guidance): Card {
  const phase = guidance.phases.find((p) => p.id === "strategy");
  return {
    title: "Define strategy: motivations and outcomes",
    blocks: [
      { type: "text", spans: [phase?.summary ?? ""] },
      { type: "text", spans: [{ bold: "Motivations" }] },
      { type: "facts", facts: guidance.motivations.map((m) => ({ label: m.area, value: m.text })) },
      { type: "text", spans: [{ bold: "Objectives and outcomes" }] },
      { type: "facts", facts: guidance.outcomes.map((o) => ({ label: o.objective, value: o.text })) },
    ],
  };
}

/** `plan ready`: the Ready checklist and what SecOps team leads can do once it is met. */
export function readyCard(guidance: Guidance, progress: AreaProgress | undefined): Card {
  const phase = guidance.phases.find((p) => p.id === "ready");
  return {
    title: "Ready",
    blocks: [
      { type: "text", spans: [phase?.summary ?? ""] },
      ...(progress ? [progressBlock(progress)] : []),
      { type: "text", spans: [{ bold: "Revisit these elements of the plan to be sure everything is ready to go" }] },
      { type: "list", items: guidance.ready.checklist.map((label) => ({ label })) },
      { type: "text", spans: [{ bold: "Then SecOps team leads can" }] },
      { type: "list", items: guidance.ready.leadsCan.map((label) => ({ label })) },
    ],
  };
}

/** `plan adopt`: the Adopt phase's elements and each stage's progress. */
export function adoptCard(guidance: Guidance, progress: readonly AreaProgress[]): Card {
  const phase = guidance.phases.find((p) => p.id === "adopt");
  return {
    title: "Adopt",
    blocks: [
      { type: "text", spans: [phase?.summary ?? ""] },
      { type: "text", spans: [guidance.adopt.note] },
      { type: "text", spans: [{ bold: "The main elements of your Adopt phase" }] },
      { type: "list", items: guidance.adopt.elements.map((label) => ({ label })) },
      ...progress.filter((p) => PHASE_AREAS.adopt?.includes(p.id)).map(progressBlock),
    ],
  };
}

/** `plan govern`: the governance objectives with their tasks. */
export function governCard(guidance: Guidance, progress: AreaProgress | undefined): Card {
  const phase = guidance.phases.find((p) => p.id === "govern");
  return {
    title: "Govern and manage",
    blocks: [
      { type: "text", spans: [phase?.summary ?? ""] },
      ...(progress ? [progressBlock(progress)] : []),
      {
        type: "list",
        items: guidance.govern.flatMap((g) => g.tasks.map((task) => ({ label: g.objective, detail: task }))),
      },
    ],
  };
}

/** `plan resources`: related articles, the Cloud Adoption Framework and the progress tracking resources. */
export function resourcesCard(guidance: Guidance): Card {
  const links = (items: readonly { title: string; url: string }[]): Block => ({
    type: "text",
    spans: items.flatMap((l, i): Span[] => [i ? "\n" : "", { link: { label: l.title, url: l.url } }]),
  });
  return {
    title: "Resources",
    blocks: [
      { type: "text", spans: [{ bold: "This business scenario" }] },
      links(guidance.related.scenario),
      { type: "text", spans: [{ bold: "Zero Trust adoption framework" }] },
      links(guidance.related.framework),
      { type: "text", spans: [{ bold: "Cloud Adoption Framework for Azure" }] },
      links(guidance.related.cloudAdoptionFramework),
      { type: "text", spans: [{ bold: "Progress tracking resources" }] },
      {
        type: "list",
        items: guidance.trackingResources.map((r) => ({ label: r.name, detail: `${r.helps} For: ${r.designedFor}` })),
      },
      links(
        guidance.trackingResources.flatMap((r) => r.links.map((l) => ({ title: `${r.name}: ${l.title}`, url: l.url }))),
      ),
      links([guidance.related.more]),
    ],
  };
}
