CREATE TABLE `graph_tenant_links` (
	`workspace` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`linked_by` integer,
	`linked_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `slack_installations` (
	`key` text PRIMARY KEY NOT NULL,
	`team_id` text,
	`enterprise_id` text,
	`is_enterprise_install` integer NOT NULL,
	`bot_user_id` text,
	`sealed` text NOT NULL,
	`installed_at` text NOT NULL,
	`updated_at` text NOT NULL
);
