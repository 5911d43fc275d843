/** Reads and writes self-rated skill levels and the levels each role needs. */
import { and, eq } from "drizzle-orm";
import type { Db } from "../db.js";
import { skillRatings, skillRequirements } from "../schema/training.js";

/** Skill id → level. */
export type Levels = Map<string, number>;

/** Access to skill ratings and role requirements of every workspace. */
export class SkillRepository {
  constructor(private readonly db: Db) {}

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

  /** What a role needs in a workspace. */
  requirements(workspace: string, role: string): Levels {
    const rows = this.db
      .select()
      .from(skillRequirements)
      .where(and(eq(skillRequirements.workspace, workspace), eq(skillRequirements.role, role)))
      .all();
    return new Map(rows.map((r) => [r.skill, r.level]));
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
        if (level === 0) {
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
