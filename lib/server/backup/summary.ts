// One line a person reads after a backup or restore: what the file holds.
const SHOWN: [table: string, one: string, many: string][] = [
  ["projects", "project", "projects"],
  ["documents", "document", "documents"],
  ["annotations", "span", "spans"],
  ["users", "user", "users"],
];

/** "2 projects, 3 documents, 57 spans, 1 user (20 tables)". */
export function describeRows(rows: Record<string, number>): string {
  const parts = SHOWN.map(([table, one, many]) => {
    const n = rows[table] ?? 0;
    return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  });
  return `${parts.join(", ")} (${Object.keys(rows).length} tables)`;
}
