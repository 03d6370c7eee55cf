import { z } from "zod";

/** The version an edit started from (optimistic locking). Bounded to the column's int4: a larger number was a 500. */
export const lockVersionSchema = z.number().int().min(0).max(2_147_483_647);
