import { describe, expect, it } from "vitest";
import { sourceUrlSchema } from "./model-version-fields.schema";

describe("sourceUrlSchema", () => {
  it.each(["https://git.example.com/ml/run/1", "http://mlflow.internal:5000/#/experiments/1"])("accepts %s", (url) => {
    expect(sourceUrlSchema.parse(url)).toBe(url);
  });

  // Issue 11 item 15: the page renders sourceUrl as a link, so javascript: would run in the reader's session.
  it.each(["javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "ftp://files.example.com/x", "not a url"])(
    "refuses %s",
    (url) => {
      const parsed = sourceUrlSchema.safeParse(url);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("must be an http(s) URL");
    },
  );
});
