CREATE TABLE `digest_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`platform` text NOT NULL,
	`conversation_id` text NOT NULL,
	`week` text NOT NULL,
	`areas` text NOT NULL,
	`taken_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_snapshots_week` ON `digest_snapshots` (`platform`,`conversation_id`,`week`);--> statement-breakpoint
CREATE TABLE `inbound_requests` (
	`workspace` text NOT NULL,
	`key` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`workspace`, `key`)
);
--> statement-breakpoint
CREATE INDEX `inbound_requests_received` ON `inbound_requests` (`received_at`);--> statement-breakpoint
CREATE TABLE `task_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`task_id` text NOT NULL,
	`due_date` text NOT NULL,
	`owner_id` integer NOT NULL,
	`kind` text NOT NULL,
	`seq` integer NOT NULL,
	`local_date` text NOT NULL,
	`sent_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_reminders_cycle` ON `task_reminders` (`workspace`,`task_id`,`due_date`,`owner_id`,`kind`,`seq`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `delivered_conversation_id` text;