// The start-up baseline: a bare Bolt app (HTTP receiver) that imports Bolt, listens on a free port and stops.
import { App, ExpressReceiver } from "@slack/bolt";

const receiver = new ExpressReceiver({ signingSecret: "bench-secret" });
const app = new App({ token: "xoxb-bench", receiver, tokenVerificationEnabled: false });
app.command("/secops", async ({ ack }) => ack());
await app.start(0);
await app.stop();
