/** The personal home view (Slack's Home tab and its Refresh button): the actor's tasks and the plan's progress. */
import { defineAction } from "../../src/app/command.js";
import { cardReply } from "../../src/core/reply.js";
import { homeCard } from "../shared/home.js";

/** Shows only the actor's own tasks, so anyone may open it. */
export const homeShowAction = defineAction({
  id: "home.show",
  minRole: "none",
  run: async (ctx) => cardReply(await homeCard(ctx)),
});
