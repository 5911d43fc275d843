/**
 * How repositories reach the database. A unit of work puts its transaction in an AsyncLocalStorage,
 * so every repository call made inside it, through `tx` or not, joins that transaction; outside one,
 * each call runs on its own.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Engine, Tables } from "./engine/types.js";

/** The engine plus the transaction of the unit of work in progress, if any. */
export class Handle {
  private readonly current = new AsyncLocalStorage<Db>();

  constructor(readonly engine: Engine) {}

  /** The engine's tables. */
  get t(): Tables {
    return this.engine.tables;
  }

  /** Runs a query in the current unit of work, or on its own. */
  q<T>(work: (db: Db) => Promise<T>): Promise<T> {
    const tx = this.current.getStore();
    return tx ? work(tx) : this.engine.run(work);
  }

  /** Runs `work` as one transaction; nested calls join the outer one. */
  unit<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    return this.engine.transaction((tx) => this.current.run(tx, work));
  }
}

/** What every repository builds on. */
export abstract class Repository {
  constructor(protected readonly h: Handle) {}

  /** The tables of the engine in use. */
  protected get t(): Tables {
    return this.h.t;
  }

  /** Runs a query in the current unit of work, or on its own. */
  protected q<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.h.q(work);
  }
}
