/** Reads and writes plan tasks; seeds a workspace with the shipped plan on first use. */
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Plan } from "../../domain/plan.js";
import type { Task } from "../../domain/task.js";
import { Repository, type Handle } from "../handle.js";
import type { AreaNumbers, DigestLists, TaskChange, TaskFilter } from "./task-shapes.js";

export type { AreaNumbers, DigestLists, TaskChange, TaskFilter } from "./task-shapes.js";

/** Access to the tasks of every workspace. */
export class TaskRepository extends Repository {
  /** `areaOrder` lists area ids in plan order (INV, S1…S4, RDY, GOV) so listings follow the plan. */
  constructor(
    h: Handle,
    private readonly areaOrder: readonly string[],
  ) {
    super(h);
  }

  /** Copies the plan's tasks into a workspace the first time it is seen; later calls change nothing. */
  async seed(workspace: string, plan: Plan, now: Date): Promise<void> {
    const { tasks } = this.t;
    const rows = plan.areas.flatMap((area) =>
      area.objectives.flatMap((objective) =>
        objective.tasks.map((t, i) => ({
          workspace,
          id: t.id,
          area: area.id,
          objective: objective.name,
          title: t.title,
          detail: t.detail,
          resources: t.resources,
          position: Number(t.id.split("-")[1] ?? i),
          updatedAt: now.toISOString(),
        })),
      ),
    );
    await this.q((db) => db.insert(tasks).values(rows).onConflictDoNothing());
  }

  /** Every task in a workspace in plan order, owners' names resolved; removed tasks are left out. */
  all(workspace: string): Promise<Task[]> {
    const { tasks } = this.t;
    return this.select(and(eq(tasks.workspace, workspace), isNull(tasks.removedAt)));
  }

  /** Each area's numbers for the digest in one GROUP BY, never loading the tasks; `today` and `horizon` are YYYY-MM-DD. */
  async areaNumbers(workspace: string, today: string, horizon: string): Promise<AreaNumbers[]> {
    const { tasks } = this.t;
    const when = (condition: SQL) => sql<number>`sum(case when ${condition} then 1 else 0 end)`.mapWith(Number);
    const openWork = sql`${tasks.status} <> 'done' and ${tasks.skipReason} is null`;
    return this.q((db) =>
      db
        .select({
          area: tasks.area,
          open: when(sql`${tasks.skipReason} is null and ${tasks.status} = 'open'`),
          inProgress: when(sql`${tasks.skipReason} is null and ${tasks.status} = 'in_progress'`),
          blocked: when(sql`${tasks.skipReason} is null and ${tasks.status} = 'blocked'`),
          done: when(sql`${tasks.skipReason} is null and ${tasks.status} = 'done'`),
          skipped: when(sql`${tasks.skipReason} is not null`),
          counted: when(sql`${tasks.skipReason} is null`),
          countedDone: when(sql`${tasks.skipReason} is null and ${tasks.status} = 'done'`),
          overdue: when(sql`${openWork} and ${tasks.dueDate} < ${today}`),
          dueSoon: when(sql`${openWork} and ${tasks.dueDate} >= ${today} and ${tasks.dueDate} <= ${horizon}`),
          noOwner: when(sql`${openWork} and ${tasks.ownerId} is null`),
        })
        .from(tasks)
        .where(and(eq(tasks.workspace, workspace), isNull(tasks.removedAt)))
        .groupBy(tasks.area),
    );
  }

  /**
   * The first `limit` tasks of each list a digest shows, ordered as the digest orders them and ties in
   * plan order: blocked (blocked longest first, a future date counting as today), overdue (most days
   * late first), due from today up to `horizon` (soonest first) and open work with no owner.
   */
  async digestLists(workspace: string, today: string, horizon: string, limit: number): Promise<DigestLists> {
    const { tasks } = this.t;
    const open = and(
      eq(tasks.workspace, workspace),
      isNull(tasks.removedAt),
      ne(tasks.status, "done"),
      isNull(tasks.skipReason),
    );
    const blockedSince = sql`substr(coalesce(${tasks.blockedAt}, ${tasks.updatedAt}), 1, 10)`;
    const [blocked, overdue, dueSoon, unowned] = await Promise.all([
      this.select(and(open, eq(tasks.status, "blocked")), limit, 0, [
        sql`case when ${blockedSince} > ${today} then ${today} else ${blockedSince} end`,
      ]),
      this.select(and(open, lt(tasks.dueDate, today)), limit, 0, [asc(tasks.dueDate)]),
      this.select(and(open, gte(tasks.dueDate, today), lte(tasks.dueDate, horizon)), limit, 0, [asc(tasks.dueDate)]),
      this.select(and(open, isNull(tasks.ownerId)), limit),
    ]);
    return { blocked, overdue, dueSoon, unowned };
  }

  /** The tasks with these ids (removed ones left out), in plan order. */
  byIds(workspace: string, ids: readonly string[]): Promise<Task[]> {
    const { tasks } = this.t;
    if (ids.length === 0) return Promise.resolve([]);
    return this.select(
      and(eq(tasks.workspace, workspace), isNull(tasks.removedAt), inArray(tasks.id, [...new Set(ids)])),
    );
  }

  /** Areas with any task in progress or done: the stages a team has started. */
  async startedAreas(workspace: string): Promise<Set<string>> {
    const { tasks } = this.t;
    const rows = await this.q((db) =>
      db
        .selectDistinct({ area: tasks.area })
        .from(tasks)
        .where(
          and(eq(tasks.workspace, workspace), inArray(tasks.status, ["in_progress", "done"]), isNull(tasks.removedAt)),
        ),
    );
    return new Set(rows.map((r) => r.area));
  }

