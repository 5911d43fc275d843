CREATE TABLE `pending_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`created_by` integer NOT NULL,
	`file_name` text NOT NULL,
	`changes` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `oncall` (
	`workspace` text NOT NULL,
	`person_id` integer NOT NULL,
	`since` text NOT NULL,
	PRIMARY KEY(`workspace`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stakeholders` (
	`workspace` text NOT NULL,
	`role` text NOT NULL,
	`person_id` integer NOT NULL,
	`assigned_by` integer,
	`assigned_at` text NOT NULL,
	PRIMARY KEY(`workspace`, `role`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `people` ADD `notify` text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `date_format` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `blocked_reason` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `blocked_at` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `skip_reason` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `removed_at` text;