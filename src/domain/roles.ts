/** Roles and what each may do: leads and admins run the program, analysts do the work. */

/** A person's role in a workspace; `none` may read help and the plan only. */
export type Role = "admin" | "lead" | "analyst" | "none";

/** Every role, in the order of increasing power. */
export const ROLES: readonly Role[] = ["none", "analyst", "lead", "admin"];

/** True when `role` is at least `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Words for "which role may do it" in refusals. */
export function roleRequirement(needed: Role): string {
  switch (needed) {
    case "admin":
      return "an admin";
    case "lead":
      return "a lead or an admin";
    case "analyst":
      return "an analyst, a lead or an admin";
    case "none":
      return "anyone";
  }
}

/** Parses a role word from a command, or undefined. */
export function parseRole(word: string): Role | undefined {
  const lower = word.toLowerCase();
  return (ROLES as readonly string[]).includes(lower) ? (lower as Role) : undefined;
}
