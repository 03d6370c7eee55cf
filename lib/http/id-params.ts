import { z } from "zod";

/** Route ids are cuids; anything else cannot exist (404 before touching the database). */
export const idSchema = z.string().regex(/^[a-z0-9]{20,40}$/i, "not an id");

export const idParams = <K extends string>(...names: K[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, idSchema])) as Record<K, typeof idSchema>);
