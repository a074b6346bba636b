// Dialect-neutral ways to read a query's rows. On SQLite, drizzle offers .get(); on PostgreSQL
// a query only resolves to its rows. `first` works on both.

/** The first row of a query (or of any promise of rows), or undefined when there is none. */
export async function first<T>(rows: PromiseLike<readonly T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/** The one row a query must return (an insert's `returning()`); a missing row is a bug, so it throws. */
export async function one<T>(rows: PromiseLike<readonly T[]>): Promise<T> {
  const [row] = await rows;
  if (row === undefined) throw new Error("The query returned no row where one was expected.");
  return row;
}
