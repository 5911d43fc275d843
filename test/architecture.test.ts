import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return files(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function imports(path: string): string[] {
  const text = readFileSync(join(ROOT, path), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1] ?? "");
}

const SOURCE = [...files("src"), ...files("commands"), ...files("adapters")];
const SDK = /^(@slack\/|botbuilder|botframework-|@microsoft\/microsoft-graph-client|@azure\/)/;

describe("architecture", () => {
  it("keeps platform SDKs out of the core and the commands", () => {
    const offenders = [...files("src"), ...files("commands")]
      .filter((f) => f !== join("src", "main.ts") && !f.startsWith(join("src", "alerts", "graph")))
      .flatMap((f) =>
        imports(f)
          .filter((i) => SDK.test(i))
          .map((i) => `${f} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("keeps each SDK inside its own adapter", () => {
    const offenders = files("adapters").flatMap((f) =>
      imports(f)
        .filter(
          (i) =>
            (/^@slack\//.test(i) && !f.startsWith(join("adapters", "slack"))) ||
            (/^(botbuilder|botframework-)/.test(i) && !f.startsWith(join("adapters", "teams"))),
        )
        .map((i) => `${f} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("never lets the core or commands import adapters, nor the core import commands", () => {
    const offenders = [...files("src"), ...files("commands")]
      .filter((f) => f !== join("src", "main.ts"))
      .flatMap((f) =>
        imports(f)
          .filter((i) => i.includes("/adapters/") || (f.startsWith("src") && i.includes("/commands/")))
          .map((i) => `${f} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("keeps one door into storage: only src/storage touches drizzle, the schema or a repository's constructor", () => {
    const inStorage = (f: string) => f.startsWith(join("src", "storage"));
    const offenders = SOURCE.filter((f) => !inStorage(f)).flatMap((f) => {
      const text = readFileSync(join(ROOT, f), "utf8");
      const found = imports(f)
        .filter((i) => /^drizzle-orm|^better-sqlite3$|^pg$|\/storage\/(schema|engine|handle)/.test(i))
        .map((i) => `${f} imports ${i}`);
      if (/new \w+Repository\(/.test(text)) found.push(`${f} builds a repository`);
      if (/\.db\.transaction\(|services\.db\b/.test(text)) found.push(`${f} reaches the database handle`);
      return found;
    });
    expect(offenders).toEqual([]);
  });

  it("builds the repositories once, in src/storage/storage.ts", () => {
    const builders = files(join("src", "storage"))
      .filter((f) => f !== join("src", "storage", "storage.ts"))
      .filter((f) => /new \w+Repository\(/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(builders).toEqual([]);
  });

  it("reads process.env only in src/config.ts", () => {
    const offenders = SOURCE.filter(
      (f) => f !== join("src", "config.ts") && /process\.env/.test(readFileSync(join(ROOT, f), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps files small", () => {
    const long = SOURCE.map((f) => [f, readFileSync(join(ROOT, f), "utf8").split("\n").length] as const).filter(
      ([, n]) => n > 300,
    );
    expect(long).toEqual([]);
  });

  it("gives every export a one-line comment saying why it exists", () => {
    const missing = SOURCE.flatMap((f) => {
      const lines = readFileSync(join(ROOT, f), "utf8").split("\n");
      return lines
        .map((line, i) => [line, i] as const)
        .filter(([line]) => /^export (async )?(function|const|class|interface|type|enum|let) /.test(line))
        .filter(([, i]) => {
          let j = i - 1;
          while (j >= 0 && /^\s*(@|\/\/)/.test(lines[j] ?? "")) j--;
          return !/\*\/\s*$/.test(lines[j] ?? "");
        })
        .map(([line, i]) => `${relative(ROOT, join(ROOT, f))}:${i + 1} ${line.slice(0, 60)}`);
    });
    expect(missing).toEqual([]);
  });
});
