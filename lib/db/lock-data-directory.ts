import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { logger } from "../log/logger.mjs";

// One process owns an embedded data directory: two PGlite instances writing the
// same files corrupt them. proper-lockfile makes `<dir>/lock` atomically (mkdir)
// and refreshes its mtime while held; a lock nobody refreshed for STALE_MS
// (owner killed, power loss) is taken over. The owner's pid is kept beside it,
// only to name the holder in the refusal.

const STALE_MS = 10_000;
const UPDATE_MS = 2_000;

export type DataDirectoryLock = { release(): Promise<void> };
type Owner = { pid: number; hostname: string; command: string; since: string };

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: Owner | null,
  ) {
    super(
      owner
        ? `${dataDir} is in use by process ${owner.pid} on ${owner.hostname} (${owner.command}, since ${owner.since}). Stop it first, or set RATCHET_DATA_DIR to another directory.`
        : `${dataDir} is in use by another process. Stop it first, or set RATCHET_DATA_DIR to another directory.`,
    );
    this.name = "DataDirectoryLockedError";
  }
}

/**
 * Locks `dataDir` for this process, or throws DataDirectoryLockedError at once
 * when a live process holds it. A lock whose owner is gone (same host, no such
 * pid) is waited out until stale, then taken over. `onCompromised` runs if the
 * lock is lost while held (e.g. the directory was removed).
 */
export async function lockDataDirectory(dataDir: string, options: { onCompromised?: (error: Error) => void } = {}): Promise<DataDirectoryLock> {
  // Loaded here, not at the top: proper-lockfile installs signal-exit's SIGINT/SIGTERM
  // listeners when loaded, and a process that merely imports the database code (a
  // throwaway database on a PostgreSQL server, say) must keep its own signal handling:
  // lib/db/tooling/throwaway-database.ts drops its database on a signal only when no
  // other listener is there to end the process.
  const { default: lockfile } = await import("proper-lockfile");
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lockOptions = {
    lockfilePath: path.join(dir, "lock"),
    stale: STALE_MS,
    update: UPDATE_MS,
    realpath: false,
    onCompromised: options.onCompromised ?? ((error: Error) => logger().error({ err: error, dir }, `lost the lock on ${dir}`)),
  };
  const ownerFile = path.join(dir, "lock.owner.json");
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, lockOptions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    const owner = await readOwner(ownerFile);
    if (owner && isAlive(owner)) throw new DataDirectoryLockedError(dir, owner);
    // The owner died without releasing: wait until its lock is stale (no longer refreshed), then take it.
    release = await lockfile.lock(dir, { ...lockOptions, retries: { retries: Math.ceil(STALE_MS / 500) + 4, minTimeout: 500, maxTimeout: 500, factor: 1 } }).catch(async (again: unknown) => {
      if ((again as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirectoryLockedError(dir, await readOwner(ownerFile));
      throw again;
    });
  }
  const owner: Owner = { pid: process.pid, hostname: os.hostname(), command: process.argv.slice(1).map((a) => path.basename(a)).join(" "), since: new Date().toISOString() };
  await writeFile(ownerFile, JSON.stringify(owner), { mode: 0o600 });
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await rm(ownerFile, { force: true });
      await release();
    },
  };
}

async function readOwner(file: string): Promise<Owner | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Owner;
  } catch {
    return null;
  }
}

/** A pid on another host cannot be checked: its lock counts as live until it goes stale. */
function isAlive(owner: Owner): boolean {
  if (owner.hostname !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
