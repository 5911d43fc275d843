/** Training: self-rated skills, what each role needs, completions, snoozes/dismissals, offers and nudges sent. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { people } from "./people.js";

/** A person's self-rating (0–5) in one skill area. */
export const skillRatings = sqliteTable(
  "skill_ratings",
  {
    workspace: text("workspace").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    skill: text("skill").notNull(),
    level: integer("level").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.skill] })],
);

/** The level (1–5) a role needs in a skill area, set by a lead for the workspace. */
export const skillRequirements = sqliteTable(
  "skill_requirements",
  {
    workspace: text("workspace").notNull(),
    role: text("role").notNull(),
    skill: text("skill").notNull(),
    level: integer("level").notNull(),
    setBy: integer("set_by"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspace, t.role, t.skill] })],
);

/** A catalog module a person completed. */
export const trainingCompletions = sqliteTable(
  "training_completions",
  {
    workspace: text("workspace").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    moduleId: text("module_id").notNull(),
    completedAt: text("completed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleId] })],
);

/** "Not now" (until a date) or "Not relevant" (until null = never) for one module and person. */
export const trainingSuppressions = sqliteTable(
  "training_suppressions",
  {
    workspace: text("workspace").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    moduleId: text("module_id").notNull(),
    kind: text("kind", { enum: ["snooze", "dismiss"] }).notNull(),
    until: text("until"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleId] })],
);

/** Modules shown to a person (by nudge or `train`): their buttons act only for people they were offered to. */
export const trainingOffers = sqliteTable(
  "training_offers",
  {
    workspace: text("workspace").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    moduleId: text("module_id").notNull(),
    offeredAt: text("offered_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleId] })],
);

/** One personal nudge per person per ISO week, with the outbox key that delivers it. */
export const trainingNudges = sqliteTable(
  "training_nudges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspace: text("workspace").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    week: text("week").notNull(),
    outboxKey: text("outbox_key").notNull(),
    moduleIds: text("module_ids", { mode: "json" }).$type<string[]>().notNull(),
    reason: text("reason").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [
    uniqueIndex("training_nudges_person_week").on(t.personId, t.week),
    index("training_nudges_person_sent").on(t.personId, t.sentAt),
  ],
);
