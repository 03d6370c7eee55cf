// Started by scripts/start.ts after it seeded the demo: waits until the demo's
// replays have completed, then writes the demo stakeholder's sign-offs
// (lib/demo/seed-demo-signoffs.ts). Sign-offs need complete evidence, so they
// cannot be written with the rest of the seed.
import { prisma } from "../lib/db/prisma";
import { seedDemoSignoffs } from "../lib/demo/seed-demo-signoffs";
import { DEMO_PROJECT } from "../lib/demo/demo-project";

const log = (message: string) => console.log(`[ratchet] ${message}`);
const deadline = Date.now() + 15 * 60_000;

try {
  const project = await prisma().project.findUnique({ where: { slug: DEMO_PROJECT.slug }, select: { id: true } });
  if (!project) process.exit(0);
  while ((await prisma().replayRun.count({ where: { projectId: project.id, status: { in: ["queued", "running"] } } })) > 0) {
    if (Date.now() > deadline) {
      log("demo sign-offs: replays did not complete within 15 minutes; skipped");
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const written = await seedDemoSignoffs(project.id);
  if (written) log(`demo sign-offs: ${written} written by the demo stakeholder`);
} catch (error) {
  console.error("[ratchet] demo sign-offs failed", error);
  process.exitCode = 1;
} finally {
  await prisma().$disconnect();
}
