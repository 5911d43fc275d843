/** Who is on duty for honeypot pings: the workspace's on-call list (`oncall @person…`), or by default its leads and admins. */
import type { Person } from "./person.js";

/** The people a honeypot touch pings; empty when the workspace has nobody to ping. */
export function onDuty(oncall: readonly Person[], people: readonly Person[]): Person[] {
  return oncall.length > 0 ? [...oncall] : people.filter((p) => p.role === "lead" || p.role === "admin");
}
