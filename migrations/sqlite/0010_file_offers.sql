CREATE TABLE `file_offers` (
	`token` text PRIMARY KEY NOT NULL,
	`workspace` text NOT NULL,
	`user_id` text NOT NULL,
	`file` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL
);
