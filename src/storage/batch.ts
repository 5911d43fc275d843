/** Multi-row writes written once for both engines: rows in chunks under the bound-parameter limits, upserts from `excluded`. */
import { getTableColumns, sql, type SQL, type Table } from "drizzle-orm";

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** The rows in slices small enough for one statement each, given the table they go to (or the parameters a row binds). */
export function chunked<T>(rows: readonly T[], per: Table | number): T[][] {
  const columns = typeof per === "number" ? per : Object.keys(getTableColumns(per)).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The SET clause of a multi-row upsert: every column but `keep` takes the value of the row that
 * conflicted (`excluded.<column>`), which SQLite and PostgreSQL spell the same way.
 */
export function fromExcluded(table: Table, keep: readonly string[]): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key]) => !keep.includes(key))
      .map(([key, column]) => [key, sql`excluded.${sql.identifier(column.name)}`]),
  );
}
