CREATE TABLE `incident_alerts` (
	`tenant` text NOT NULL,
	`id` text NOT NULL,
	`incident_id` text NOT NULL,
	`title` text NOT NULL,
	`severity` text NOT NULL,
	`status` text NOT NULL,
	`service_source` text NOT NULL,
	`detection_source` text NOT NULL,
	`category` text NOT NULL,
	`mitre_techniques` text NOT NULL,
	`evidence` text NOT NULL,
	`created_at` text,
	`last_update_at` text NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `incident_alerts_incident` ON `incident_alerts` (`tenant`,`incident_id`);--> statement-breakpoint
CREATE INDEX `incident_alerts_created` ON `incident_alerts` (`tenant`,`created_at`);--> statement-breakpoint
CREATE TABLE `incident_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`incident_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`alert_id` text,
	`changed_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`actor_name` text
);
--> statement-breakpoint
CREATE INDEX `incident_changes_incident` ON `incident_changes` (`tenant`,`incident_id`);--> statement-breakpoint
CREATE INDEX `incident_changes_time` ON `incident_changes` (`tenant`,`changed_at`);--> statement-breakpoint
CREATE TABLE `incident_sync_state` (
	`tenant` text NOT NULL,
	`stream` text NOT NULL,
	`cursor` text,
	`run_since` text,
	`run_max` text,
	`run_pages` integer DEFAULT 0 NOT NULL,
	`run_items` integer DEFAULT 0 NOT NULL,
	`last_success_at` text,
	`last_error` text,
	`last_error_at` text,
	PRIMARY KEY(`tenant`, `stream`)
);
--> statement-breakpoint
CREATE TABLE `incident_threads` (
	`workspace` text NOT NULL,
	`platform` text NOT NULL,
	`conversation_id` text NOT NULL,
	`tenant` text NOT NULL,
	`incident_id` text NOT NULL,
	`root_key` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_threads_target` ON `incident_threads` (`platform`,`conversation_id`,`tenant`,`incident_id`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`tenant` text NOT NULL,
	`id` text NOT NULL,
	`display_name` text NOT NULL,
	`description` text NOT NULL,
	`severity` text NOT NULL,
	`severity_rank` integer NOT NULL,
	`status` text NOT NULL,
	`classification` text NOT NULL,
	`determination` text NOT NULL,
	`assigned_to` text,
	`web_url` text,
	`redirect_incident_id` text,
	`custom_tags` text NOT NULL,
	`created_at` text,
	`last_update_at` text NOT NULL,
	`first_seen_at` text NOT NULL,
	PRIMARY KEY(`tenant`, `id`)
);
--> statement-breakpoint
CREATE INDEX `incidents_open` ON `incidents` (`tenant`,`status`,`severity_rank`);--> statement-breakpoint
CREATE TABLE `watched_assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`label` text NOT NULL,
	`mark` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watched_assets_value` ON `watched_assets` (`workspace`,`value`);