  /** Areas with work still to do: a task not done, not skipped and not removed. */
  async areasWithOpenWork(workspace: string): Promise<Set<string>> {
    const { tasks } = this.t;
    const rows = await this.q((db) =>
      db
        .selectDistinct({ area: tasks.area })
        .from(tasks)
        .where(
          and(
            eq(tasks.workspace, workspace),
            ne(tasks.status, "done"),
            isNull(tasks.skipReason),
            isNull(tasks.removedAt),
          ),
        ),
    );
    return new Set(rows.map((r) => r.area));
  }

  /** The tasks matching `filter` in plan order, at most `limit` of them, and how many matched in all. */
  async list(workspace: string, filter: TaskFilter, limit: number): Promise<{ tasks: Task[]; total: number }> {
    const { tasks } = this.t;
    const condition = this.condition(workspace, filter);
    const rows = await this.select(condition, limit);
    const [total] = await this.q((db) => db.select({ n: count() }).from(tasks).where(condition));
    return { tasks: rows, total: total?.n ?? 0 };
  }

  /** One page of the tasks matching `filter` in plan order, and how many match in each area. */
  async page(
    workspace: string,
    filter: TaskFilter,
    offset: number,
    limit: number,
  ): Promise<{ tasks: Task[]; byArea: Map<string, number> }> {
    const { tasks } = this.t;
    const condition = this.condition(workspace, filter);
    const counts = await this.q((db) =>
      db.select({ area: tasks.area, n: count() }).from(tasks).where(condition).groupBy(tasks.area),
    );
    return { tasks: await this.select(condition, limit, offset), byArea: new Map(counts.map((c) => [c.area, c.n])) };
  }

  private condition(workspace: string, filter: TaskFilter): SQL | undefined {
    const { tasks } = this.t;
    const where: SQL[] = [eq(tasks.workspace, workspace)];
    if (filter.area) where.push(eq(tasks.area, filter.area));
    if (filter.ownerId !== undefined) where.push(eq(tasks.ownerId, filter.ownerId));
    if (filter.unassigned) where.push(isNull(tasks.ownerId));
    if (filter.status === "done" || filter.status === "blocked") where.push(eq(tasks.status, filter.status));
    where.push(filter.removed ? isNotNull(tasks.removedAt) : isNull(tasks.removedAt));
    if (filter.skipped) where.push(isNotNull(tasks.skipReason));
    if (filter.status === "open" || filter.overdueBefore || filter.unassigned) where.push(isNull(tasks.skipReason));
    if (filter.status === "open" || filter.overdueBefore) where.push(ne(tasks.status, "done"));
    if (filter.overdueBefore) where.push(lt(tasks.dueDate, filter.overdueBefore));
    return and(...where);
  }

  /** Tasks matching `condition` ordered by `first`, then in plan order (area, then number), owners' names resolved. */
  private async select(condition: SQL | undefined, limit?: number, offset = 0, first: SQL[] = []): Promise<Task[]> {
    const { tasks, people } = this.t;
    const rank = sql`case ${tasks.area} ${sql.join(
      this.areaOrder.map((a, i) => sql`when ${a} then ${sql.raw(String(i))}`),
      sql` `,
    )} else ${sql.raw(String(this.areaOrder.length))} end`;
    const rows = await this.q((db) => {
      const query = db
        .select({ t: tasks, ownerName: people.displayName })
        .from(tasks)
        .leftJoin(people, eq(people.id, tasks.ownerId))
        .where(condition)
        .orderBy(...first, rank, asc(tasks.position));
      return limit === undefined ? query : query.limit(limit).offset(offset);
    });
    return rows.map(({ t, ownerName }) => ({ ...t, ownerName }));
  }

  /** The tasks the team removed, in plan order. */
  removed(workspace: string): Promise<Task[]> {
    const { tasks } = this.t;
    return this.select(and(eq(tasks.workspace, workspace), isNotNull(tasks.removedAt)));
  }

  /** One task (removed ones too), or undefined. */
  async get(workspace: string, id: string): Promise<Task | undefined> {
    const { tasks, people } = this.t;
    const [row] = await this.q((db) =>
      db
        .select({ t: tasks, ownerName: people.displayName })
        .from(tasks)
        .leftJoin(people, eq(people.id, tasks.ownerId))
        .where(and(eq(tasks.workspace, workspace), eq(tasks.id, id.toUpperCase()))),
    );
    return row ? { ...row.t, ownerName: row.ownerName } : undefined;
  }

  /** Applies a change and stamps the update time. */
  async update(workspace: string, id: string, change: TaskChange, now: Date): Promise<void> {
    const { tasks } = this.t;
    await this.q((db) =>
      db
        .update(tasks)
        .set({ ...change, updatedAt: now.toISOString() })
        .where(and(eq(tasks.workspace, workspace), eq(tasks.id, id))),
    );
  }

  /** Adds a team's own task to an area with the next free number; returns its id. */
  async addCustom(workspace: string, area: string, objective: string, title: string, now: Date): Promise<string> {
    const { tasks } = this.t;
    const [max] = await this.q((db) =>
      db
        .select({ max: sql<number>`coalesce(max(${tasks.position}), 0)`.mapWith(Number) })
        .from(tasks)
        .where(and(eq(tasks.workspace, workspace), eq(tasks.area, area))),
    );
    const position = (max?.max ?? 0) + 1;
    const id = `${area}-${position}`;
    await this.q((db) =>
      db.insert(tasks).values({
        workspace,
        id,
        area,
        objective,
        title,
        detail: "",
        resources: [],
        position,
        custom: true,
        updatedAt: now.toISOString(),
      }),
    );
    return id;
  }
}
