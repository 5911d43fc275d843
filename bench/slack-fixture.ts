/**
 * What the Slack load's two sides agree on: the signing secret, the bot token, the workspace and
 * channel, and how one signed /secops request is built (fresh timestamp, unique trigger_id).
 */
import { FAKE_TEAM } from "../test/fakes/slack-web-api-methods.js";
import { signature, slashCommandBody } from "../test/fakes/slack-requests.js";
import { benchUserId } from "./seed.js";

/** The signing secret the app and the load generator share. */
export const SECRET = "bench-signing-secret";
/** The token the fake Slack Web API accepts. */
export const BOT_TOKEN = "xoxb-test-token";
/** The channel commands are typed in. */
export const CHANNEL = "C0SECOPS";
/** The core's workspace for the fake Slack team. */
export const WORKSPACE = `slack:${FAKE_TEAM.team_id}`;
/** How many different people send the commands (all analysts in the seeded workspace). */
export const SENDERS = 20;

/** The headers and body of one slash command, signed now. */
export function signedCommand(
  text: string,
  seq: number,
  responseUrl: string,
): { headers: Record<string, string>; body: string } {
  const userId = benchUserId((seq % SENDERS) + 1);
  const body = slashCommandBody({
    text,
    userId,
    userName: userId.toLowerCase(),
    channelId: CHANNEL,
    responseUrl,
    triggerId: `${Date.now()}.${seq}.bench`,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(SECRET, timestamp, body),
    },
  };
}
