DROP INDEX `incident_alerts_incident`;--> statement-breakpoint
CREATE INDEX `incident_alerts_incident` ON `incident_alerts` (`tenant`,`incident_id`,`created_at`);