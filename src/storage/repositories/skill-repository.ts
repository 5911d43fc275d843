/** Reads and writes self-rated skill levels and the levels each role needs. */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db.js";
import { skillRatings, skillRequirements } from "../schema/training.js";

/** Skill id → level. */
export type Levels = Map<string, number>;

/** Access to skill ratings and role requirements of every workspace. */
export class SkillRepository {
  /** `defaults` are each role's needs before a lead sets any (a stored level overrides one). */
  constructor(
    private readonly db: Db,
    private readonly defaults: Readonly<Record<string, Readonly<Record<string, number>>>> = {},
  ) {}

  /** One person's self-ratings. */
  ratings(workspace: string, personId: number): Levels {
    const rows = this.db
      .select()
      .from(skillRatings)
      .where(and(eq(skillRatings.workspace, workspace), eq(skillRatings.personId, personId)))
      .all();
    return new Map(rows.map((r) => [r.skill, r.level]));
  }

  /** Every rating in a workspace, by person id. */
  teamRatings(workspace: string): Map<number, Levels> {
    const team = new Map<number, Levels>();
    for (const r of this.db.select().from(skillRatings).where(eq(skillRatings.workspace, workspace)).all()) {
      const levels = team.get(r.personId) ?? new Map<string, number>();
      levels.set(r.skill, r.level);
      team.set(r.personId, levels);
    }
    return team;
  }

  /** Saves several self-ratings at once (all or nothing). */
  setRatings(workspace: string, personId: number, levels: Levels, now: Date): void {
    this.db.transaction((tx) => {
      for (const [skill, level] of levels) {
        tx.insert(skillRatings)
          .values({ workspace, personId, skill, level, updatedAt: now.toISOString() })
          .onConflictDoUpdate({
            target: [skillRatings.personId, skillRatings.skill],
            set: { level, updatedAt: now.toISOString() },
          })
          .run();
      }
    });
  }

  /** What a role needs in a workspace: the defaults, overridden by what leads set (a stored 0 removes a need). */
  requirements(workspace: string, role: string): Levels {
    const rows = this.db
      .select()
      .from(skillRequirements)
      .where(and(eq(skillRequirements.workspace, workspace), eq(skillRequirements.role, role)))
      .all();
    const merged = new Map(Object.entries(this.defaults[role] ?? {}));
    for (const r of rows) merged.set(r.skill, r.level);
    return new Map([...merged].filter(([, level]) => level > 0));
  }

  /** Sets what a role needs; level 0 removes the requirement. All or nothing. */
  setRequirements(workspace: string, role: string, levels: Levels, setBy: number, now: Date): void {
    this.db.transaction((tx) => {
      for (const [skill, level] of levels) {
        const key = and(
          eq(skillRequirements.workspace, workspace),
          eq(skillRequirements.role, role),
          eq(skillRequirements.skill, skill),
        );
        if (level === 0 && !(this.defaults[role] ?? {})[skill]) {
          tx.delete(skillRequirements).where(key).run();
          continue;
        }
        tx.insert(skillRequirements)
          .values({ workspace, role, skill, level, setBy, updatedAt: now.toISOString() })
          .onConflictDoUpdate({
            target: [skillRequirements.workspace, skillRequirements.role, skillRequirements.skill],
            set: { level, setBy, updatedAt: now.toISOString() },
          })
          .run();
      }
    });
  }
}
