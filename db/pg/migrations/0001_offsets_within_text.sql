-- PostgreSQL form of ../../migrations/0001_offsets_within_text.sql: a CHECK cannot look at
-- another table, so these triggers keep every span and segment inside its document's frozen text
-- (end <= documents.char_count) and keep document text frozen, with SQLite's messages. A trigger's
-- WHEN cannot hold a subquery here, so the test is in the function. The errors are in SQLSTATE
-- class 23 (integrity constraint violation), as SQLite's are SQLITE_CONSTRAINT_TRIGGER.
CREATE FUNCTION "annotations_end_within_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."end" > (SELECT "char_count" FROM "documents" WHERE "id" = NEW."document_id") THEN
    RAISE EXCEPTION 'annotation end is past the end of the document text' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "annotations_end_within_text_insert"
BEFORE INSERT ON "annotations"
FOR EACH ROW EXECUTE FUNCTION "annotations_end_within_text"();
--> statement-breakpoint
CREATE TRIGGER "annotations_end_within_text_update"
BEFORE UPDATE OF "start", "end", "document_id" ON "annotations"
FOR EACH ROW EXECUTE FUNCTION "annotations_end_within_text"();
--> statement-breakpoint
CREATE FUNCTION "segments_end_within_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."end" > (SELECT "char_count" FROM "documents" WHERE "id" = NEW."document_id") THEN
    RAISE EXCEPTION 'segment end is past the end of the document text' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "segments_end_within_text_insert"
BEFORE INSERT ON "segments"
FOR EACH ROW EXECUTE FUNCTION "segments_end_within_text"();
--> statement-breakpoint
CREATE TRIGGER "segments_end_within_text_update"
BEFORE UPDATE OF "start", "end", "document_id" ON "segments"
FOR EACH ROW EXECUTE FUNCTION "segments_end_within_text"();
--> statement-breakpoint
-- As in SQLite, naming any of these columns in an UPDATE is refused, even with the same value.
CREATE FUNCTION "documents_text_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'document text is frozen after import' USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "documents_text_frozen"
BEFORE UPDATE OF "text", "text_sha256", "char_count" ON "documents"
FOR EACH ROW EXECUTE FUNCTION "documents_text_frozen"();
