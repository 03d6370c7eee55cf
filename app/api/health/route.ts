export const dynamic = "force-dynamic";

/** Liveness: the process serves requests. No database call, no details; 200 while it answers at all. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
