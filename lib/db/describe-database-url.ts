/** "postgres@db.internal:5432/ratchet" — a database URL without its password, for logs. */
export function describeDatabaseUrl(url: string): string {
  const u = new URL(url);
  return `${u.username || "?"}@${u.hostname}:${u.port || "5432"}${u.pathname}`;
}
