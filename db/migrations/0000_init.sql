CREATE TABLE `adjudications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`gold_annotation_id` integer,
	`decision` text NOT NULL,
	`from_annotation_ids` text DEFAULT '[]' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`adjudicator_id` integer NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gold_annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`adjudicator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "adjudications_decision_check" CHECK("adjudications"."decision" in ('accepted', 'edited', 'rejected', 'added'))
);
--> statement-breakpoint
CREATE INDEX `adjudications_document_idx` ON `adjudications` (`document_id`);--> statement-breakpoint
CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`annotator_id` integer NOT NULL,
	`layer` text DEFAULT 'annotator' NOT NULL,
	`kind` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`exact` text NOT NULL,
	`prefix` text DEFAULT '' NOT NULL,
	`suffix` text DEFAULT '' NOT NULL,
	`attributes` text DEFAULT '{}' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`parent_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`annotator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`parent_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "annotations_offsets_check" CHECK(0 <= "annotations"."start" and "annotations"."start" < "annotations"."end"),
	CONSTRAINT "annotations_layer_check" CHECK("annotations"."layer" in ('annotator', 'gold')),
	CONSTRAINT "annotations_kind_check" CHECK("annotations"."kind" in ('claim', 'opinion', 'quote')),
	CONSTRAINT "annotations_version_check" CHECK("annotations"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `annotations_document_idx` ON `annotations` (`document_id`,`annotator_id`,`start`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text DEFAULT 'todo' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assignments_status_check" CHECK("assignments"."status" in ('todo', 'in_progress', 'submitted'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_document_user_unique` ON `assignments` (`document_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `assignments_user_idx` ON `assignments` (`user_id`,`status`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`story_id` integer,
	`outlet_id` integer,
	`title` text NOT NULL,
	`author` text,
	`published_at` text,
	`url` text,
	`language` text,
	`text` text NOT NULL,
	`text_sha256` text NOT NULL,
	`char_count` integer NOT NULL,
	`word_count` integer NOT NULL,
	`source_file_name` text,
	`imported_by` integer,
	`imported_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "documents_char_count_check" CHECK("documents"."char_count" > 0),
	CONSTRAINT "documents_sha_check" CHECK(length("documents"."text_sha256") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_project_sha_unique` ON `documents` (`project_id`,`text_sha256`);--> statement-breakpoint
CREATE INDEX `documents_project_idx` ON `documents` (`project_id`,`published_at`);--> statement-breakpoint
CREATE INDEX `documents_outlet_idx` ON `documents` (`outlet_id`);--> statement-breakpoint
CREATE INDEX `documents_story_idx` ON `documents` (`story_id`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_failure_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `outlets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`domain` text,
	`kind` text DEFAULT 'other' NOT NULL,
	`country` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "outlets_kind_check" CHECK("outlets"."kind" in ('newspaper', 'magazine', 'broadcaster', 'wire', 'blog', 'think_tank', 'aggregator', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outlets_name_unique` ON `outlets` (lower("name"));--> statement-breakpoint
CREATE TABLE `perspective_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`rater_id` integer NOT NULL,
	`outlet_id` integer,
	`document_id` integer,
	`axis` text NOT NULL,
	`value` real,
	`label` text,
	`rationale` text NOT NULL,
	`is_gold` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rater_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "perspective_ratings_target_check" CHECK(("perspective_ratings"."outlet_id" is null) <> ("perspective_ratings"."document_id" is null)),
	CONSTRAINT "perspective_ratings_value_check" CHECK("perspective_ratings"."value" is not null or "perspective_ratings"."label" is not null),
	CONSTRAINT "perspective_ratings_rationale_check" CHECK(length(trim("perspective_ratings"."rationale")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `perspective_ratings_outlet_unique` ON `perspective_ratings` (`project_id`,`rater_id`,`outlet_id`,`axis`,`is_gold`);--> statement-breakpoint
CREATE UNIQUE INDEX `perspective_ratings_document_unique` ON `perspective_ratings` (`project_id`,`rater_id`,`document_id`,`axis`,`is_gold`);--> statement-breakpoint
CREATE TABLE `project_members` (
	`project_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_members_role_check" CHECK("project_members"."role" in ('manager', 'annotator', 'adjudicator'))
);
--> statement-breakpoint
CREATE INDEX `project_members_user_idx` ON `project_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`guidelines` text DEFAULT '' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_name_unique` ON `projects` (lower("name"));--> statement-breakpoint
CREATE TABLE `reference_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outlet_id` integer NOT NULL,
	`publisher` text NOT NULL,
	`axis` text NOT NULL,
	`value` real,
	`label` text,
	`retrieved_at` text NOT NULL,
	`url` text NOT NULL,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "reference_ratings_value_check" CHECK("reference_ratings"."value" is not null or "reference_ratings"."label" is not null)
);
--> statement-breakpoint
CREATE INDEX `reference_ratings_outlet_idx` ON `reference_ratings` (`outlet_id`);--> statement-breakpoint
CREATE TABLE `segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`original_outlet_id` integer,
	`original_url` text,
	`original_date` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`original_outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "segments_offsets_check" CHECK(0 <= "segments"."start" and "segments"."start" < "segments"."end")
);
--> statement-breakpoint
CREATE INDEX `segments_document_idx` ON `segments` (`document_id`,`start`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`affiliation` text,
	`description` text DEFAULT '' NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sources_kind_check" CHECK("sources"."kind" in ('person', 'organization', 'government', 'document', 'media_outlet', 'anonymous'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_project_name_unique` ON `sources` (`project_id`,lower("name"));--> statement-breakpoint
CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stories_project_name_unique` ON `stories` (`project_id`,lower("name"));--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`disabled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin', 'member')),
	CONSTRAINT "users_username_lower" CHECK("users"."username" = lower("users"."username"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);