import { existsSync, readFileSync } from "node:fs";
import { checkOpenApiAnswers, type ApiAnswer } from "@/lib/api/openapi/check-openapi-answers";
import { getOpenApiDocument } from "./openapi-document";

// The integration tier's last check: every answer an /api/v1 handler gave
// during the run (recorded by lib/testing/api-response-recorder.ts) must be
// one the OpenAPI document lists, with a body its schema accepts. Runs at
// teardown, once, over every file of the run; a mismatch fails the run.

export default function setup() {
  return () => {
    const file = process.env.RATCHET_API_ANSWERS_FILE;
    if (!file || !existsSync(file)) return;
    const answers = readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ApiAnswer);
    if (!answers.length) return;
    const problems = checkOpenApiAnswers(getOpenApiDocument(), answers);
    console.log(`[integration] OpenAPI conformance: ${answers.length} answers checked, ${problems.length} mismatch${problems.length === 1 ? "" : "es"}`);
    if (problems.length) {
      const lines = problems.map((p) => `  ${p.operation} → ${p.status}: ${p.problem}${p.test ? `\n      (seen in: ${p.test})` : ""}`);
      process.exitCode = 1;
      throw new Error(`The API answered what its OpenAPI document does not list:\n${lines.join("\n")}`);
    }
  };
}
