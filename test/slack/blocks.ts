/** Reading what the bot sent to Slack: all text of a message, its buttons, and the latest post to a response_url. */
import type { FakeSlack } from "../fakes/slack-web-api.js";

type Json = Record<string, unknown>;

/** Every string under `text` keys of a message or view (header, sections, fields, context, buttons, labels). */
export function allText(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      for (const [k, v] of Object.entries(n as Json)) {
        if (k === "text" && typeof v === "string") out.push(v);
        else walk(v);
      }
    }
  };
  walk(node);
  return out.join("\n");
}

/** The buttons of a message or view, in order. */
export function buttons(node: unknown): Json[] {
  const out: Json[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      const o = n as Json;
      if (o.type === "button") out.push(o);
      else Object.values(o).forEach(walk);
    }
  };
  walk(node);
  return out;
}

/** The button with this label (throws when there is none, listing the labels there are). */
export function button(node: unknown, label: string): Json {
  const all = buttons(node);
  const found = all.find((b) => (b.text as Json | undefined)?.text === label);
  if (!found) throw new Error(`no button "${label}" among ${all.map((b) => (b.text as Json).text).join(", ")}`);
  return found;
}

/** The last body posted to a response_url (throws when nothing was posted). */
export function lastPost(fake: FakeSlack, responseUrl: string): Json {
  const posts = fake.postsTo(responseUrl);
  const last = posts[posts.length - 1];
  if (!last)
    throw new Error(`nothing was posted to ${responseUrl}; calls: ${fake.calls.map((c) => c.method).join(", ")}`);
  return last;
}

/** The strings Slack parses for links and mentions: mrkdwn text objects and a message's top-level `text`. */
export function parsedTexts(node: unknown): string[] {
  const out: string[] = [];
  if (node && typeof node === "object" && typeof (node as Json).text === "string")
    out.push((node as Json).text as string);
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      const o = n as Json;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(node);
  return out;
}
