/** Every table, for drizzle-kit and for typed queries. */
export * from "./people.js";
export * from "./tasks.js";
export * from "./audit.js";
export * from "./conversations.js";
export * from "./outbox.js";
export * from "./subscriptions.js";
export * from "./training.js";
export * from "./incidents.js";
export * from "./digest-snapshots.js";
export * from "./task-reminders.js";
export * from "./inbound-requests.js";
export * from "./coordination.js";
export * from "./oncall.js";
export * from "./stakeholders.js";
export * from "./imports.js";
export * from "./slack-installations.js";
export * from "./graph-links.js";
