import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The Dockerfile and compose.yaml cannot be built here (no image registry), so this
// checks what can be checked without Docker: every npm command they run is one
// package.json has, the files the image copies exist, and the image's promises hold.

const root = path.join(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

/** Dockerfile instructions with their continuation lines joined, comments dropped. */
function instructions(dockerfile: string): { keyword: string; args: string }[] {
  const joined = dockerfile
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(" ") };
    });
}

/** A shell string or an exec-form array (`["npm", "run", "worker"]`) as one command line. */
function commandLine(args: string): string {
  const trimmed = args.trim();
  return trimmed.startsWith("[") ? (JSON.parse(trimmed) as string[]).join(" ") : trimmed;
}

/** Every npm invocation in a command line: "ci", "start", "run build", … */
function npmCommands(line: string): string[] {
  return [...line.matchAll(/\bnpm\s+(run\s+[\w:-]+|[\w-]+)/g)].map((m) => m[1]!.replace(/\s+/g, " "));
}

function missingFromPackageJson(commands: string[]): string[] {
  return commands.filter((command) => {
    if (command === "ci") return !existsSync(path.join(root, "package-lock.json"));
    if (command === "start" || command === "test") return !scripts[command];
    const run = /^run ([\w:-]+)$/.exec(command);
    return !run || !scripts[run[1]!];
  });
}

const dockerfile = instructions(read("Dockerfile"));
const compose = read("compose.yaml");
const composeCommands = [...compose.matchAll(/^\s+command:\s*(.+)$/gm)].map((m) => commandLine(m[1]!));

describe("Dockerfile", () => {
  it("runs only npm commands that package.json has (npm ci, npm run build, npm start)", () => {
    const lines = dockerfile.filter((i) => ["RUN", "CMD", "ENTRYPOINT"].includes(i.keyword)).map((i) => commandLine(i.args));
    const commands = lines.flatMap(npmCommands);
    expect(commands).toEqual(["ci", "run build", "start"]);
    expect(missingFromPackageJson(commands)).toEqual([]);
  });

  it("copies files that exist, builds in stages and runs as the unprivileged node user with a readiness healthcheck", () => {
    const copied = dockerfile
      .filter((i) => i.keyword === "COPY" && !i.args.includes("--from"))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
      .filter((source) => source !== ".");
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.filter((source) => !existsSync(path.join(root, source)))).toEqual([]);
    expect(dockerfile.filter((i) => i.keyword === "FROM").map((i) => i.args.split(/\s+AS\s+/i)[1])).toEqual(["deps", "build", "runtime"]);
    const afterLastFrom = dockerfile.slice(dockerfile.findLastIndex((i) => i.keyword === "FROM"));
    expect(afterLastFrom.filter((i) => i.keyword === "USER").map((i) => i.args)).toEqual(["node"]);
    const healthcheck = afterLastFrom.find((i) => i.keyword === "HEALTHCHECK");
    expect(healthcheck?.args).toMatch(/\/api\/health\/ready/);
    expect(afterLastFrom.at(-1)).toEqual({ keyword: "CMD", args: '["npm", "start"]' });
  });

  it("keeps dependencies, builds and local data out of the build context", () => {
    const ignored = read(".dockerignore").split("\n").map((line) => line.trim());
    for (const entry of ["node_modules", ".next", ".ratchet", ".git", "lib/db/generated"]) expect(ignored, entry).toContain(entry);
  });
});

describe("compose.yaml", () => {
  it("runs the web server and one worker with npm commands package.json has", () => {
    expect(composeCommands).toEqual(["npm start", "npm run worker"]);
    expect(missingFromPackageJson(composeCommands.flatMap(npmCommands))).toEqual([]);
  });

  it("has PostgreSQL 16 with a volume and a healthcheck, and gives web and worker the database, the secret and the public URL", () => {
    const services = [...compose.matchAll(/^ {2}([\w-]+):\s*$/gm)].map((m) => m[1]);
    expect(services).toEqual(["postgres", "web", "worker", "postgres-data"]);
    expect(compose).toMatch(/image: postgres:16\n/);
    expect(compose).toMatch(/- postgres-data:\/var\/lib\/postgresql\/data/);
    expect(compose).toMatch(/test: \["CMD", "pg_isready"/);
    for (const variable of ["DATABASE_URL", "RATCHET_SECRET", "RATCHET_PUBLIC_URL"]) expect(compose).toMatch(new RegExp(`^ {6}${variable}: `, "m"));
    expect(compose).toMatch(/environment: \*ratchet-env/);
  });
});
