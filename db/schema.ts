// The whole domain model of Provenance Desk (see ../shared/DESIGN.md, "Domain model").
// Invariants live here as foreign keys, unique keys and checks, so that no code path can
// write a row the rest of the app would misread. Offsets are Unicode code points, end exclusive.
import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["admin", "member"] })
      .notNull()
      .default("member"),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    check("users_role_check", sql`${t.role} in ('admin', 'member')`),
    check("users_username_lower", sql`${t.username} = lower(${t.username})`),
  ],
);

// Lucia's design: the table holds sha256(token), never the token itself.
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Personal API tokens for scripts (read-only: only the export endpoint accepts them). As with
// sessions, only sha256(token) is stored, and it is the lookup key, so checking a presented
// token is an index lookup rather than a comparison of secrets in JavaScript. The last four
// characters are kept so a person can tell their tokens apart.
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    lastFour: text("last_four").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_unique").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId, t.revokedAt),
    check("api_tokens_hash_check", sql`length(${t.tokenHash}) = 64`),
    check("api_tokens_last_four_check", sql`length(${t.lastFour}) = 4`),
    check("api_tokens_name_check", sql`length(trim(${t.name})) > 0`),
  ],
);

// Failed sign-ins per key ("user:<name>" or "ip:<address>"), for throttling.
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    guidelines: text("guidelines").notNull().default(""),
    // JSON validated by lib/validation/project.ts (blind mode, annotators per document, axes).
    settings: text("settings", { mode: "json" })
      .notNull()
      .default(sql`'{}'`),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    // Attribution suggestions in the workspace (lib/suggest): on unless a manager turns them
    // off (a blind study may want to), and the reporting cues the project adds to the built-in list.
    suggestionsEnabled: integer("suggestions_enabled", { mode: "boolean" }).notNull().default(true),
    suggestionCues: text("suggestion_cues", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("projects_name_unique").on(sql`lower(${t.name})`)],
);

export const projectMembers = sqliteTable(
  "project_members",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["manager", "annotator", "adjudicator"] }).notNull(),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index("project_members_user_idx").on(t.userId),
    check("project_members_role_check", sql`${t.role} in ('manager', 'annotator', 'adjudicator')`),
  ],
);

export const OUTLET_KINDS = ["newspaper", "magazine", "broadcaster", "wire", "blog", "think_tank", "aggregator", "other"] as const;

export const outlets = sqliteTable(
  "outlets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    domain: text("domain"),
    kind: text("kind", { enum: OUTLET_KINDS }).notNull().default("other"),
    country: text("country"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outlets_name_unique").on(sql`lower(${t.name})`),
    check("outlets_kind_check", sql`${t.kind} in ('newspaper', 'magazine', 'broadcaster', 'wire', 'blog', 'think_tank', 'aggregator', 'other')`),
  ],
);

export const stories = sqliteTable(
  "stories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("stories_project_name_unique").on(t.projectId, sql`lower(${t.name})`)],
);

export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    storyId: integer("story_id").references(() => stories.id, { onDelete: "set null" }),
    outletId: integer("outlet_id").references(() => outlets.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    author: text("author"),
    publishedAt: text("published_at"), // ISO date (YYYY-MM-DD) as the outlet gives it
    url: text("url"),
    language: text("language"),
    // Frozen after import: every offset in the database points into this exact text.
    text: text("text").notNull(),
    textSha256: text("text_sha256").notNull(),
    charCount: integer("char_count").notNull(), // Unicode code points
    wordCount: integer("word_count").notNull(),
    sourceFileName: text("source_file_name"),
    importedBy: integer("imported_by").references(() => users.id, { onDelete: "set null" }),
    importedAt: integer("imported_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("documents_project_sha_unique").on(t.projectId, t.textSha256),
    index("documents_project_idx").on(t.projectId, t.publishedAt),
    index("documents_outlet_idx").on(t.outletId),
    index("documents_story_idx").on(t.storyId),
    check("documents_char_count_check", sql`${t.charCount} > 0`),
    check("documents_sha_check", sql`length(${t.textSha256}) = 64`),
  ],
);

export const segments = sqliteTable(
  "segments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    originalOutletId: integer("original_outlet_id").references(() => outlets.id, {
      onDelete: "restrict",
    }),
    originalUrl: text("original_url"),
    originalDate: text("original_date"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("segments_document_idx").on(t.documentId, t.start), check("segments_offsets_check", sql`0 <= ${t.start} and ${t.start} < ${t.end}`)],
);

export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", {
      enum: ["person", "organization", "government", "document", "media_outlet", "anonymous"],
    }).notNull(),
    affiliation: text("affiliation"),
    description: text("description").notNull().default(""),
    aliases: text("aliases", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sources_project_name_unique").on(t.projectId, sql`lower(${t.name})`),
    check("sources_kind_check", sql`${t.kind} in ('person', 'organization', 'government', 'document', 'media_outlet', 'anonymous')`),
  ],
);

export const annotations = sqliteTable(
  "annotations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    annotatorId: integer("annotator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    layer: text("layer", { enum: ["annotator", "gold"] })
      .notNull()
      .default("annotator"),
    kind: text("kind", { enum: ["claim", "opinion", "quote"] }).notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    exact: text("exact").notNull(),
    prefix: text("prefix").notNull().default(""),
    suffix: text("suffix").notNull().default(""),
    // JSON validated per kind by lib/validation/annotation.ts.
    attributes: text("attributes", { mode: "json" })
      .notNull()
      .default(sql`'{}'`),
    note: text("note").notNull().default(""),
    parentId: integer("parent_id").references((): AnySQLiteColumn => annotations.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    version: integer("version").notNull().default(1),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("annotations_document_idx").on(t.documentId, t.annotatorId, t.start),
    check("annotations_offsets_check", sql`0 <= ${t.start} and ${t.start} < ${t.end}`),
    check("annotations_layer_check", sql`${t.layer} in ('annotator', 'gold')`),
    check("annotations_kind_check", sql`${t.kind} in ('claim', 'opinion', 'quote')`),
    check("annotations_version_check", sql`${t.version} >= 1`),
  ],
);

