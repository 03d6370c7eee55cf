// A process that creates a throwaway database, prints its name, then ends as
// argv[2] says: "exit" (process.exit without drop), "throw" (an uncaught error),
// or "wait" (until a signal). throwaway-database.integration.test.ts kills it in
// each of these ways and checks that the database is gone.
import { createThrowawayDatabase } from "../throwaway-database";

const database = await createThrowawayDatabase("ratchet_hold", { migrate: false });
console.log(`database ${database.name}`);
const how = process.argv[2];
if (how === "exit") process.exit(3);
if (how === "throw") throw new Error("a failing run");
setInterval(() => undefined, 60_000);
