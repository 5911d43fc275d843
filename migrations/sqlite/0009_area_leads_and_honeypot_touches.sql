CREATE TABLE `area_leads` (
	`workspace` text NOT NULL,
	`area` text NOT NULL,
	`person_id` integer NOT NULL,
	`assigned_by` integer,
	`assigned_at` text NOT NULL,
	PRIMARY KEY(`workspace`, `area`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `honeypot_touches` (
	`workspace` text NOT NULL,
	`tenant` text NOT NULL,
	`incident_id` text NOT NULL,
	`asset` text NOT NULL,
	`pinged` integer NOT NULL,
	`touched_at` text NOT NULL,
	PRIMARY KEY(`workspace`, `tenant`, `incident_id`, `asset`)
);
