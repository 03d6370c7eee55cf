import { ValidationError } from "@/lib/errors/domain-errors";

/** A file of more patterns than one import takes: refused whole (422), before validating any row. */
export class TooManyRowsError extends ValidationError {
  constructor(maxRows: number) {
    super(`The file has more than ${maxRows.toLocaleString("en-US")} patterns; one import takes at most ${maxRows.toLocaleString("en-US")} rows. Split the file and import the parts.`, [
      { path: "body", message: `more than ${maxRows} rows` },
    ]);
  }
}
