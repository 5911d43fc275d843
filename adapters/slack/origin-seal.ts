/**
 * Keeps a modal's reply target honest: private_metadata is sealed with an HMAC keyed from the
 * signing secret (so every replica and a restarted process agree), and a response_url read back
 * from it is used only on Slack's own host (hooks.slack.com, or SLACK_API_URL's host for proxies
 * and tests), never on any other URL.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The key that seals modal metadata and the hosts a stored response_url may point at. */
export interface OriginSeal {
  key: Buffer;
  responseHosts: readonly string[];
}

/** Slack's host for response_url. */
export const SLACK_RESPONSE_HOST = "hooks.slack.com";

/** Builds the seal from the signing secret and the optional Web API override. */
export function createOriginSeal(signingSecret: string, apiUrl?: string): OriginSeal {
  const key = createHmac("sha256", signingSecret).update("secops-bot modal origin v1").digest();
  const hosts = [SLACK_RESPONSE_HOST];
  if (apiUrl) hosts.push(new URL(apiUrl).host);
  return { key, responseHosts: hosts };
}

/** The MAC of `text` under the seal. */
export function macOf(seal: OriginSeal, text: string): string {
  return createHmac("sha256", seal.key).update(text).digest("base64url").slice(0, 32);
}

/** True when `mac` is the MAC of `text`. */
export function macMatches(seal: OriginSeal, text: string, mac: string): boolean {
  const [a, b] = [Buffer.from(macOf(seal, text)), Buffer.from(mac)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The URL when it is an https (or, for SLACK_API_URL, its own scheme) URL on an allowed host. */
export function allowedResponseUrl(url: string, hosts: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password || !hosts.includes(parsed.host)) return undefined;
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && parsed.host !== SLACK_RESPONSE_HOST))
    return undefined;
  return parsed.href;
}
