CREATE TABLE `skill_ratings` (
	`workspace` text NOT NULL,
	`person_id` integer NOT NULL,
	`skill` text NOT NULL,
	`level` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`person_id`, `skill`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `skill_requirements` (
	`workspace` text NOT NULL,
	`role` text NOT NULL,
	`skill` text NOT NULL,
	`level` integer NOT NULL,
	`set_by` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace`, `role`, `skill`)
);
--> statement-breakpoint
CREATE TABLE `training_completions` (
	`workspace` text NOT NULL,
	`person_id` integer NOT NULL,
	`module_id` text NOT NULL,
	`completed_at` text NOT NULL,
	PRIMARY KEY(`person_id`, `module_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_nudges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace` text NOT NULL,
	`person_id` integer NOT NULL,
	`week` text NOT NULL,
	`outbox_key` text NOT NULL,
	`module_ids` text NOT NULL,
	`reason` text NOT NULL,
	`sent_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_nudges_person_week` ON `training_nudges` (`person_id`,`week`);--> statement-breakpoint
CREATE INDEX `training_nudges_person_sent` ON `training_nudges` (`person_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `training_offers` (
	`workspace` text NOT NULL,
	`person_id` integer NOT NULL,
	`module_id` text NOT NULL,
	`offered_at` text NOT NULL,
	PRIMARY KEY(`person_id`, `module_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_suppressions` (
	`workspace` text NOT NULL,
	`person_id` integer NOT NULL,
	`module_id` text NOT NULL,
	`kind` text NOT NULL,
	`until` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`person_id`, `module_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
