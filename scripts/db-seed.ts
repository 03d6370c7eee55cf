// npm run db:seed — writes the demo project into DATABASE_URL when that
// database holds no project yet; leaves any other database untouched.
import { env } from "../lib/env";
import { describeDatabaseUrl } from "../lib/db/describe-database-url";
import { createPrismaClient } from "../lib/db/prisma";
import { isDatabaseEmpty, seedDemo } from "../lib/demo/seed-demo";

const { DATABASE_URL, RATCHET_PUBLIC_URL, PORT } = env();
if (!DATABASE_URL) {
  console.error("DATABASE_URL is not set: point it at the database to seed (npm start seeds the embedded one itself).");
  process.exit(1);
}

const modelBaseUrl = `${RATCHET_PUBLIC_URL ?? `http://127.0.0.1:${PORT}`}/api/demo/models`;
const db = createPrismaClient(DATABASE_URL);
try {
  if (await isDatabaseEmpty(db)) {
    const { projectId } = await seedDemo(db, { modelBaseUrl });
    const [problems, patterns, models, results] = await Promise.all([
      db.problem.count({ where: { projectId } }),
      db.pattern.count({ where: { projectId } }),
      db.modelVersion.count({ where: { projectId } }),
      db.result.count({ where: { projectId } }),
    ]);
    console.log(
      `seeded the demo project into ${describeDatabaseUrl(DATABASE_URL)}: ${problems} problems, ${patterns} patterns, ` +
        `${models} model versions, ${results} results; demo models served at ${modelBaseUrl}`,
    );
  } else {
    console.log(`${describeDatabaseUrl(DATABASE_URL)} already holds projects: nothing seeded`);
  }
} finally {
  await db.$disconnect();
}