export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["todo", "in_progress", "submitted"] })
      .notNull()
      .default("todo"),
    assignedAt: createdAt(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("assignments_document_user_unique").on(t.documentId, t.userId),
    index("assignments_user_idx").on(t.userId, t.status),
    check("assignments_status_check", sql`${t.status} in ('todo', 'in_progress', 'submitted')`),
  ],
);

// A reviewer's rating of an outlet or of a document on one of the project's axes.
export const perspectiveRatings = sqliteTable(
  "perspective_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    raterId: integer("rater_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    outletId: integer("outlet_id").references(() => outlets.id, { onDelete: "cascade" }),
    documentId: integer("document_id").references(() => documents.id, { onDelete: "cascade" }),
    axis: text("axis").notNull(),
    value: real("value"),
    label: text("label"), // for categorical axes such as a document's genre
    rationale: text("rationale").notNull(),
    isGold: integer("is_gold", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    check("perspective_ratings_target_check", sql`(${t.outletId} is null) <> (${t.documentId} is null)`),
    check("perspective_ratings_value_check", sql`${t.value} is not null or ${t.label} is not null`),
    check("perspective_ratings_rationale_check", sql`length(trim(${t.rationale})) > 0`),
    uniqueIndex("perspective_ratings_outlet_unique").on(t.projectId, t.raterId, t.outletId, t.axis, t.isGold),
    uniqueIndex("perspective_ratings_document_unique").on(t.projectId, t.raterId, t.documentId, t.axis, t.isGold),
  ],
);

// Published third-party ratings: dated, attributed observations, never bare outlet columns.
export const referenceRatings = sqliteTable(
  "reference_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outletId: integer("outlet_id")
      .notNull()
      .references(() => outlets.id, { onDelete: "cascade" }),
    publisher: text("publisher").notNull(),
    axis: text("axis").notNull(),
    value: real("value"),
    label: text("label"),
    retrievedAt: text("retrieved_at").notNull(),
    url: text("url").notNull(),
    recordedBy: integer("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("reference_ratings_outlet_idx").on(t.outletId), check("reference_ratings_value_check", sql`${t.value} is not null or ${t.label} is not null`)],
);

export const adjudications = sqliteTable(
  "adjudications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    goldAnnotationId: integer("gold_annotation_id").references(() => annotations.id, {
      onDelete: "set null",
    }),
    decision: text("decision", { enum: ["accepted", "edited", "rejected", "added"] }).notNull(),
    fromAnnotationIds: text("from_annotation_ids", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    reason: text("reason").notNull().default(""),
    adjudicatorId: integer("adjudicator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index("adjudications_document_idx").on(t.documentId),
    check("adjudications_decision_check", sql`${t.decision} in ('accepted', 'edited', 'rejected', 'added')`),
  ],
);

// A linked claim: spans in different documents of one story that carry the same claim, so its
// path across outlets can be traced. A span belongs to at most one link; linking two spans that
// are already in different links merges them. Soft-deleting a span keeps its membership, so a
// restored span is linked again; deleting the document removes it for good.
export const claimLinks = sqliteTable(
  "claim_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    label: text("label").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("claim_links_story_idx").on(t.storyId)],
);

export const claimLinkSpans = sqliteTable(
  "claim_link_spans",
  {
    linkId: integer("link_id")
      .notNull()
      .references(() => claimLinks.id, { onDelete: "cascade" }),
    annotationId: integer("annotation_id")
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    addedBy: integer("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: integer("added_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.annotationId] }), uniqueIndex("claim_link_spans_annotation_unique").on(t.annotationId)],
);

// A reviewer's decision on one suggestion of a document (lib/suggest), so a decided suggestion
// never comes back. The key is the suggestion's `${start}:${end}` in code points; an accepted one
// points at the span it became (null once that span is gone for good).
export const suggestionDecisions = sqliteTable(
  "suggestion_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    decision: text("decision", { enum: ["accepted", "rejected"] }).notNull(),
    annotationId: integer("annotation_id").references(() => annotations.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("suggestion_decisions_document_user_key_unique").on(t.documentId, t.userId, t.key),
    check("suggestion_decisions_decision_check", sql`${t.decision} in ('accepted', 'rejected')`),
    check("suggestion_decisions_key_check", sql`${t.key} glob '[0-9]*:[0-9]*'`),
  ],
);

// Append-only: every change to an annotation, rating, document or user, with before and after.
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type ProjectMember = typeof projectMembers.$inferSelect;
export type ProjectRole = ProjectMember["role"];
export type Outlet = typeof outlets.$inferSelect;
export type OutletKind = Outlet["kind"];
export type Story = typeof stories.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type Segment = typeof segments.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type Annotation = typeof annotations.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type PerspectiveRating = typeof perspectiveRatings.$inferSelect;
export type ReferenceRating = typeof referenceRatings.$inferSelect;
export type Adjudication = typeof adjudications.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type ClaimLink = typeof claimLinks.$inferSelect;
export type ClaimLinkSpan = typeof claimLinkSpans.$inferSelect;
export type SuggestionDecision = typeof suggestionDecisions.$inferSelect;
