import { createHmac } from "node:crypto";
import { z } from "zod";

// The backup file (npm run backup / restore): gzip'd JSON lines.
//   line 1        the header below (what, when, which migrations, which tables with how many rows)
//   then          every table's rows in header order, `rows` lines each: a JSON array of the
//                 columns' text forms (PostgreSQL's own input/output format, as COPY uses; null for NULL)
//   last line     {"end":true,"rows":N}: a file cut short is refused, not half restored
// Text forms keep every type exact (bytea as hex, jsonb as written, timestamps in UTC, floats with
// extra_float_digits 3) and restore through the column type's own cast.

export const BACKUP_FORMAT = "ratchet-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** Session settings for both ends, so text forms are read back as they were written (SET LOCAL: the embedded database is one shared session). */
export const TEXT_FORM_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
];

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  /** Names of the Ratchet migrations the database had (prisma/migrations folders): the rows' shape. */
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      rows: z.number().int().min(0),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  secret: z.object({
    /** HMAC of RATCHET_SECRET (or RATCHET_DATA_DIR/secret) with a fixed message: tells a restore whether it has the same one. */
    fingerprint: z.string().nullable(),
    /** Model versions whose connector secrets are encrypted with it. */
    encryptedConnectorSecrets: z.number().int().min(0),
    /** The secret itself, only with `npm run backup -- FILE --include-secret`. */
    value: z.string().optional(),
  }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupTrailerSchema = z.object({ end: z.literal(true), rows: z.number().int().min(0) });

export function secretFingerprint(secret: string): string {
  return createHmac("sha256", secret).update("ratchet backup secret check").digest("hex").slice(0, 16);
}

/** Quotes an identifier (table, column, sequence names come from the catalog). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
