/**
 * The week's alerts and incidents in numbers, as the digest shows them. The digest depends only on
 * this interface; the incidents storage provides it, and it answers undefined when there is no data.
 */

/** Numbers for one workspace over one reporting period. */
export interface AlertWeekStats {
  newIncidents: number;
  resolvedIncidents: number;
  newAlerts: number;
  resolvedAlerts: number;
  /** Incidents still open at the end of the period, by severity (high, medium, low, informational, …). */
  openBySeverity: Record<string, number>;
  /** Mean minutes from an incident's creation to its first acknowledgement, when any was acknowledged. */
  meanMinutesToAcknowledge?: number;
  /** Mean minutes from creation to resolution for incidents resolved in the period. */
  meanMinutesToResolve?: number;
  /** Alerts in the period that touched a honeypot (decoy) asset. */
  honeypotTouches: number;
  /** Honeypot touches in the period with nobody on duty to ping (absent when none). */
  honeypotUnanswered?: number;
}

/** Source of the numbers; undefined means "no incident data at all" (the digest then omits the section). */
export interface AlertStatsProvider {
  weekStats(workspace: string, from: Date, to: Date): Promise<AlertWeekStats | undefined>;
}

/** True when the period saw no alert or incident activity at all. */
export function quietWeek(stats: AlertWeekStats | undefined): boolean {
  return (
    !stats ||
    stats.newIncidents + stats.resolvedIncidents + stats.newAlerts + stats.resolvedAlerts + stats.honeypotTouches === 0
  );
}
