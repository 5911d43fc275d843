import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
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

  it("lets main.ts take only factories from the adapters: platform facts come from each adapter's profile", () => {
    const text = readFileSync(join(ROOT, "src", "main.ts"), "utf8");
    const names = [...text.matchAll(/^import\s+\{([^}]*)\}\s+from\s+["'][^"']*\/adapters\/[^"']+["']/gm)]
      .flatMap((m) => (m[1] ?? "").split(","))
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith("type "));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !/^(create|run|mount|listen)[A-Z]?/.test(n))).toEqual([]);
  });

  it("never parses a platform out of a workspace key nor keeps a per-platform table outside the adapters", () => {
    const offenders = files("src").filter((f) =>
      /["'`](slack|teams):["'`]|^\s*(slack|teams|console):\s*\[/m.test(readFileSync(join(ROOT, f), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the core the inner ring: it imports neither storage, training, alerts nor the composition root", () => {
    const offenders = files(join("src", "core")).flatMap((f) =>
      imports(f)
        .filter((i) => /^\.\.\/(storage|training|alerts|app|scheduler|delivery|digest)\//.test(i))
        .map((i) => `${f} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the domain pure of the reply model, and the scheduler free of the jobs it runs", () => {
    const offenders = [
      ...files(join("src", "domain")).flatMap((f) =>
        imports(f)
          .filter((i) => i.includes("/core/reply"))
          .map((i) => `${f} imports ${i}`),
      ),
      ...files(join("src", "scheduler")).flatMap((f) =>
        imports(f)
          .filter((i) => /^\.\.\//.test(i) && !/^\.\.\/(logger\.js|errors\.js|storage\/)/.test(i))
          .map((i) => `${f} imports ${i}`),
      ),
    ];
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
});
