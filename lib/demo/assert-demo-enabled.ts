import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors/domain-errors";

/** The demo model server exists only on instances that run the demo (npm start passes the decision on as RATCHET_DEMO). */
export function assertDemoEnabled(): void {
  if (env().RATCHET_DEMO !== true) throw new NotFoundError("Demo model server");
}
