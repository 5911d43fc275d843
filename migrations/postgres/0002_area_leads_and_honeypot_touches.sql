CREATE TABLE "area_leads" (
	"workspace" text NOT NULL,
	"area" text NOT NULL,
	"person_id" integer NOT NULL,
	"assigned_by" integer,
	"assigned_at" text NOT NULL,
	CONSTRAINT "area_leads_workspace_area_person_id_pk" PRIMARY KEY("workspace","area","person_id")
);
--> statement-breakpoint
CREATE TABLE "honeypot_touches" (
	"workspace" text NOT NULL,
	"tenant" text NOT NULL,
	"incident_id" text NOT NULL,
	"asset" text NOT NULL,
	"pinged" integer NOT NULL,
	"touched_at" text NOT NULL,
	CONSTRAINT "honeypot_touches_workspace_tenant_incident_id_asset_pk" PRIMARY KEY("workspace","tenant","incident_id","asset")
);
--> statement-breakpoint
ALTER TABLE "area_leads" ADD CONSTRAINT "area_leads_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;