-- A CHECK cannot look at another table, so these triggers keep every span inside its
-- document's frozen text (end <= documents.char_count) and keep document text frozen.
CREATE TRIGGER `annotations_end_within_text_insert`
BEFORE INSERT ON `annotations`
WHEN NEW."end" > (SELECT `char_count` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
  SELECT RAISE(ABORT, 'annotation end is past the end of the document text');
END;
--> statement-breakpoint
CREATE TRIGGER `annotations_end_within_text_update`
BEFORE UPDATE OF `start`, `end`, `document_id` ON `annotations`
WHEN NEW."end" > (SELECT `char_count` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
  SELECT RAISE(ABORT, 'annotation end is past the end of the document text');
END;
--> statement-breakpoint
CREATE TRIGGER `segments_end_within_text_insert`
BEFORE INSERT ON `segments`
WHEN NEW."end" > (SELECT `char_count` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
  SELECT RAISE(ABORT, 'segment end is past the end of the document text');
END;
--> statement-breakpoint
CREATE TRIGGER `segments_end_within_text_update`
BEFORE UPDATE OF `start`, `end`, `document_id` ON `segments`
WHEN NEW."end" > (SELECT `char_count` FROM `documents` WHERE `id` = NEW.`document_id`)
BEGIN
  SELECT RAISE(ABORT, 'segment end is past the end of the document text');
END;
--> statement-breakpoint
CREATE TRIGGER `documents_text_frozen`
BEFORE UPDATE OF `text`, `text_sha256`, `char_count` ON `documents`
BEGIN
  SELECT RAISE(ABORT, 'document text is frozen after import');
END;
