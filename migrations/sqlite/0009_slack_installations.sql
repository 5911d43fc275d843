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
