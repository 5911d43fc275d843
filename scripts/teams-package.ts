/**
 * `npm run teams:package`: builds the Teams app package (a zip of manifest.json and the two icons)
 * to upload in Teams. The bot id comes from MicrosoftAppId (or MICROSOFT_APP_ID); the app's own id
 * from TEAMS_APP_ID, else the bot id. Without them a placeholder GUID is used and a warning printed.
 * The manifest's limits (≤10 commands, titles ≤32 characters…) are checked before zipping.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { colorIcon, outlineIcon } from "./teams-icons.js";

/** Where the template manifest and icons live. */
export const TEAMS_DIR = join(fileURLToPath(new URL("..", import.meta.url)), "teams");
/** Used when no app id is configured; Teams will not accept the package until it is replaced. */
export const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  id: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  bots: { botId: string; scopes: string[]; commandLists?: { scopes: string[]; commands: Command[] }[] }[];
}

/** Fills in the ids and returns the manifest with any problems found against Teams' limits. */
export function prepareManifest(
  template: string,
  ids: { botId?: string; appId?: string },
): { manifest: Manifest; problems: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const botId = ids.botId?.trim() || PLACEHOLDER_ID;
  const appId = ids.appId?.trim() || botId;
  if (botId === PLACEHOLDER_ID) warnings.push("MicrosoftAppId is not set: the package uses a placeholder bot id");
  const manifest = JSON.parse(
    template.replaceAll("{{MICROSOFT_APP_ID}}", botId).replaceAll("{{TEAMS_APP_ID}}", appId),
  ) as Manifest;
  const problems: string[] = [];
  if (!GUID.test(botId)) problems.push(`bot id "${botId}" is not a GUID`);
  if (!GUID.test(appId)) problems.push(`app id "${appId}" is not a GUID`);
  if (manifest.name.short.length > 30) problems.push("name.short is longer than 30 characters");
  if (manifest.description.short.length > 80) problems.push("description.short is longer than 80 characters");
  if (manifest.description.full.length > 4000) problems.push("description.full is longer than 4000 characters");
  for (const bot of manifest.bots) {
    if (bot.scopes.some((s) => !["personal", "team", "groupChat"].includes(s)))
      problems.push(`unknown bot scope in ${bot.scopes.join(", ")}`);
    for (const list of bot.commandLists ?? []) {
      if (list.commands.length > 10)
        problems.push(`a command list has ${list.commands.length} commands; Teams allows 10`);
      for (const c of list.commands) {
        if (c.title.length > 32) problems.push(`command title "${c.title}" is longer than 32 characters`);
        if (c.description.length > 128)
          problems.push(`command "${c.title}" has a description longer than 128 characters`);
      }
    }
  }
  return { manifest, problems, warnings };
}

/** The zip's bytes: manifest.json, color.png and outline.png at its root. */
export async function buildTeamsPackage(
  ids: { botId?: string; appId?: string },
  dir = TEAMS_DIR,
): Promise<{ zip: Uint8Array; manifest: Manifest; warnings: string[] }> {
  const { manifest, problems, warnings } = prepareManifest(readFileSync(join(dir, "manifest.json"), "utf8"), ids);
  if (problems.length) throw new Error(`teams/manifest.json is not valid:\n  - ${problems.join("\n  - ")}`);
  const icon = async (name: string, draw: () => Promise<Buffer>) =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : await draw();
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    "color.png": await icon("color.png", colorIcon),
    "outline.png": await icon("outline.png", outlineIcon),
  });
  return { zip, manifest, warnings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outIndex = process.argv.indexOf("--out");
  const out = resolve(
    outIndex > 0 && process.argv[outIndex + 1] ? (process.argv[outIndex + 1] ?? "") : "secops-bot-teams.zip",
  );
  const env = process.env;
  try {
    const { zip, manifest, warnings } = await buildTeamsPackage({
      botId: env.MicrosoftAppId ?? env.MICROSOFT_APP_ID,
      appId: env.TEAMS_APP_ID,
    });
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    writeFileSync(out, zip);
    process.stdout.write(`wrote ${out} (bot ${manifest.bots[0]?.botId}, app ${manifest.id})\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
