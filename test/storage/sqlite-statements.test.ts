/** SQLite statements reused by SQL text: the same answers as freshly prepared ones, in the row shape each caller asks for. */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { reuseStatements } from "../../src/storage/engine/statement-cache.js";

let db: Database.Database;
afterEach(() => db.close());

describe("reused SQLite statements", () => {
  it("hands back the statement for the same text, switched back from raw rows", () => {
    db = new Database(":memory:");
    reuseStatements(db);
    db.exec("create table t (id integer primary key, name text)");
    db.prepare("insert into t (name) values (?)").run("dana");
    db.prepare("insert into t (name) values (?)").run("lee");
    const select = "select id, name from t order by id";
    expect(db.prepare(select).raw().all()).toEqual([
      [1, "dana"],
      [2, "lee"],
    ]);
    expect(db.prepare(select)).toBe(db.prepare(select));
    expect(db.prepare(select).all()).toEqual([
      { id: 1, name: "dana" },
      { id: 2, name: "lee" },
    ]);
  });

  it("prepares long texts every time instead of keeping them", () => {
    db = new Database(":memory:");
    reuseStatements(db);
    const long = `select ${Array.from({ length: 800 }, (_, i) => `${i} as c${i}`).join(", ")}`;
    expect(db.prepare(long)).not.toBe(db.prepare(long));
    expect(db.prepare(long).get()).toMatchObject({ c0: 0, c799: 799 });
  });
});
