import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTrainingCatalog } from "../../src/training/load-catalog.js";
import { projectRoot } from "../../src/storage/project-root.js";

const dir = mkdtempSync(join(tmpdir(), "training-catalog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withEdit(edit: (raw: Record<string, unknown>) => void): string {
  const raw = JSON.parse(readFileSync(join(projectRoot(), "src", "data", "training.json"), "utf8")) as Record<
    string,
    unknown
  >;
  edit(raw);
  const path = join(dir, `catalog-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(raw));
  return path;
}

describe("training catalog", () => {
  const catalog = loadTrainingCatalog();

  it("makes relative links absolute on learn.microsoft.com and keeps external https links", () => {
    const mdi = catalog.modules.find((m) => m.id === "mdi-docs");
    expect(mdi?.url).toBe("https://learn.microsoft.com/defender-for-identity/what-is");
    expect(catalog.modules.find((m) => m.id === "cis-tabletop")?.url).toMatch(/^https:\/\/www\.cisecurity\.org\//);
    expect(catalog.modules.every((m) => m.url.startsWith("https://"))).toBe(true);
  });

  it("offers at least one module for every skill a stage needs", () => {
    const needed = new Set(Object.values(catalog.stageSkills).flat());
    const missing = [...needed].filter((skill) => !catalog.modules.some((m) => m.skills.includes(skill)));
    expect(missing).toEqual([]);
  });

  it("maps Graph service sources case-insensitively to skill areas", () => {
    expect(catalog.serviceSources["microsoftdefenderforidentity"]).toBe("identity");
    expect(catalog.serviceSources["azureadidentityprotection"]).toBe("identity");
    expect(catalog.serviceSources["microsoftsentinel"]).toBe("siem");
  });

  it("refuses a module naming a skill area that does not exist, with the path", () => {
    const path = withEdit((raw) => {
      (raw.modules as { skills: string[] }[])[0]!.skills = ["forensics"];
    });
    expect(() => loadTrainingCatalog(path)).toThrow(/unknown skill "forensics"[\s\S]*modules\[0\]\.skills\[0\]/);
  });

  it("refuses a duplicate module id and a link that is neither relative nor https", () => {
    const dup = withEdit((raw) => {
      const mods = raw.modules as { id: string }[];
      mods[1]!.id = mods[0]!.id;
    });
    expect(() => loadTrainingCatalog(dup)).toThrow(/appears twice/);
    const http = withEdit((raw) => {
      (raw.modules as { link: string }[])[0]!.link = "http://example.com/x";
    });
    expect(() => loadTrainingCatalog(http)).toThrow(/link/);
  });
});
