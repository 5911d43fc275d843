/** Incident workload per skill area: how many incidents assigned to a person touched each area lately. */
import type { Person } from "../domain/person.js";

/** Days of incident history that count as a person's current workload. */
export const WORKLOAD_DAYS = 30;

/** Counts, per skill area, the incidents assigned to a person since a time. */
export interface IncidentWorkload {
  /**
   * Incidents whose assignedTo names the person (email/UPN or display name, case-insensitive),
   * created or updated since `since`; each incident counts once per skill area its alerts map to.
   */
  countsFor(
    workspace: string,
    person: Pick<Person, "email" | "displayName">,
    since: Date,
  ): Promise<Map<string, number>>;
}
