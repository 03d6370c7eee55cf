import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { backupHeaderSchema, type BackupHeader } from "./backup-format";

/** Opens a backup file: its parsed header, then its remaining lines (rows, then the trailer) in order. */
export async function readBackupFile(file: string): Promise<{ header: BackupHeader; lines: AsyncIterator<string>; close(): void }> {
  const input = createReadStream(file);
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const close = () => {
    lines.close();
    input.destroy();
  };
  try {
    const first = await iterator.next();
    if (first.done) throw new Error(`${file} is empty`);
    const parsed = backupHeaderSchema.safeParse(JSON.parse(first.value));
    if (!parsed.success) throw new Error(`${file} is not a Ratchet backup of a format this version reads (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`);
    return { header: parsed.data, lines: iterator, close };
  } catch (error) {
    close();
    if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === "Z_DATA_ERROR") throw new Error(`${file} is not a Ratchet backup (not gzip'd JSON lines)`, { cause: error });
    throw error;
  }
}
