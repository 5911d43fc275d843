CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`note` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_events` (`workspace`,`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`workspace` text NOT NULL,
	`platform` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`person_id` integer,
	`reference` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`platform`, `id`)
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`platform_user_id` text NOT NULL,
	`display_name` text NOT NULL,
	`email` text,
	`role` text DEFAULT 'none' NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`work_start_hour` integer DEFAULT 9 NOT NULL,
	`work_end_hour` integer DEFAULT 18 NOT NULL,
	`training_opt_out` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_workspace_user` ON `people` (`workspace`,`platform_user_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`workspace` text NOT NULL,
	`id` text NOT NULL,
	`area` text NOT NULL,
	`objective` text NOT NULL,
	`title` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`resources` text NOT NULL,
	`position` integer NOT NULL,
	`custom` integer DEFAULT false NOT NULL,
	`owner_id` integer,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`updated_at` text NOT NULL,
	`completed_at` text,
	PRIMARY KEY(`workspace`, `id`),
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`workspace` text NOT NULL,
	`platform` text NOT NULL,
	`conversation_id` text NOT NULL,
	`op` text NOT NULL,
	`root_key` text,
	`reply` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`message_id` text,
	`thread_id` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key_unique` ON `outbox` (`key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);