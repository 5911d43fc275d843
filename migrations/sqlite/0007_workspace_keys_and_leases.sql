CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`acquired_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox_lanes` (
	`workspace` text NOT NULL,
	`platform` text NOT NULL,
	`conversation_id` text NOT NULL,
	`holder` text NOT NULL,
	`lease_until` text NOT NULL,
	PRIMARY KEY(`workspace`, `platform`, `conversation_id`)
);
--> statement-breakpoint
DROP INDEX `digest_snapshots_week`;--> statement-breakpoint
CREATE UNIQUE INDEX `digest_snapshots_week` ON `digest_snapshots` (`workspace`,`platform`,`conversation_id`,`week`);--> statement-breakpoint
DROP INDEX `incident_threads_target`;--> statement-breakpoint
CREATE UNIQUE INDEX `incident_threads_target` ON `incident_threads` (`workspace`,`platform`,`conversation_id`,`tenant`,`incident_id`);--> statement-breakpoint
DROP INDEX `subscriptions_target_kind`;--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_target_kind` ON `subscriptions` (`workspace`,`platform`,`conversation_id`,`kind`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_conversations` (
	`workspace` text NOT NULL,
	`platform` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`person_id` integer,
	`reference` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace`, `platform`, `id`)
);
--> statement-breakpoint
INSERT INTO `__new_conversations`("workspace", "platform", "id", "kind", "name", "person_id", "reference", "active", "updated_at") SELECT "workspace", "platform", "id", "kind", "name", "person_id", "reference", "active", "updated_at" FROM `conversations`;--> statement-breakpoint
DROP TABLE `conversations`;--> statement-breakpoint
ALTER TABLE `__new_conversations` RENAME TO `conversations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbox_lane` ON `outbox` (`workspace`,`platform`,`conversation_id`,`status`);