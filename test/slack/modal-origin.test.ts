/**
 * A modal's reply target comes only from metadata the bot sealed, and only ever on Slack's
 * response_url host: a submission whose private_metadata names another URL (unsealed, or sealed
 * but on another host) posts nothing there.
 */
import { createServer, type Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeOrigin, encodeOrigin } from "../../adapters/slack/modal.js";
import { createOriginSeal } from "../../adapters/slack/origin-seal.js";
import { SECRET, useHarness, type Harness } from "./harness.js";

let h: Harness;
useHarness((started) => (h = started));

let elsewhere: Server;
let hits: string[];
let elsewhereUrl: string;
beforeEach(async () => {
  hits = [];
  elsewhere = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("ok");
  });
  await new Promise<void>((r) => elsewhere.listen(0, "127.0.0.1", r));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}/steal`;
});
afterEach(() => new Promise<void>((r) => elsewhere.close(() => r())));

async function assignView(): Promise<Record<string, unknown>> {
  await h.command("assign");
  return h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
}

const values = {
  task: { value: { type: "static_select", selected_option: { value: "S2-1" } } },
  owner: { value: { type: "users_select", selected_user: "UDANA" } },
  due: { value: { type: "datepicker", selected_date: null } },
};

describe("modal reply targets", () => {
  it("answers a normal submission through the stored response_url", async () => {
    const sent = await h.command("assign");
    const view = h.fake.callsTo("views.open")[0]?.args.view as Record<string, unknown>;
    expect(String(view.private_metadata)).toMatch(/"s":"[\w-]{32}"/);
    await h.submit(view, values);
    expect(h.fake.postsTo(sent.responseUrl).length).toBeGreaterThan(0);
  });

  it("ignores metadata the bot did not seal", async () => {
    const view = await assignView();
    await h.submit({ ...view, private_metadata: JSON.stringify({ v: "", c: "C0SECOPS", u: elsewhereUrl }) }, values);
    expect(hits).toEqual([]);
  });

  it("ignores a sealed response_url on any host but Slack's", async () => {
    const view = await assignView();
    const seal = createOriginSeal(SECRET, h.fake.apiUrl);
    const forged = encodeOrigin({ value: "", channelId: "C0SECOPS", responseUrl: elsewhereUrl, replace: false }, seal);
    await h.submit({ ...view, private_metadata: forged }, values);
    expect(hits).toEqual([]);
  });
});

describe("decoding", () => {
  const seal = createOriginSeal("a-secret", "https://slack.proxy.example/api/");
  it("keeps hooks.slack.com and the API host, drops every other host and any tampering", () => {
    const at = (u: string) => decodeOrigin(encodeOrigin({ value: "S1-2", responseUrl: u, replace: false }, seal), seal);
    expect(at("https://hooks.slack.com/actions/T1/2/x").responseUrl).toBe("https://hooks.slack.com/actions/T1/2/x");
    expect(at("https://slack.proxy.example/response/1").responseUrl).toBe("https://slack.proxy.example/response/1");
    expect(at("http://169.254.169.254/latest/meta-data").responseUrl).toBeUndefined();
    expect(at("https://hooks.slack.com.evil.example/x").responseUrl).toBeUndefined();
    expect(at("http://hooks.slack.com/actions/1").responseUrl).toBeUndefined();
    const sealed = JSON.parse(encodeOrigin({ value: "S1-2", channelId: "C1", replace: false }, seal)) as object;
    expect(decodeOrigin(JSON.stringify({ ...sealed, c: "C2" }), seal)).toEqual({ value: "", replace: false });
  });
});
