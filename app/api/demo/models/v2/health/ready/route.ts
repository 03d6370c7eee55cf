export const dynamic = "force-dynamic";

// Open Inference Protocol server readiness: the demo models are in-process, so always ready.
export function GET() {
  return Response.json({ ready: true });
}
