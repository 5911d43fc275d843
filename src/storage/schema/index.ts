/** Every table, for drizzle-kit and for typed queries. */
export * from "./people.js";
export * from "./tasks.js";
export * from "./audit.js";
export * from "./conversations.js";
export * from "./outbox.js";
export * from "./subscriptions.js";
