CREATE TABLE "oncall" (
	"workspace" text NOT NULL,
	"person_id" integer NOT NULL,
	"since" text NOT NULL,
	CONSTRAINT "oncall_workspace_person_id_pk" PRIMARY KEY("workspace","person_id")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "notify" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "date_format" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "blocked_reason" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "blocked_at" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "skip_reason" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "removed_at" text;--> statement-breakpoint
ALTER TABLE "oncall" ADD CONSTRAINT "oncall_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;