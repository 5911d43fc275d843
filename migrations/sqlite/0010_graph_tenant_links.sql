CREATE TABLE `graph_tenant_links` (
	`workspace` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`linked_by` integer,
	`linked_at` text NOT NULL
);
