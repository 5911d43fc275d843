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
}
