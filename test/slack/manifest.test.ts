/** The Slack app manifest asks for what the adapter uses, and no more. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SLASH_COMMAND } from "../../adapters/slack/command.js";
import { SLACK_EVENTS_PATH } from "../../adapters/slack/index.js";
import { BOT_SCOPES, SLACK_REDIRECT_PATH } from "../../adapters/slack/oauth.js";

const manifest = JSON.parse(readFileSync("adapters/slack/manifest.json", "utf8")) as {
  features: {
    app_home: { home_tab_enabled: boolean };
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
};

describe("Slack app manifest", () => {
  it("declares /secops with escaped mentions, interactivity, the Home tab, app_home_opened and app_mention, all at /slack/events", () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toMatch(SLASH_COMMAND);
    expect(command?.should_escape).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_home_opened",
      "app_mention",
      "app_uninstalled",
      "tokens_revoked",
    ]);
    for (const url of [
      command?.url,
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
    ]) {
      expect(url?.endsWith(SLACK_EVENTS_PATH)).toBe(true);
    }
  });

  it("asks for the least scopes: no public-channel posting, no history, no admin", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "app_mentions:read",
      "chat:write",
      "commands",
      "files:read",
      "files:write",
      "im:write",
      "team:read",
      "users:read",
      "users:read.email",
    ]);
  });

  it("installs through OAuth with the same scopes and redirects to the adapter's redirect path", () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u).pathname)).toEqual([SLACK_REDIRECT_PATH]);
  });
});
