/**
 * Mentions typed in the console. Every `@name` names a person: letters of any script, digits and
 * `_ . ' -` (so @José, @renée.müller, @李 and @o'brien work). The person's id ignores case and
 * accents (@Dana is dana), so no second person appears by accident; a name a couple of letters away
 * from someone known is refused with "did you mean", unless it ends in `!` (`@dnaa!` creates dnaa).
 */
import { closest } from "../../src/domain/suggest.js";
import type { Identity } from "../../src/core/incoming.js";

const MENTION = /@([\p{L}\p{N}_.'’-]{1,64})(!?)/gu;

/** The console id of a typed name: lower case, accents removed (José → jose). */
export function consoleUserId(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").replace(/’/g, "'").toLowerCase();
}

/** One typed mention: the token as the command sees it, the person it names, and whether `!` forces a new person. */
export interface TypedMention {
  token: string;
  identity: Identity;
  force: boolean;
}

/** Every mention in a line. */
export function typedMentions(text: string): TypedMention[] {
  return [...text.matchAll(MENTION)].map((m) => {
    const raw = m[1] ?? "";
    const name = raw.replace(/[.'’-]+$/u, "") || raw;
    return {
      token: `@${raw}${m[2] ?? ""}`,
      identity: { platform: "console", userId: consoleUserId(name), displayName: name, homeWorkspace: true },
      force: m[2] === "!",
    };
  });
}

/** The mentions map the core resolves `@name` tokens with. */
export function mentionsIn(text: string): Record<string, Identity> {
  return Object.fromEntries(typedMentions(text).map((m) => [m.token, m.identity]));
}

/**
 * The refusal for a mention of an unknown name close to a known person's, or undefined when every
 * mention is a known person, a clearly new name, or forced with `!`.
 */
export function nearMissRefusal(text: string, knownIds: readonly string[]): string | undefined {
  for (const m of typedMentions(text)) {
    if (m.force || knownIds.includes(m.identity.userId)) continue;
    const [guess] = closest(m.identity.userId, knownIds, 2);
    if (guess)
      return `I don't know ${m.token} — did you mean @${guess}? \`@${m.identity.displayName}!\` creates a new person.`;
  }
  return undefined;
}
