/**
 * Tells a database that cannot take writes (disk full, read-only file or filesystem, no write
 * permission) from every other failure, for SQLite and PostgreSQL alike, so the core can say
 * "nothing changed" and readiness can fail until writes work again.
 */

/** SQLite result codes (primary or extended) meaning the write could not be stored. */
const SQLITE_CODES = /^SQLITE_(FULL|READONLY(_\w+)?|IOERR(_\w+)?|CANTOPEN(_\w+)?)$/;
/** PostgreSQL SQLSTATEs: disk_full, read_only_sql_transaction, insufficient_privilege (on a write). */
const POSTGRES_CODES = new Set(["53100", "25006", "42501"]);
/** Node filesystem errors met while opening: read-only filesystem, permission denied, no space. */
const FS_CODES = new Set(["EROFS", "EACCES", "EPERM", "ENOSPC"]);

/** True when `err` (or an error it wraps, as drizzle does) says the database cannot be written. */
export function isUnwritable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (SQLITE_CODES.test(code) || POSTGRES_CODES.has(code) || FS_CODES.has(code)))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Remembers that a write failed until a probe write succeeds: the `/readyz` check for writability. */
export class WriteHealth {
  private failedAt: Date | undefined;

  /** Records a failed write. */
  markFailed(now = new Date()): void {
    this.failedAt ??= now;
  }

  /** Readiness: fine until a write failed; then `probe` (a real write) runs on each check until it succeeds. */
  async check(probe: () => Promise<void>): Promise<{ ok: boolean; detail: string }> {
    const since = this.failedAt;
    if (!since) return { ok: true, detail: "writable" };
    try {
      await probe();
      this.failedAt = undefined;
      return { ok: true, detail: "writable again" };
    } catch (err) {
      if (!isUnwritable(err)) throw err;
      return { ok: false, detail: `not writable (full or read-only) since ${since.toISOString()}` };
    }
  }
}
