// npm run db:migrate — applies prisma/migrations to DATABASE_URL, or to the
// embedded database in RATCHET_DATA_DIR when DATABASE_URL is not set.
import { env } from "../lib/env";
import { applyMigrations } from "../lib/db/tooling/schema-engine";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

const { DATABASE_URL, RATCHET_DATA_DIR } = env();
const embedded = DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: RATCHET_DATA_DIR });
try {
  const applied = await applyMigrations(DATABASE_URL ?? embedded!.url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await embedded?.stop();
}
