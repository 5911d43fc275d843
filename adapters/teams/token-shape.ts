/**
 * A cheap look at a bearer token before the request body is read: it must be a JWT signed with
 * RS256 naming a key, issued by the Bot Framework (or the Emulator's Entra issuers), for this bot's
 * app id, and not expired. This proves nothing (the signature is checked later by botbuilder); it
 * only lets junk be refused without reading or parsing anything.
 */

/** Issuers of tokens Azure Bot Service and the Emulator send to a bot. */
const ISSUER =
  /^https:\/\/(api\.botframework\.(com|us|azure\.us)|sts\.windows\.net\/[\w-]+\/|login\.microsoftonline\.(com|us)\/[\w-]+\/v2\.0)$/;

function part(text: string | undefined): Record<string, unknown> | undefined {
  if (!text || text.length > 8192 || !/^[\w-]+$/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when `header` is `Bearer <jwt>` whose header and claims could be a valid token for `appId` at `nowSeconds`. */
export function plausibleBotToken(header: string | undefined, appId: string, nowSeconds: number): boolean {
  const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? "")?.[1];
  if (!token || token.length > 16_384) return false;
  const [head, body] = token.split(".");
  const h = part(head);
  const c = part(body);
  if (!h || !c || h.alg !== "RS256" || typeof h.kid !== "string") return false;
  const audience = Array.isArray(c.aud) ? c.aud : [c.aud];
  return (
    typeof c.iss === "string" &&
    ISSUER.test(c.iss) &&
    audience.includes(appId) &&
    typeof c.exp === "number" &&
    c.exp > nowSeconds - 300
  );
}
