import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-dynamic";

/**
 * The CLI (bin/ratchet.mjs) as this instance ships it, so a pipeline can
 * `curl -fsSL $RATCHET_URL/cli/ratchet.mjs` and run it with plain Node. Public
 * on purpose: it is the open-source file, holds nothing of this instance, and a
 * download step should not need the token the CLI itself then sends to the API.
 */
export async function GET() {
  const source = await readFile(path.join(process.cwd(), "bin/ratchet.mjs"), "utf8");
  return new Response(source, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache", "x-content-type-options": "nosniff" },
  });
}
