/** Reads and writes self-rated skill levels and the levels each role needs. */
import { and, eq } from "drizzle-orm";
import { Repository, type Handle } from "../handle.js";

/** Skill id → level. */
export type Levels = Map<string, number>;

/** Each role's skill needs (skill id → level). */
export type RoleNeeds = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Access to skill ratings and role requirements of every workspace. */
export class SkillRepository extends Repository {
  /** `defaults` are each role's needs before a lead sets any (a stored level overrides one). */
  constructor(
    h: Handle,
    private readonly defaults: RoleNeeds = {},
  ) {
    super(h);
  }

  /** One person's self-ratings. */
  async ratings(workspace: string, personId: number): Promise<Levels> {
    const { skillRatings } = this.t;
    const rows = await this.q((db) =>
      db
        .select()
        .from(skillRatings)
        .where(and(eq(skillRatings.workspace, workspace), eq(skillRatings.personId, personId))),
    );
    return new Map(rows.map((r) => [r.skill, r.level]));
  }

  /** Every rating in a workspace, by person id. */
  async teamRatings(workspace: string): Promise<Map<number, Levels>> {
    const { skillRatings } = this.t;
    const team = new Map<number, Levels>();
    const rows = await this.q((db) => db.select().from(skillRatings).where(eq(skillRatings.workspace, workspace)));
    for (const r of rows) {
      const levels = team.get(r.personId) ?? new Map<string, number>();
      levels.set(r.skill, r.level);
      team.set(r.personId, levels);
    }
    return team;
  }

  /** Saves several self-ratings at once (all or nothing). */
  setRatings(workspace: string, personId: number, levels: Levels, now: Date): Promise<void> {
    const { skillRatings } = this.t;
    return this.h.unit(async () => {
      for (const [skill, level] of levels) {
        await this.q((db) =>
          db
            .insert(skillRatings)
            .values({ workspace, personId, skill, level, updatedAt: now.toISOString() })
            .onConflictDoUpdate({
              target: [skillRatings.personId, skillRatings.skill],
              set: { level, updatedAt: now.toISOString() },
            }),
        );
      }
    });
  }

  /** What a role needs in a workspace: the defaults, overridden by what leads set (a stored 0 removes a need). */
  async requirements(workspace: string, role: string): Promise<Levels> {
    const { skillRequirements } = this.t;
    const rows = await this.q((db) =>
      db
        .select()
        .from(skillRequirements)
        .where(and(eq(skillRequirements.workspace, workspace), eq(skillRequirements.role, role))),
    );
    const merged = new Map(Object.entries(this.defaults[role] ?? {}));
    for (const r of rows) merged.set(r.skill, r.level);
    return new Map([...merged].filter(([, level]) => level > 0));
  }

  /** Sets what a role needs; level 0 removes the requirement. All or nothing. */
  setRequirements(workspace: string, role: string, levels: Levels, setBy: number, now: Date): Promise<void> {
    const { skillRequirements } = this.t;
    return this.h.unit(async () => {
      for (const [skill, level] of levels) {
        const key = and(
          eq(skillRequirements.workspace, workspace),
          eq(skillRequirements.role, role),
          eq(skillRequirements.skill, skill),
        );
        if (level === 0 && !(this.defaults[role] ?? {})[skill]) {
          await this.q((db) => db.delete(skillRequirements).where(key));
          continue;
        }
        await this.q((db) =>
          db
            .insert(skillRequirements)
            .values({ workspace, role, skill, level, setBy, updatedAt: now.toISOString() })
            .onConflictDoUpdate({
              target: [skillRequirements.workspace, skillRequirements.role, skillRequirements.skill],
              set: { level, setBy, updatedAt: now.toISOString() },
            }),
        );
      }
    });
  }
}
