import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/projects/[projectId]/patterns/import/route";
import { GET as health } from "@/app/api/health/route";
import type { RouteContext } from "@/lib/api/api-route";
import { MAX_IMPORT_ROWS } from "@/lib/import-export/import-patterns";
import { createTestProject, patternTableCounts } from "@/lib/patterns/pattern-test-fixtures";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

let tester: TestUser;
let projectId: string;

type ImportJson = { valid?: number; invalid?: number; rows?: unknown[]; error?: { code: string; message: string; fields?: { path: string; message: string }[] } };

/** The response's status and body text (parsed by the caller, outside any measurement). */
async function importFileText(body: string, contentType: string, query = "") {
  const request = new Request(`http://localhost:3000/api/v1/projects/${projectId}/patterns/import${query}`, {
    method: "POST",
    // A browser sends its origin with every write; the API refuses cookie writes without it (CSRF).
    headers: { cookie: tester.cookie, "content-type": contentType, origin: "http://localhost:3000" },
    body,
  });
  const response = await importRoute.POST(request, { params: Promise.resolve({ projectId }) } as RouteContext);
  return { status: response.status, text: await response.text() };
}

async function importFile(body: string, contentType: string, query = "") {
  const { status, text } = await importFileText(body, contentType, query);
  return { status, json: JSON.parse(text) as ImportJson };
}

function csvOf(rows: number) {
  const lines = ["problem,name,purpose,origin,input,input_kind,expect_kind,expect_value,notes"];
  for (let i = 0; i < rows; i++) lines.push(`SENT-${(i % 2) + 1},Row ${i},case,contrived,"{""text"": ""sample text number ${i}""}",json,equals,negative,`);
  return lines.join("\n");
}

function jsonlOf(rows: number) {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(JSON.stringify({ problem: "SENT-1", name: `Row ${i}`, input: { text: `sample ${i}` }, expectation: { kind: "equals", value: "negative" } }));
  return lines.join("\n");
}

/**
 * The longest stretch of this process's CPU time between two turns of the
 * event loop, while `work` runs, next to the CPU time the whole work took.
 * CPU time, not wall-clock time: a machine busy with other processes pauses
 * this one without making either figure larger.
 */
async function longestEventLoopStall<T>(work: () => Promise<T>) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  let running = true;
  let last = cpu();
  let longest = 0;
  const tick = () => {
    const now = cpu();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  const start = cpu();
  setImmediate(tick);
  const result = await work();
  running = false;
  return { result, longestMicros: longest, totalMicros: cpu() - start };
}

beforeAll(async () => {
  tester = await createTestUser("tester");
  projectId = (await createTestProject()).project.id;
});

describe("import size limits", () => {
  it.each([
    ["CSV", "text/csv", csvOf],
    ["JSONL", "application/x-ndjson", jsonlOf],
  ] as const)("refuses a %s file of more than MAX_IMPORT_ROWS patterns with 422 naming the limit, writing nothing", async (_name, contentType, make) => {
    const before = await patternTableCounts();
    for (const query of ["?dryRun=true", ""]) {
      const res = await importFile(make(MAX_IMPORT_ROWS + 1), contentType, query);
      expect(res.status).toBe(422);
      expect(res.json.error?.message).toContain("20,000");
      expect(res.json.error?.fields).toEqual([{ path: "body", message: `more than ${MAX_IMPORT_ROWS} rows` }]);
    }
    expect(await patternTableCounts()).toEqual(before);
  });

  it("previews a file of MAX_IMPORT_ROWS patterns while /api/health keeps answering", async () => {
    const csv = csvOf(MAX_IMPORT_ROWS);
    let importDone = false;
    const healthAnswers: number[] = [];
    const { result, longestMicros, totalMicros } = await longestEventLoopStall(async () => {
      const preview = importFileText(csv, "text/csv", "?dryRun=true").finally(() => {
        importDone = true;
      });
      // Ask for health again and again, one request after the other, until the preview is done.
      const healthLoop = (async () => {
        while (!importDone) {
          const response = await health();
          if (!importDone) healthAnswers.push(response.status);
          // Liveness answers without I/O: without this turn of the event loop the loop would run on
          // microtasks alone and starve the import it is meant to run beside (a hang at 100 % CPU).
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const [res] = await Promise.all([preview, healthLoop]);
      return res;
    });
    expect(result.status).toBe(200);
    const json = JSON.parse(result.text) as ImportJson;
    expect(json).toMatchObject({ valid: MAX_IMPORT_ROWS, invalid: 0 });
    expect(json.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(healthAnswers.length).toBeGreaterThan(0);
    expect(new Set(healthAnswers)).toEqual(new Set([200]));
    console.log(`[import-limits] ${MAX_IMPORT_ROWS} rows: longest event-loop stall ${(longestMicros / 1000).toFixed(0)} ms CPU of ${(totalMicros / 1000).toFixed(0)} ms; /api/health answered ${healthAnswers.length} times meanwhile`);
    // Parsing and validating yield to the event loop: no single stretch holds it for a large share of the work.
    expect(longestMicros).toBeLessThan(totalMicros / 10);
  });
});
