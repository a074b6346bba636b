CREATE TABLE `suggestion_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`key` text NOT NULL,
	`decision` text NOT NULL,
	`annotation_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "suggestion_decisions_decision_check" CHECK("suggestion_decisions"."decision" in ('accepted', 'rejected')),
	CONSTRAINT "suggestion_decisions_key_check" CHECK("suggestion_decisions"."key" glob '[0-9]*:[0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_decisions_document_user_key_unique` ON `suggestion_decisions` (`document_id`,`user_id`,`key`);--> statement-breakpoint
ALTER TABLE `projects` ADD `suggestions_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `suggestion_cues` text DEFAULT '[]' NOT NULL;