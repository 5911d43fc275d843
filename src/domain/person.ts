/** A person as the core sees them: identity, role and working pattern. */
import type { Role } from "./roles.js";

/** A person in one workspace. */
export interface Person {
  id: number;
  workspace: string;
  platformUserId: string;
  displayName: string;
  email: string | null;
  role: Role;
  timezone: string;
  workStartHour: number;
  workEndHour: number;
  trainingOptOut: boolean;
  /** Which task notices reach the person (`me notify`). */
  notify: NotifyLevel;
  /** How the person reads 01/02 (`me dateformat`); null: ambiguous dates are refused. */
  dateFormat: DateOrder | null;
}

/** all: every notice; important: assigned to you, your task blocked or reopened by someone else, overdue; none. */
export type NotifyLevel = "all" | "important" | "none";

/** Every notify level, for validation. */
export const NOTIFY_LEVELS: readonly NotifyLevel[] = ["all", "important", "none"];

/** Day-month-year or month-day-year. */
export type DateOrder = "dmy" | "mdy";

/** Display-name order that is the same on both engines (their collations differ). */
export function byName(a: Person, b: Person): number {
  return a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id - b.id;
}
