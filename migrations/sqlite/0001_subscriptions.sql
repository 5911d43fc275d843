CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`platform` text NOT NULL,
	`conversation_id` text NOT NULL,
	`kind` text NOT NULL,
	`settings` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_target_kind` ON `subscriptions` (`platform`,`conversation_id`,`kind`);